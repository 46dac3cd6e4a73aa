import { useId } from "react";
import { Link } from "wouter";
import type { Progress } from "../../../../domain/progress";
import { useI18n } from "../../../i18n/context";
import { formatLocalDay } from "../days";

/** Each return after a lapse, framed as what it is: strength. The faster, the better. */
export function ReturnsList({ progress }: { progress: Progress }) {
  const { t, tCount, locale } = useI18n();
  const headingId = useId();
  if (progress.returns.length === 0) return null;
  const day = (date: string) => formatLocalDay(date, locale, { month: "long", day: "numeric" });
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("progress.returnsHeading")}</h2>
      <p>{t("progress.returnsIntro")}</p>
      <ul className="returns-list">
        {[...progress.returns].reverse().map((lapseReturn) => (
          <li key={lapseReturn.lapseStartedOn}>
            {lapseReturn.daysToReturn !== null && lapseReturn.returnedOn ? (
              <>
                <strong>{tCount("progress.backInDays", lapseReturn.daysToReturn)}</strong>
                <span className="hint">
                  {t("progress.returnedOn", { date: day(lapseReturn.returnedOn) })}
                </span>
              </>
            ) : (
              <>
                <strong>{t("progress.returnToday")}</strong>
                <span className="hint">
                  {t("progress.lapseSince", { date: day(lapseReturn.lapseStartedOn) })}{" "}
                  <Link href="/coping">{t("lapse.useTool")}</Link>
                </span>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

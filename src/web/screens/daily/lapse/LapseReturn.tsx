import type { Ref } from "react";
import { Link } from "wouter";
import { crisisResourcesFor } from "../../../../domain/crisis-resources";
import { RETURN_MESSAGE_KEYS } from "../../../../domain/lapse";
import { Icon } from "../../../components/icons";
import { useLoad } from "../../../components/use-load";
import { useI18n } from "../../../i18n/context";
import { useMe } from "../../../session";
import { AskForSupport } from "../../care/AskForSupport";
import { dailyApi } from "../api";

/** The way back: a lapse is something to learn from, someone to call, and one next step. */
export function LapseReturn({ headingRef }: { headingRef: Ref<HTMLHeadingElement> }) {
  const { t, tCount, locale } = useI18n();
  const me = useMe();
  const crisisLine = crisisResourcesFor(locale).find((resource) => resource.id === "988");
  const { state } = useLoad(() => dailyApi.progress(me.id), [me.id]);
  const keys = RETURN_MESSAGE_KEYS;

  return (
    <section className="stack" aria-labelledby="lapse-return">
      <h2 id="lapse-return" ref={headingRef} tabIndex={-1}>
        {t("lapse.returnHeading")}
      </h2>
      <div className="card stack tight">
        <h3>{t(`${keys.notAFailure}.title`)}</h3>
        <p>{t(keys.notAFailure)}</p>
        {state.status === "loaded" && state.value.totalDaysWithoutUse > 0 && (
          <p>
            <strong>{tCount("lapse.daysStillCount", state.value.totalDaysWithoutUse)}</strong>
          </p>
        )}
      </div>
      <div className="card stack tight">
        <h3>{t(`${keys.callSupport}.title`)}</h3>
        <p>{t(keys.callSupport)}</p>
        <div className="crisis-actions">
          {crisisLine && (
            <a className="button call" href={`tel:${crisisLine.tel}`}>
              <Icon name="phone" />
              {t("help.call", { number: crisisLine.display })}
            </a>
          )}
          <Link href="/help" className="button secondary">
            {t("lapse.morePeople")}
          </Link>
        </div>
        <AskForSupport />
        <p className="hint">{t("coping.call.supportPeopleLater")}</p>
      </div>
      <div className="card stack tight next-step">
        <h3>{t(`${keys.nextStep}.title`)}</h3>
        <p>{t(keys.nextStep)}</p>
        <div className="actions-row">
          <Link href="/plan" className="button primary">
            {t("lapse.openPlan")}
          </Link>
          <Link href="/coping" className="button secondary">
            {t("lapse.useTool")}
          </Link>
          <Link href="/" className="button secondary">
            {t("checkin.toToday")}
          </Link>
        </div>
      </div>
    </section>
  );
}

import { useId, useLayoutEffect, useRef, useState } from "react";
import { Link } from "wouter";
import type { copingUseSchema } from "../../../../domain/api/daily";
import type { CopingTool } from "../../../../domain/craving";
import { describeError } from "../../../components/api-error";
import { FormAlert } from "../../../components/FormAlert";
import { useI18n } from "../../../i18n/context";
import { saveThroughQueue } from "../../../offline/saved";
import { cravingLink, newClientId } from "../../../offline/sync";
import { useMe } from "../../../session";
import { dailyWrites } from "../api";
import { ToolLinks } from "./ToolLinks";

type Answer = "passed" | "notYet" | "skipped";

/**
 * The end of every tool: "did the craving pass?" The answer is recorded with the tool, so the
 * person can later see which tools work for them. Skipping still records that the tool was used.
 */
export function DidItPass({ tool, cravingId }: { tool: CopingTool; cravingId: string | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const headingId = useId();
  const toolsId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const result = useRef<HTMLHeadingElement>(null);
  // One id per tool use: a second tap after a lost answer is the same write.
  const clientId = useRef(newClientId());
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [isSaving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  useLayoutEffect(() => heading.current?.focus(), []);
  useLayoutEffect(() => {
    if (answer) result.current?.focus();
  }, [answer]);

  async function record(choice: Answer) {
    if (isSaving) return;
    setSaving(true);
    setError(undefined);
    try {
      const link = cravingId ? await cravingLink(cravingId) : null;
      await saveThroughQueue<typeof copingUseSchema>(
        await dailyWrites.copingUse(
          me.id,
          {
            tool,
            ...(link && { cravingId: link.cravingId }),
            ...(choice !== "skipped" && { passed: choice === "passed" }),
          },
          link?.cravingRef,
        ),
        clientId.current,
      );
      setAnswer(choice);
    } catch (caught) {
      setError(describeError(caught, i18n).message);
    } finally {
      setSaving(false);
    }
  }

  if (answer) {
    return (
      <section className="card saved-card stack" aria-labelledby={headingId}>
        <h2 id={headingId} ref={result} tabIndex={-1}>
          {t(`coping.${answer}Title`)}
        </h2>
        <p>{t(`coping.${answer}Body`)}</p>
        {answer === "notYet" && (
          <>
            <h3 id={toolsId}>{t("coping.tryAnother")}</h3>
            <ToolLinks cravingId={cravingId} labelledBy={toolsId} />
            <p>
              <Link href="/help">{t("coping.reachOut")}</Link>
            </p>
          </>
        )}
        <div className="actions-row">
          <Link href="/coping" className="button secondary">
            {t("coping.whatWorks")}
          </Link>
          <Link href="/" className="button secondary">
            {t("checkin.toToday")}
          </Link>
        </div>
      </section>
    );
  }

  return (
    <section className="card ask-card stack" aria-labelledby={headingId} aria-busy={isSaving}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t("coping.didItPass")}
      </h2>
      <FormAlert message={error} />
      <div className="actions-row">
        <button
          type="button"
          className="button primary"
          disabled={isSaving}
          onClick={() => record("passed")}
        >
          {t("coping.passedYes")}
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={isSaving}
          onClick={() => record("notYet")}
        >
          {t("coping.passedNotYet")}
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={isSaving}
          onClick={() => record("skipped")}
        >
          {t("coping.skipQuestion")}
        </button>
      </div>
    </section>
  );
}

import { type Ref, useEffect, useState } from "react";
import { Link } from "wouter";
import type { RecordedUse } from "../../../../domain/api/daily";
import { SAFETY_MESSAGE_KEYS } from "../../../../domain/lapse";
import { describeError } from "../../../components/api-error";
import { FormAlert } from "../../../components/FormAlert";
import { Icon } from "../../../components/icons";
import { useI18n } from "../../../i18n/context";
import { isMessageKey } from "../../../i18n/translate";
import { useMe } from "../../../session";
import { dailyApi } from "../api";

/** How long "undo" stays offered for a use recorded by mistake. */
export const UNDO_WINDOW_MS = 10 * 60_000;

interface LapseSafetyProps {
  recorded: RecordedUse;
  headingRef: Ref<HTMLHeadingElement>;
  canUndo: boolean;
  checkinDay: string | null;
  onUndone: () => void;
  onContinue: () => void;
}

/** Safety first: the server names the messages and their order; the words are ours (sourced). */
export function LapseSafety(props: LapseSafetyProps) {
  const { recorded, headingRef, canUndo, checkinDay, onUndone, onContinue } = props;
  const i18n = useI18n();
  const { t, tCount } = i18n;
  const me = useMe();
  const { safety } = recorded;
  const [isUndoOpen, setUndoOpen] = useState(canUndo);
  const [isUndoing, setUndoing] = useState(false);
  const [undoError, setUndoError] = useState<string>();

  useEffect(() => {
    if (!canUndo) return;
    const timer = setTimeout(() => setUndoOpen(false), UNDO_WINDOW_MS);
    return () => clearTimeout(timer);
  }, [canUndo]);

  async function undo() {
    setUndoing(true);
    setUndoError(undefined);
    try {
      await dailyApi.deleteUse(me.id, recorded.use.id);
      onUndone();
    } catch (caught) {
      setUndoError(describeError(caught, i18n).message);
      setUndoing(false);
    }
  }

  return (
    <section className="stack" aria-labelledby="lapse-safety">
      <h2 id="lapse-safety" ref={headingRef} tabIndex={-1}>
        {t("lapse.safetyHeading")}
      </h2>
      <p>{t("lapse.safetyIntro")}</p>
      <ul className="safety-list">
        {safety.messageKeys.map((key) => {
          const titleKey = `${key}.title`;
          if (!isMessageKey(key) || !isMessageKey(titleKey)) return null;
          return (
            <li key={key} className="card stack tight safety-item">
              <h3>{t(titleKey)}</h3>
              <p>{t(key)}</p>
              {key === SAFETY_MESSAGE_KEYS.tolerance && safety.daysWithoutUseBefore > 0 && (
                <p>
                  <strong>
                    {tCount("lapse.safety.toleranceDays", safety.daysWithoutUseBefore)}
                  </strong>
                </p>
              )}
              {key === SAFETY_MESSAGE_KEYS.neverUseAlone && (
                <a className="button call" href={`tel:${safety.neverUseAlone.tel}`}>
                  <Icon name="phone" />
                  {t("lapse.callNeverUseAlone", { number: safety.neverUseAlone.display })}
                </a>
              )}
              {key === SAFETY_MESSAGE_KEYS.overdoseSigns && (
                <a className="button call urgent" href={`tel:${safety.emergency.tel}`}>
                  <Icon name="phone" />
                  {t("help.call", { number: safety.emergency.display })}
                </a>
              )}
            </li>
          );
        })}
      </ul>
      <button type="button" className="button primary" onClick={onContinue}>
        {t("lapse.toReturn")}
      </button>
      {isUndoOpen && (
        <div className="undo-box stack tight">
          <p className="hint">{t("lapse.undoHint")}</p>
          <FormAlert message={undoError} />
          <button type="button" className="button secondary" disabled={isUndoing} onClick={undo}>
            {isUndoing ? t("lapse.undoing") : t("lapse.undo")}
          </button>
        </div>
      )}
      {checkinDay && (
        <p className="hint">
          {t("lapse.fromCheckinMistake")}{" "}
          <Link href={`/checkin/${checkinDay}`}>{t("lapse.editCheckin")}</Link>
        </p>
      )}
    </section>
  );
}

import { useState } from "react";
import { HALT_STATES, type Halt } from "../../../../domain/checkin";
import { useI18n } from "../../../i18n/context";

/** HALT: hungry, angry, lonely, tired. Naming the one that is true points at what to do next. */
export function HaltCheck({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const [halt, setHalt] = useState<Halt>({
    hungry: false,
    angry: false,
    lonely: false,
    tired: false,
  });
  const chosen = HALT_STATES.filter((state) => halt[state]);
  return (
    <div className="stack">
      <p>{t("coping.halt.intro")}</p>
      <fieldset className="toggle-group">
        <legend>{t("coping.halt.question")}</legend>
        <div className="toggle-grid">
          {HALT_STATES.map((state) => (
            <label key={state} className="pill">
              <input
                type="checkbox"
                checked={halt[state]}
                onChange={(event) => setHalt({ ...halt, [state]: event.target.checked })}
              />
              <span>{t(`halt.${state}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div aria-live="polite" className="stack">
        {chosen.length === 0 ? (
          <p className="hint">{t("coping.halt.none")}</p>
        ) : (
          <ul className="idea-list">
            {chosen.map((state) => (
              <li key={state}>
                <strong>{t(`halt.${state}`)}:</strong> {t(`coping.halt.${state}`)}
              </li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" className="button primary" onClick={onDone}>
        {t("coping.done")}
      </button>
    </div>
  );
}

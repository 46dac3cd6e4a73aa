import { type ChangeEvent, useId, useState } from "react";
import type { MeetingImportResult } from "../../../domain/api/support";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { Loading } from "../../components/Loading";
import { useI18n } from "../../i18n/context";
import { supportApi } from "./api";

/** Import a Meeting Guide JSON file; reports what was added and which rows were skipped. */
export function ImportFeed({ onImported }: { onImported: () => void }) {
  const i18n = useI18n();
  const { t, tCount } = i18n;
  const [result, setResult] = useState<MeetingImportResult | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const inputId = useId();

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setError(undefined);
    setResult(null);
    let rows: unknown[];
    try {
      const parsed: unknown = JSON.parse(await file.text());
      const list = Array.isArray(parsed)
        ? parsed
        : (parsed as { meetings?: unknown } | null)?.meetings;
      if (!Array.isArray(list)) throw new Error("not a list");
      rows = list;
    } catch {
      setError(t("meetings.import.notJson"));
      return;
    }
    setBusy(true);
    try {
      setResult(await supportApi.importMeetingFeed(rows));
      onImported();
    } catch (caught) {
      setError(describeError(caught, i18n).message);
    } finally {
      setBusy(false);
      event.target.value = "";
    }
  };

  return (
    <section className="card stack" aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`}>{t("meetings.import.heading")}</h2>
      <p className="hint">{t("meetings.import.intro")}</p>
      <div className="field">
        <label htmlFor={inputId}>{t("meetings.import.file")}</label>
        <input
          id={inputId}
          type="file"
          accept=".json,application/json"
          onChange={onFile}
          disabled={busy}
        />
      </div>
      {busy && <Loading />}
      <FormAlert message={error} />
      {result && (
        <div role="status" className="stack tight">
          <p>
            {tCount("meetings.import.imported", result.imported + result.updated)}
            {", "}
            {tCount("meetings.import.skipped", result.skipped.length)}
          </p>
          {result.skipped.length > 0 && (
            <ul className="skipped">
              {result.skipped.map((skip) => (
                <li key={skip.index}>
                  {t("meetings.import.row", { row: skip.index + 1, reason: skip.reason })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

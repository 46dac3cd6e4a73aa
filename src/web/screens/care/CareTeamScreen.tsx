import { useId, useState } from "react";
import { Link } from "wouter";
import { compareIso } from "../../../domain/iso-order";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { FormAlert } from "../../components/FormAlert";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { useMe } from "../../session";
import { careApi } from "./api";

/** The member's view of what their care team sent: visit notes, and plan steps to accept. */
export function CareTeamScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const notesId = useId();
  const suggestionsId = useId();
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState<string | null>(null);
  const { state, reload } = useLoad(
    () => Promise.all([careApi.notes(me.id), careApi.suggestions(me.id)]),
    [me.id],
  );

  async function respond(suggestionId: string, response: "accept" | "decline") {
    setBusy(suggestionId);
    setError(undefined);
    setStatus(null);
    try {
      await careApi.respond(me.id, suggestionId, response);
      setStatus(t(response === "accept" ? "care.team.accepted" : "care.team.declined"));
      reload();
    } catch (caught) {
      setError(describeError(caught, i18n).message);
    } finally {
      setBusy(null);
    }
  }

  const unnamed = t("care.caseload.unnamed");
  return (
    <div className="stack care">
      <ScreenHeading titleKey="care.team.title" />
      <p className="lead">{t("care.team.intro")}</p>
      {state.status === "loading" && <Loading />}
      {state.status === "failed" && (
        <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
      )}
      {state.status === "loaded" && (
        <>
          <section className="stack" aria-labelledby={suggestionsId}>
            <h2 id={suggestionsId}>{t("care.team.suggestions")}</h2>
            {status && (
              <p className="care-done" role="status">
                {status}
              </p>
            )}
            <FormAlert message={error} />
            {state.value[1].suggestions.filter((s) => s.status === "pending").length === 0 ? (
              <p>{t("care.team.noSuggestions")}</p>
            ) : (
              <ul className="care-list">
                {state.value[1].suggestions
                  .filter((suggestion) => suggestion.status === "pending")
                  .map((suggestion) => (
                    <li key={suggestion.id} className="card stack">
                      <strong>{suggestion.title}</strong>
                      {suggestion.note && <p>{suggestion.note}</p>}
                      <p className="hint">
                        {t("care.team.suggestedBy", {
                          name: suggestion.author.displayName ?? unnamed,
                        })}
                      </p>
                      <div className="care-actions">
                        <button
                          type="button"
                          className="button primary"
                          disabled={busy !== null}
                          onClick={() => respond(suggestion.id, "accept")}
                        >
                          {t("care.team.accept")}
                        </button>
                        <button
                          type="button"
                          className="button secondary"
                          disabled={busy !== null}
                          onClick={() => respond(suggestion.id, "decline")}
                        >
                          {t("care.team.decline")}
                        </button>
                      </div>
                    </li>
                  ))}
              </ul>
            )}
          </section>
          <section className="stack" aria-labelledby={notesId}>
            <h2 id={notesId}>{t("care.team.notes")}</h2>
            {state.value[0].notes.length === 0 ? (
              <p>{t("care.team.noNotes")}</p>
            ) : (
              <ul className="care-list">
                {[...state.value[0].notes]
                  .sort((a, b) => compareIso(b.createdAt, a.createdAt))
                  .map((note) => (
                    <li key={note.id} className="card stack">
                      <p className="care-note">{note.body}</p>
                      <p className="hint">
                        {t("care.team.noteBy", {
                          name: note.author.displayName ?? unnamed,
                          date: i18n.formatDateTime(note.createdAt),
                        })}
                      </p>
                    </li>
                  ))}
              </ul>
            )}
          </section>
        </>
      )}
      <p>
        <Link href="/settings/sharing">{t("care.log.back")}</Link>
      </p>
    </div>
  );
}

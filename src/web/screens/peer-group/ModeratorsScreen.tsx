import { type FormEvent, useState } from "react";
import type { PeerModerator } from "../../../domain/api/peer-group";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { FormAlert } from "../../components/FormAlert";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { TextField } from "../../components/TextField";
import { useFormError } from "../../components/use-form-error";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { peerGroupApi } from "./api";

const fields = ["email"] as const;

/** An admin chooses the group's moderators among people already in the organization. */
export function ModeratorsScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const { state, reload } = useLoad(() => peerGroupApi.moderators(), [], {
    keepWhileReloading: true,
  });
  const [email, setEmail] = useState("");
  const [status, setStatus] = useState("");
  const [removeError, setRemoveError] = useState<string>();
  const form = useFormError(fields);
  const nameOf = (moderator: PeerModerator) => moderator.displayName ?? moderator.email;

  async function grant(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    form.setError(null);
    try {
      const moderator = await peerGroupApi.grantModerator({ email: email.trim() });
      setEmail("");
      setStatus(t("moderators.granted", { name: nameOf(moderator) }));
      reload();
    } catch (error) {
      const described = describeError(error, i18n);
      form.setError({ ...described, field: "email" });
    }
  }

  async function remove(moderator: PeerModerator) {
    setRemoveError(undefined);
    try {
      await peerGroupApi.revokeModerator(moderator.id);
      setStatus(t("moderators.removed", { name: nameOf(moderator) }));
      reload();
    } catch (error) {
      setRemoveError(describeError(error, i18n).message);
    }
  }

  return (
    <div className="stack peer-group">
      <ScreenHeading titleKey="moderators.title" />
      <p className="lead">{t("moderators.intro")}</p>
      <form className="stack" noValidate onSubmit={grant}>
        <TextField
          label={t("moderators.email")}
          type="email"
          inputMode="email"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={form.fieldError("email")}
          inputRef={form.register("email")}
        />
        <button type="submit" className="button primary">
          {t("moderators.grant")}
        </button>
      </form>
      <p role="status" className="status-line">
        {status}
      </p>
      <FormAlert message={removeError} />
      {state.status === "loading" && <Loading />}
      {state.status === "failed" && (
        <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
      )}
      {state.status === "loaded" &&
        (state.value.moderators.length === 0 ? (
          <p>{t("moderators.none")}</p>
        ) : (
          <ul className="muted-list" aria-label={t("moderators.listLabel")}>
            {state.value.moderators.map((moderator) => (
              <li key={moderator.id}>
                <span>
                  {nameOf(moderator)} <span className="hint">{moderator.email}</span>
                </span>
                <button
                  type="button"
                  className="button secondary"
                  onClick={() => remove(moderator)}
                >
                  {t("moderators.remove", { name: nameOf(moderator) })}
                </button>
              </li>
            ))}
          </ul>
        ))}
    </div>
  );
}

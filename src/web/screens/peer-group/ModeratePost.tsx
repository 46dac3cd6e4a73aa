import { useState } from "react";
import type { PeerReply } from "../../../domain/api/peer-group";
import { describeError } from "../../components/api-error";
import { FormAlert } from "../../components/FormAlert";
import { useI18n } from "../../i18n/context";
import { peerGroupApi } from "./api";

/** A moderator can hide any post they read, reported or not, and show it again. */
export function ModeratePost({ post }: { post: PeerReply }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [hidden, setHidden] = useState(post.hidden);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string>();

  async function toggle() {
    setError(undefined);
    try {
      await peerGroupApi.moderatePost(post.id, hidden ? "unhide" : "hide");
      setStatus(t(hidden ? "moderation.done.unhide" : "moderation.done.hide"));
      setHidden(!hidden);
    } catch (failure) {
      setError(describeError(failure, i18n).message);
    }
  }

  return (
    <div className="actions-row">
      <button type="button" className="button secondary" onClick={toggle}>
        {hidden ? t("moderation.unhide") : t("moderation.hide")}
      </button>
      <p role="status" className="status-line">
        {status}
      </p>
      <FormAlert message={error} />
    </div>
  );
}

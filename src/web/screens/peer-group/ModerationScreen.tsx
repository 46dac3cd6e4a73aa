import { useState } from "react";
import type { ReportedPeerPost } from "../../../domain/api/peer-group";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { FormAlert } from "../../components/FormAlert";
import { Loading } from "../../components/Loading";
import { ScreenHeading } from "../../components/ScreenHeading";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { timeAgo } from "../../i18n/dates";
import { peerGroupApi } from "./api";

type PostAction = "hide" | "unhide" | "dismiss-reports";

/** The moderators' queue: reported posts, with hide, dismiss and mute; and who is muted. */
export function ModerationScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const { state, reload } = useLoad(() => peerGroupApi.reports(), [], {
    keepWhileReloading: true,
  });
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string>();
  // A hidden post leaves the queue; undo brings it back to the group at once.
  const [undo, setUndo] = useState<(() => void) | null>(null);

  async function act(work: () => Promise<unknown>, done: string, undoWith?: () => void) {
    setError(undefined);
    try {
      await work();
      setStatus(done);
      setUndo(() => undoWith ?? null);
      reload();
    } catch (failure) {
      setError(describeError(failure, i18n).message);
    }
  }
  const onPost = (post: ReportedPeerPost, action: PostAction) =>
    act(
      () => peerGroupApi.moderatePost(post.id, action),
      t(`moderation.done.${action}`),
      action === "hide" ? () => onPost(post, "unhide") : undefined,
    );
  const onMute = (alias: string, muted: boolean) =>
    act(
      () => peerGroupApi.setMuted(alias, muted),
      t(muted ? "moderation.done.mute" : "moderation.done.unmute", { alias }),
    );

  return (
    <div className="stack peer-group">
      <ScreenHeading titleKey="moderation.title" />
      <p className="lead">{t("moderation.intro")}</p>
      <div className="actions-row">
        <p role="status" className="status-line">
          {status}
        </p>
        {undo && (
          <button type="button" className="button secondary" onClick={undo}>
            {t("moderation.undo")}
          </button>
        )}
      </div>
      <FormAlert message={error} />
      {state.status === "loading" && <Loading />}
      {state.status === "failed" && (
        <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
      )}
      {state.status === "loaded" && (
        <>
          {state.value.reports.length === 0 ? (
            <p>{t("moderation.empty")}</p>
          ) : (
            <ul className="peer-posts">
              {state.value.reports.map((post) => (
                <li key={post.id}>
                  <ReportedPost post={post} onPost={onPost} onMute={onMute} />
                </li>
              ))}
            </ul>
          )}
          <section className="stack" aria-labelledby="muted-heading">
            <h2 id="muted-heading">{t("moderation.mutedHeading")}</h2>
            {state.value.mutedAliases.length === 0 ? (
              <p>{t("moderation.mutedNone")}</p>
            ) : (
              <ul className="muted-list">
                {state.value.mutedAliases.map((alias) => (
                  <li key={alias}>
                    <span>{alias}</span>
                    <button
                      type="button"
                      className="button secondary"
                      onClick={() => onMute(alias, false)}
                    >
                      {t("moderation.unmute", { alias })}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}

function ReportedPost({
  post,
  onPost,
  onMute,
}: {
  post: ReportedPeerPost;
  onPost: (post: ReportedPeerPost, action: PostAction) => void;
  onMute: (alias: string, muted: boolean) => void;
}) {
  const { t, tCount, locale } = useI18n();
  const reasons = post.reasons
    .map((r) => t(`peerGroup.report.reason.${r.reason ?? "none"}`))
    .join(", ");
  const headingId = `reported-${post.id}`;
  return (
    <article className="card stack peer-post" aria-labelledby={headingId}>
      <h2 id={headingId} className="peer-byline">
        {t("moderation.inChannel", {
          alias: post.alias,
          channel: t(`peerGroup.channel.${post.channel}`),
        })}{" "}
        {post.isReply && t("moderation.isReply")}
      </h2>
      <p className="hint">
        {timeAgo(post.createdAt, locale)} · {tCount("moderation.reportCount", post.reportCount)}
      </p>
      <p className="peer-body">{post.body}</p>
      <p className="hint">{t("moderation.reasons", { reasons })}</p>
      {post.hidden && <p className="hidden-note">{t("peerGroup.post.hiddenModerator")}</p>}
      <div className="actions-row">
        {post.hidden ? (
          <button type="button" className="button secondary" onClick={() => onPost(post, "unhide")}>
            {t("moderation.unhide")}
          </button>
        ) : (
          <button type="button" className="button primary" onClick={() => onPost(post, "hide")}>
            {t("moderation.hide")}
          </button>
        )}
        <button
          type="button"
          className="button secondary"
          onClick={() => onPost(post, "dismiss-reports")}
        >
          {t("moderation.dismiss")}
        </button>
        {!post.authorMuted && (
          <button
            type="button"
            className="button secondary"
            onClick={() => onMute(post.alias, true)}
          >
            {t("moderation.mute", { alias: post.alias })}
          </button>
        )}
      </div>
    </article>
  );
}

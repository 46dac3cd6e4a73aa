import { useState } from "react";
import { useLocation } from "wouter";
import type { CreatedPeerPost, PeerPost } from "../../../domain/api/peer-group";
import { type PeerChannel, POST_MAX_LENGTH } from "../../../domain/peer-group/channels";
import { describeError } from "../../components/api-error";
import { ErrorState } from "../../components/ErrorState";
import { Loading } from "../../components/Loading";
import { useLoad } from "../../components/use-load";
import { useI18n } from "../../i18n/context";
import { peerGroupApi } from "./api";
import { PostCard, type Reader } from "./PostCard";
import { PostComposer } from "./PostComposer";

/** The server answers a channel 30 top-level posts at a time. */
const PAGE_SIZE = 30;

/**
 * One channel: the composer on top, then the newest posts with their replies. A post whose
 * words look like a crisis takes the poster to the help screen at once (the post is up).
 */
export function ChannelFeed({
  channel,
  alias,
  reader,
  muted,
}: {
  channel: PeerChannel;
  alias: string | null;
  reader: Reader;
  muted: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [, navigate] = useLocation();
  const [earlier, setEarlier] = useState<PeerPost[]>([]);
  const [lastPageFull, setLastPageFull] = useState(true);
  const [status, setStatus] = useState("");
  const { state, reload } = useLoad(() => peerGroupApi.posts(channel), [channel], {
    keepWhileReloading: true,
  });
  const channelName = t(`peerGroup.channel.${channel}`);

  function posted(created: CreatedPeerPost) {
    if (created.showCrisisHelp) {
      navigate("/help", { state: { from: "peer-post" } });
      return;
    }
    setStatus(t("peerGroup.compose.posted"));
    setEarlier([]);
    setLastPageFull(true);
    reload();
  }

  async function showEarlier(posts: PeerPost[]) {
    const last = [...posts, ...earlier].at(-1);
    if (!last) return;
    const more = await peerGroupApi.posts(channel, last.createdAt);
    setEarlier((shown) => [...shown, ...more.posts]);
    setLastPageFull(more.posts.length >= PAGE_SIZE);
  }

  return (
    <section className="stack" aria-labelledby="peer-channel">
      <h2 id="peer-channel">{channelName}</h2>
      <p className="hint">{t(`peerGroup.channel.${channel}.purpose`)}</p>
      {reader.canPost && alias && (
        <PostComposer
          key={channel}
          label={t("peerGroup.compose.label", { channel: channelName })}
          hint={t("peerGroup.compose.hint", { alias, max: POST_MAX_LENGTH })}
          submitLabel={t("peerGroup.compose.submit")}
          send={(body, key) => peerGroupApi.createPost(channel, body, key)}
          onPosted={posted}
        />
      )}
      {muted && <p className="card">{t("peerGroup.compose.muted")}</p>}
      <p role="status" className="status-line">
        {status}
      </p>
      {state.status === "loading" && <Loading />}
      {state.status === "failed" && (
        <ErrorState message={describeError(state.error, i18n).message} onRetry={reload} />
      )}
      {state.status === "loaded" &&
        (state.value.posts.length === 0 ? (
          <p>
            {reader.canPost
              ? t("peerGroup.empty", { channel: channelName })
              : t("peerGroup.emptyReadOnly", { channel: channelName })}
          </p>
        ) : (
          <>
            <ul className="peer-posts">
              {[...state.value.posts, ...earlier].map((post) => (
                <li key={post.id}>
                  <PostCard post={post} reader={reader} onPosted={posted} />
                </li>
              ))}
            </ul>
            {state.value.posts.length >= PAGE_SIZE && lastPageFull && (
              <button
                type="button"
                className="button secondary"
                onClick={() => showEarlier(state.value.posts)}
              >
                {t("peerGroup.earlier")}
              </button>
            )}
          </>
        ))}
    </section>
  );
}

import { useId, useState } from "react";
import type { CreatedPeerPost, PeerPost, PeerReply } from "../../../domain/api/peer-group";
import { useI18n } from "../../i18n/context";
import { timeAgo } from "../../i18n/dates";
import { peerGroupApi } from "./api";
import { ModeratePost } from "./ModeratePost";
import { PostActions } from "./PostActions";
import { PostComposer } from "./PostComposer";

export interface Reader {
  /** Opted in: may send support and report. */
  joined: boolean;
  /** Opted in, rules acknowledged, not muted. */
  canPost: boolean;
  isModerator: boolean;
}

/** One post and its replies; a hidden post says so, and its words reach only who may see them. */
export function PostCard({
  post,
  reader,
  onPosted,
}: {
  post: PeerPost;
  reader: Reader;
  onPosted: (created: CreatedPeerPost) => void;
}) {
  const { t } = useI18n();
  const [isReplying, setReplying] = useState(false);
  const headingId = useId();
  const canReply = reader.canPost && !post.hidden;
  return (
    <article className="card stack peer-post" aria-labelledby={headingId}>
      <PostBody post={post} reader={reader} headingId={headingId} />
      {reader.joined && (
        <PostActions post={post} onReply={canReply ? () => setReplying(true) : undefined} />
      )}
      {reader.isModerator && !post.mine && <ModeratePost post={post} />}
      {post.replies.length > 0 && (
        <ul className="peer-replies">
          {post.replies.map((reply) => (
            <li key={reply.id}>
              <ReplyItem reply={reply} reader={reader} />
            </li>
          ))}
        </ul>
      )}
      {isReplying && (
        <PostComposer
          label={t("peerGroup.reply.label", { alias: post.alias })}
          submitLabel={t("peerGroup.reply.submit")}
          autoFocus
          send={(body, key) => peerGroupApi.reply(post.id, body, key)}
          onCancel={() => setReplying(false)}
          onPosted={(created) => {
            setReplying(false);
            onPosted(created);
          }}
        />
      )}
    </article>
  );
}

function ReplyItem({ reply, reader }: { reply: PeerReply; reader: Reader }) {
  const headingId = useId();
  return (
    <section className="stack peer-reply" aria-labelledby={headingId}>
      <PostBody post={reply} reader={reader} headingId={headingId} level={4} />
      {reader.joined && <PostActions post={reply} />}
    </section>
  );
}

function PostBody({
  post,
  reader,
  headingId,
  level = 3,
}: {
  post: PeerReply;
  reader: Reader;
  headingId: string;
  /** Replies sit one level below the post they answer. */
  level?: 3 | 4;
}) {
  const { t, locale } = useI18n();
  const when = timeAgo(post.createdAt, locale);
  const byline = post.mine
    ? t("peerGroup.post.you", { alias: post.alias, when })
    : t("peerGroup.post.byline", { alias: post.alias, when });
  const hiddenNote = post.mine
    ? t("peerGroup.post.hiddenForYou")
    : reader.isModerator
      ? t("peerGroup.post.hiddenModerator")
      : t("peerGroup.post.hidden");
  return (
    <>
      {level === 3 ? (
        <h3 id={headingId} className="peer-byline">
          {byline}
        </h3>
      ) : (
        <h4 id={headingId} className="peer-byline">
          {byline}
        </h4>
      )}
      {post.hidden && <p className="hidden-note">{hiddenNote}</p>}
      {post.body !== null && <p className="peer-body">{post.body}</p>}
    </>
  );
}

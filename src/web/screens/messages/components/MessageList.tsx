import type { Message } from "../../../../domain/api/messages";
import { useI18n } from "../../../i18n/context";

/** The conversation, oldest first; each of my messages says whether it was read. */
export function MessageList({
  messages,
  otherName,
}: {
  messages: readonly Message[];
  otherName: string;
}) {
  const { t, locale } = useI18n();
  const time = (iso: string) =>
    new Date(iso).toLocaleString(locale, {
      month: "short",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
    });
  return (
    <ol className="message-list" aria-label={t("messages.thread.listLabel", { name: otherName })}>
      {messages.map((message) => (
        <li key={message.id} className={message.fromMe ? "message mine" : "message theirs"}>
          <p className="message-meta">
            <strong>{message.fromMe ? t("messages.thread.you") : otherName}</strong>{" "}
            <time dateTime={message.createdAt}>{time(message.createdAt)}</time>
          </p>
          <p className="message-body">{message.body}</p>
          {message.fromMe && (
            <p className="message-receipt">
              {message.read ? t("messages.thread.read") : t("messages.thread.sent")}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

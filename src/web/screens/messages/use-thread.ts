import { useCallback, useEffect, useRef, useState } from "react";
import type { Message, MessageThread } from "../../../domain/api/messages";
import { MESSAGE_POLL_MS } from "../../../domain/messages";
import { ApiError } from "../../api";
import { messagesApi } from "./api";

export type ThreadState =
  | { status: "loading" }
  | { status: "failed"; error: unknown }
  | { status: "loaded"; thread: MessageThread };

/**
 * A thread kept fresh while it is open: asked again every MESSAGE_POLL_MS while the page is
 * visible (the server has no channel to an open page; a push reaches only closed apps), and at
 * once when the page comes back into view. What the other side sent and is now on screen is
 * marked read. `onArrived` hears of messages from the other side that came in while open.
 */
export function useThread(
  memberId: string,
  personId: string,
  onArrived: (messages: Message[]) => void,
) {
  const [state, setState] = useState<ThreadState>({ status: "loading" });
  const lastSeq = useRef<number | null>(null);
  const arrived = useRef(onArrived);
  arrived.current = onArrived;

  const refresh = useCallback(async () => {
    try {
      const thread = await messagesApi.thread(memberId, personId);
      const previous = lastSeq.current;
      const newest = thread.messages.at(-1)?.seq ?? 0;
      lastSeq.current = newest;
      if (previous !== null) {
        const fresh = thread.messages.filter((m) => !m.fromMe && m.seq > previous);
        if (fresh.length > 0) arrived.current(fresh);
      }
      setState({ status: "loaded", thread });
      const unreadFromThem = thread.messages.some(
        (m) => !m.fromMe && m.seq > thread.readThroughSeq,
      );
      if (unreadFromThem && document.visibilityState === "visible") {
        await messagesApi.markRead(memberId, personId, newest).catch(() => undefined);
      }
    } catch (error) {
      // A poll that could not reach the server keeps what is on screen; a refusal (the member
      // stopped sharing) ends the view at once.
      const refused = error instanceof ApiError && (error.status === 403 || error.status === 404);
      setState((current) =>
        current.status === "loaded" && !refused ? current : { status: "failed", error },
      );
    }
  }, [memberId, personId]);

  useEffect(() => {
    let stopped = false;
    const poll = () => {
      if (document.visibilityState !== "visible") return;
      refresh().catch(() => undefined);
    };
    refresh().catch(() => undefined);
    const timer = window.setInterval(() => !stopped && poll(), MESSAGE_POLL_MS);
    document.addEventListener("visibilitychange", poll);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", poll);
    };
  }, [refresh]);

  /** A message this side just sent joins the thread without waiting for the next poll. */
  const addSent = useCallback((message: Message) => {
    setState((current) => {
      if (current.status !== "loaded") return current;
      const messages = current.thread.messages.filter((m) => m.id !== message.id);
      return { status: "loaded", thread: { ...current.thread, messages: [...messages, message] } };
    });
  }, []);

  const retry = useCallback(() => {
    setState({ status: "loading" });
    refresh().catch(() => undefined);
  }, [refresh]);

  return { state, addSent, retry, refresh };
}

import type { okSchema } from "../../../domain/api/auth";
import {
  type messageSchema,
  type messageThreadSchema,
  sendMessageRequestSchema,
  type threadListSchema,
} from "../../../domain/api/messages";
import { call, validated } from "../../api";

const id = (value: string) => encodeURIComponent(value);
const threadPath = (memberId: string, personId: string) =>
  `/members/${id(memberId)}/messages/${id(personId)}`;

/** Messages between a member and the people they share "messages" with. */
export const messagesApi = {
  /** The signed-in member's conversations. */
  threads: () => call<typeof threadListSchema>("GET", "/messages"),
  thread: (memberId: string, personId: string) =>
    call<typeof messageThreadSchema>("GET", threadPath(memberId, personId)),
  /** The same key for a retry of the same message, so it lands once. */
  send: (memberId: string, personId: string, body: string, idempotencyKey: string) =>
    call<typeof messageSchema>(
      "POST",
      threadPath(memberId, personId),
      validated(sendMessageRequestSchema, { body }),
      { "idempotency-key": idempotencyKey },
    ),
  markRead: (memberId: string, personId: string, throughSeq: number) =>
    call<typeof okSchema>("POST", `${threadPath(memberId, personId)}/read`, { throughSeq }),
};

/** Where each side of the app shows a thread. */
export const threadHref = {
  forMember: (personId: string) => `/messages/${id(personId)}`,
  forClinician: (memberId: string) => `/caseload/${id(memberId)}/messages`,
  forSupporter: (memberId: string) => `/supporting/${id(memberId)}/messages`,
};

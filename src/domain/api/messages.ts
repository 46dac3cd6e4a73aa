import { z } from "zod";
import { MESSAGE_MAX_LENGTH } from "../messages";

/** Request and response shapes of messages between a member and the people they share with. */

const idSchema = z.string().min(1).max(64);

/** A thread is named by the member and the person on the other side. */
export const messageThreadParamsSchema = z.object({ memberId: idSchema, personId: idSchema });

export const sendMessageRequestSchema = z
  .object({
    body: z
      .string()
      .trim()
      .min(1, "Write something first")
      .max(MESSAGE_MAX_LENGTH, `A message can be up to ${MESSAGE_MAX_LENGTH} characters`),
  })
  .strict();
export type SendMessageRequest = z.infer<typeof sendMessageRequestSchema>;

export const markThreadReadRequestSchema = z
  .object({ throughSeq: z.number().int().min(0).max(1_000_000_000) })
  .strict();

const personSchema = z.object({ id: z.string(), displayName: z.string().nullable() });

export const messageSchema = z.object({
  id: z.string(),
  /** The message's number in its thread, from 1. */
  seq: z.number(),
  senderId: z.string(),
  fromMe: z.boolean(),
  body: z.string(),
  createdAt: z.string(),
  /** For a message I sent: the other side has read it (read receipt). */
  read: z.boolean(),
});
export type Message = z.infer<typeof messageSchema>;

export const messageThreadSchema = z.object({
  member: personSchema,
  person: personSchema,
  /** False once the member no longer shares messages with the person: the member keeps the
   * thread to read, nobody can add to it. */
  canSend: z.boolean(),
  /** The latest messages (at most MESSAGE_PAGE), oldest first. */
  messages: z.array(messageSchema),
  /** True when older messages exist than the ones here. */
  earlier: z.boolean(),
  /** How far I have read (the number to send back to mark more read). */
  readThroughSeq: z.number(),
});
export type MessageThread = z.infer<typeof messageThreadSchema>;

export const MESSAGE_PAGE = 200;

/** The member's conversations: everyone they share messages with, and threads they keep. */
export const threadSummarySchema = z.object({
  person: personSchema,
  canSend: z.boolean(),
  unread: z.number(),
  lastMessageAt: z.string().nullable(),
});
export type ThreadSummary = z.infer<typeof threadSummarySchema>;
export const threadListSchema = z.object({ threads: z.array(threadSummarySchema) });

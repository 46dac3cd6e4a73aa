// The people in a member's corner: sponsor, counselor, family, emergency contacts, with how to
// reach them. Kept on the member's side only; adding someone shares nothing with them.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Contact, ContactBody } from "../../../domain/api/support";
import { contactRoleSchema, reachSchema } from "../../../domain/support";
import type { Database } from "../../db/schema";
import type { SupportContactTable } from "../../db/tables/support";
import { notFound } from "../../errors";
import type { IdempotentResult, WriteOnce } from "../../http/idempotency";
import { authorize } from "../../security/policy";
import type { Actor } from "../../security/session";
import { CONTACTS_CATEGORY, textOrNull } from "./access";
import * as queries from "./queries";

export async function listContacts(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  now = new Date(),
) {
  await authorize(db, actor, memberId, CONTACTS_CATEGORY, "read", "support people", now);
  const rows = await queries.listContacts(db, memberId);
  return { contacts: rows.map(contactFromRow) };
}

export async function createContact(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  body: ContactBody,
  writeOnce: WriteOnce,
  now = new Date(),
): Promise<IdempotentResult<Contact>> {
  await authorize(db, actor, memberId, CONTACTS_CATEGORY, "write", "a support person", now);
  return writeOnce(async (trx) => {
    const row = rowOf(memberId, randomUUID(), body, now.toISOString(), now.toISOString());
    await queries.insertContact(trx, row);
    return { statusCode: 201, body: contactFromRow(row) };
  });
}

export async function updateContact(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  contactId: string,
  body: ContactBody,
  writeOnce: WriteOnce,
  now = new Date(),
): Promise<IdempotentResult<Contact>> {
  await authorize(db, actor, memberId, CONTACTS_CATEGORY, "write", "a support person", now);
  return writeOnce(async (trx) => {
    const existing = await queries.findContact(trx, memberId, contactId);
    if (!existing) throw notFound("That person");
    const row = rowOf(memberId, contactId, body, existing.created_at, now.toISOString());
    await queries.updateContact(trx, row);
    return { statusCode: 200, body: contactFromRow(row) };
  });
}

export async function deleteContact(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  contactId: string,
  now = new Date(),
) {
  await authorize(db, actor, memberId, CONTACTS_CATEGORY, "write", "a support person", now);
  if (!(await queries.deleteContact(db, memberId, contactId))) throw notFound("That person");
  return { ok: true as const };
}

function rowOf(
  memberId: string,
  id: string,
  body: ContactBody,
  createdAt: string,
  updatedAt: string,
): SupportContactTable {
  return {
    member_id: memberId,
    id,
    name: body.name,
    role: body.role,
    phone: textOrNull(body.phone),
    reach: body.reach,
    reach_note: textOrNull(body.reachNote),
    notes: textOrNull(body.notes),
    plan_step_ids: JSON.stringify([...new Set(body.planStepIds)]),
    created_at: createdAt,
    updated_at: updatedAt,
  };
}

function contactFromRow(row: SupportContactTable): Contact {
  const ids: unknown = JSON.parse(row.plan_step_ids);
  return {
    id: row.id,
    name: row.name,
    role: contactRoleSchema.catch("other").parse(row.role),
    phone: row.phone,
    reach: reachSchema.catch("other").parse(row.reach),
    reachNote: row.reach_note,
    notes: row.notes,
    planStepIds: Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : [],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

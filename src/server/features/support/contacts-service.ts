// The people in a member's corner: sponsor, counselor, family, emergency contacts, with how to
// reach them. Kept on the member's side only; adding someone shares nothing with them.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Contact, ContactBody } from "../../../domain/api/support";
import { contactRoleSchema, reachSchema } from "../../../domain/support";
import type { Database } from "../../db/schema";
import type { SupportContactTable } from "../../db/tables/support";
import { AppError, notFound } from "../../errors";
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
  // Step titles are plan data: someone shown the member's people under a "support" grant does
  // not see which steps each one helps with (that would disclose the plan without its grant).
  const [rows, steps] = await Promise.all([
    queries.listContacts(db, memberId),
    actor.userId === memberId ? queries.planStepsOf(db, memberId) : Promise.resolve([]),
  ]);
  const titles = new Map(steps.map((step) => [step.id, step.title]));
  const open = (status: string) => (status === "done" || status === "dropped" ? 1 : 0);
  return {
    contacts: rows.map((row) => contactFromRow(row, titles)),
    planSteps: [...steps]
      .sort((a, b) => open(a.status) - open(b.status))
      .map((step) => ({ id: step.id, title: step.title })),
  };
}

/**
 * The steps a contact is linked to must be in the member's own plan: an unknown id (or
 * someone else's step) is refused, naming it, before anything is written.
 */
async function checkedSteps(db: Kysely<Database>, memberId: string, body: ContactBody) {
  const ids = [...new Set(body.planStepIds)];
  const found = new Map(
    (await queries.findPlanSteps(db, memberId, ids)).map((step) => [step.id, step.title]),
  );
  const unknown = body.planStepIds.findIndex((id) => !found.has(id));
  if (unknown !== -1) {
    throw new AppError(
      "unknown_plan_step",
      400,
      "That step is not in your plan. Choose one of your own plan steps.",
      `planStepIds.${unknown}`,
    );
  }
  return found;
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
    const steps = await checkedSteps(trx, memberId, body);
    const row = rowOf(memberId, randomUUID(), body, now.toISOString(), now.toISOString());
    await queries.insertContact(trx, row);
    return { statusCode: 201, body: contactFromRow(row, steps) };
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
    const steps = await checkedSteps(trx, memberId, body);
    const row = rowOf(memberId, contactId, body, existing.created_at, now.toISOString());
    await queries.updateContact(trx, row);
    return { statusCode: 200, body: contactFromRow(row, steps) };
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

/** `stepTitles`: the member's plan steps by id; a linked step since deleted drops out. */
function contactFromRow(row: SupportContactTable, stepTitles: Map<string, string>): Contact {
  const parsed: unknown = JSON.parse(row.plan_step_ids);
  const ids = Array.isArray(parsed)
    ? parsed.filter((id): id is string => typeof id === "string" && stepTitles.has(id))
    : [];
  return {
    id: row.id,
    name: row.name,
    role: contactRoleSchema.catch("other").parse(row.role),
    phone: row.phone,
    reach: reachSchema.catch("other").parse(row.reach),
    reachNote: row.reach_note,
    notes: row.notes,
    planStepIds: ids,
    planSteps: ids.map((id) => ({ id, title: stepTitles.get(id) ?? "" })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

// Visit notes a clinician adds to a member's record under a grant naming "notes"; the member
// always sees every note about them. The first write by someone else the app allows.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { ClinicalNote } from "../../../domain/api/care";
import type { Database } from "../../db/schema";
import { AppError } from "../../errors";
import type { IdempotentResult, WriteOnce } from "../../http/idempotency";
import { authorizeGrantedWrite, authorizeMemberAccess } from "../../security/policy";
import type { Actor } from "../../security/session";

// Visit notes are the clinician's record of a visit; a supporter with a notes grant reads them.
const noteWrite = (memberId: string) =>
  ({ memberId, category: "notes", resource: "visit note", roles: ["clinician"] }) as const;

/**
 * Runs before the body is validated, so anyone without a live "notes" grant gets the same 403
 * whatever they sent (the refusal is audited); createClinicalNote checks again as it writes.
 */
export async function refuseNoteWithoutGrant(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  now = new Date(),
) {
  if (actor.userId === memberId) throw notByMember();
  await authorizeGrantedWrite(db, actor, noteWrite(memberId), now);
}

export async function createClinicalNote(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  body: string,
  writeOnce: WriteOnce,
  now = new Date(),
): Promise<IdempotentResult<ClinicalNote>> {
  if (actor.userId === memberId) throw notByMember();
  // A note is the care team's own record about the member, allowed while a live grant names
  // "notes", and audited as a write in the same transaction as the insert (a retry with the
  // same Idempotency-Key replays the answer and writes, and logs, nothing).
  const write = await authorizeGrantedWrite(db, actor, noteWrite(memberId), now);
  return writeOnce(async (trx) => {
    const id = randomUUID();
    await write.record(trx);
    await trx
      .insertInto("clinical_notes")
      .values({
        member_id: memberId,
        id,
        author_id: actor.userId,
        body,
        created_at: now.toISOString(),
      })
      .execute();
    const [note] = await listNotes(trx, memberId, id);
    if (!note) throw new AppError("not_found", 404, "That note was not found.");
    return { statusCode: 201, body: note };
  });
}

export async function listClinicalNotes(db: Kysely<Database>, actor: Actor, memberId: string) {
  await authorizeMemberAccess(db, actor, {
    memberId,
    category: "notes",
    action: "read",
    resource: "visit notes",
  });
  return { notes: await listNotes(db, memberId) };
}

async function listNotes(db: Kysely<Database>, memberId: string, id?: string) {
  let query = db
    .selectFrom("clinical_notes as n")
    .innerJoin("users as u", "u.id", "n.author_id")
    .select(["n.id", "n.author_id", "u.display_name", "n.body", "n.created_at"])
    .where("n.member_id", "=", memberId);
  if (id) query = query.where("n.id", "=", id);
  const rows = await query.orderBy("n.created_at", "desc").orderBy("n.id").limit(200).execute();
  return rows.map((row) => ({
    id: row.id,
    author: { id: row.author_id, displayName: row.display_name },
    body: row.body,
    createdAt: row.created_at,
  }));
}

const notByMember = () =>
  new AppError("not_a_clinician", 403, "Visit notes are written by your care team.");

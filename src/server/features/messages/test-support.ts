import { share, signUp, type TestPerson } from "../../../../test/support/people";
import type { TestApp } from "../../../../test/support/test-app";
import type { Role } from "../../../domain/roles";

/** People for the messages tests: a member and the clinicians and supporters they share with. */
export type Person = TestPerson;

export function peopleFor(t: TestApp) {
  const person = (displayName: string, role: Role = "member") => signUp(t, displayName, role);
  const threadUrl = (member: Person, person: Person) =>
    `/api/members/${member.id}/messages/${person.id}`;
  async function auditAbout(memberId: string) {
    return t.store.db
      .selectFrom("audit_events")
      .selectAll()
      .where("member_id", "=", memberId)
      .orderBy("seq")
      .execute();
  }
  async function messagesIn(member: Person, person: Person) {
    return t.store.db
      .selectFrom("messages")
      .selectAll()
      .where("member_id", "=", member.id)
      .where("person_id", "=", person.id)
      .orderBy("seq")
      .execute();
  }
  return { person, share, threadUrl, auditAbout, messagesIn };
}

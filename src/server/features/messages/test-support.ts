import {
  type Browser,
  browserFor,
  passphrase,
  uniqueEmail,
} from "../../../../test/support/http-client";
import type { TestApp } from "../../../../test/support/test-app";
import type { DataCategory } from "../../../domain/consent";
import type { Role } from "../../../domain/roles";
import { addMembership } from "../auth/queries";

/** People for the messages tests: a member and the clinicians and supporters they share with. */
export interface Person {
  browser: Browser;
  id: string;
  email: string;
}

export function peopleFor(t: TestApp) {
  async function person(displayName: string, role: Role = "member"): Promise<Person> {
    const browser = browserFor(t.app);
    const email = uniqueEmail(role);
    const response = await browser.post("/api/auth/sign-up", {
      email,
      password: passphrase(),
      displayName,
      timeZone: "UTC",
    });
    const id = response.json().id as string;
    if (role !== "member") {
      const org = await t.store.db
        .selectFrom("organizations")
        .select("id")
        .executeTakeFirstOrThrow();
      await addMembership(t.store.db, org.id, id, role, new Date());
    }
    return { browser, id, email };
  }
  /** The member shares these categories with `recipient`; answers the consent's id. */
  async function share(member: Person, recipient: Person, categories: DataCategory[]) {
    const response = await member.browser.post("/api/consents", {
      recipientEmail: recipient.email,
      purpose: "Treatment and support",
      categories,
      expiresAt: null,
      expiryEvent: "When I finish treatment",
      signature: { typedName: "Member" },
      revocationAcknowledged: true,
    });
    if (response.statusCode !== 201) throw new Error(response.body);
    return response.json().id as string;
  }
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

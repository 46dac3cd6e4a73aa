import type { Kysely } from "kysely";
import type { Database } from "../../server/db/schema";
import { sealTotpSecret } from "../../server/features/auth/second-factor/totp-secrets";
import type { SecretBox } from "../../server/security/secret-box";

/**
 * DEMO ONLY. The demo's staff (clinician, supporter, admin) share one authenticator setup key
 * that is printed at start, so a newcomer can add it to any authenticator app and sign in as
 * them. A real instance never has a shared or printed key: staff set up their own app on the
 * "Sign-in protection" screen after their first sign-in.
 */
export const DEMO_STAFF_TOTP_SECRET = "KRUGS4ZAJFZSAZDFNVXSA33ONR4SAZDPEBXG65BAOVZWKIDJOQ";

export async function seedSecondFactorDemo(
  db: Kysely<Database>,
  secrets: SecretBox,
  staffIds: string[],
  now: Date,
): Promise<void> {
  for (const userId of staffIds) {
    await db
      .insertInto("totp_factors")
      .values({
        user_id: userId,
        // Sealed like any other seed: the demo's database holds no readable secret either.
        shared_secret: sealTotpSecret(secrets, userId, DEMO_STAFF_TOTP_SECRET),
        created_at: now.toISOString(),
        confirmed_at: now.toISOString(),
      })
      .onConflict((oc) => oc.column("user_id").doNothing())
      .execute();
  }
}

/** The lines `serve --demo` and `seed-demo` print under the sign-ins. */
export function demoSecondFactorNote(): string {
  return (
    "Demo staff (clinician, supporter, admin) sign in with a code from an authenticator app.\n" +
    `Add this setup key to one (DEMO ONLY, never on a real instance): ${DEMO_STAFF_TOTP_SECRET}\n`
  );
}

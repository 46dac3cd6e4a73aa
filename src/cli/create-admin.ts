import { parseArgs } from "node:util";
import { AppError } from "../server/errors";
import { assertAcceptablePassword, createAccount } from "../server/features/auth/service";
import { ensureDefaultOrganization } from "../server/organizations";
import { withStore } from "./store";

/** Makes the first admin (or another one). The password may come on standard input so it
 * stays out of the shell history. */
export async function createAdmin(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { email: { type: "string" }, password: { type: "string" }, name: { type: "string" } },
  });
  if (!values.email) {
    process.stderr.write(
      "Usage: waymark create-admin --email E [--password P | < password-file]\n",
    );
    return 2;
  }
  const email = values.email;
  const password = values.password ?? (await readStdin()).replace(/\r?\n$/, "");
  try {
    assertAcceptablePassword(password, { email, displayName: values.name ?? null });
    await withStore(async (store) => {
      const organizationId = await ensureDefaultOrganization(store.db);
      await createAccount(
        store.db,
        organizationId,
        "admin",
        { email, password, ...(values.name ? { displayName: values.name } : {}) },
        new Date(),
      );
    });
  } catch (error) {
    if (error instanceof AppError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  process.stdout.write(`Admin ${email} created. Sign in and invite your team.\n`);
  return 0;
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    process.stderr.write("Password: ");
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

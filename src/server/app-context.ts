import type { Kysely } from "kysely";
import type { Config } from "./config";
import type { Store } from "./db/connect";
import type { Database } from "./db/schema";
import type { SecretBox } from "./security/secret-box";

/** What every feature's routes are given: the store, the configuration, and the key that
 * seals secrets the server must read back (security/secret-box.ts). */
export interface AppContext {
  db: Kysely<Database>;
  store: Store;
  config: Config;
  secrets: SecretBox;
}

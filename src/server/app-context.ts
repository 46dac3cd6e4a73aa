import type { Kysely } from "kysely";
import type { Config } from "./config";
import type { Store } from "./db/connect";
import type { Database } from "./db/schema";

/** What every feature's routes are given: the store and the configuration. */
export interface AppContext {
  db: Kysely<Database>;
  store: Store;
  config: Config;
}

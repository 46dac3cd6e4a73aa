import {
  type Compilable,
  type CompiledQuery,
  createQueryId,
  type DialectAdapter,
  type Kysely,
  type QueryResult,
  type RootOperationNode,
} from "kysely";
import type { Database } from "./schema";

/**
 * A query of a fixed shape, built and compiled by Kysely once per store and then run with new
 * values. Kysely builds and compiles every query anew on each call; on the check-in write path
 * that was a fifth of the server's CPU (docs/performance.md, fifth round). Only the hottest
 * statements need this; every other query stays a plain Kysely chain.
 *
 * `build` receives stand-ins for the values, each a unique string. Use each value whole, as a
 * single parameter (`where("id", "=", values.id)`, a column in `.values({...})`); never in an
 * `in` list, a `null` comparison or string concatenation, since the shape must not depend on
 * the value. Name each value: the stand-ins cannot be spread. A stand-in folded into other
 * text fails at the first call. Works on SQLite and PostgreSQL alike: each dialect compiles
 * its own text.
 */
export type RunCompiled<Values, Row> = (
  db: Kysely<Database>,
  values: Values,
) => Promise<QueryResult<Row>>;

interface Plan {
  sql: string;
  query: RootOperationNode;
  /** For each parameter of the compiled text: the value's name, or a constant of the shape. */
  slots: ({ value: string } | { constant: unknown })[];
}

// NUL never reaches a query from a request (http/nul-characters.ts), so no value can pose as one.
const STAND_IN = "\u0000waymark-value:";
const STAND_IN_END = "\u0000";

export function compiledQuery<Values extends object, Row>(
  build: (db: Kysely<Database>, values: Values) => Compilable<Row>,
): RunCompiled<Values, Row> {
  // One plan per dialect adapter: a store and all of its transactions share one adapter.
  const plans = new WeakMap<DialectAdapter, Plan>();
  return async (db, values) => {
    const adapter = db.getExecutor().adapter;
    let plan = plans.get(adapter);
    if (!plan) {
      plan = planOf(build(db, standIns<Values>()).compile());
      plans.set(adapter, plan);
    }
    const named = values as Record<string, unknown>;
    const parameters = plan.slots.map((slot) =>
      "value" in slot ? named[slot.value] : slot.constant,
    );
    const compiled: CompiledQuery<Row> = {
      sql: plan.sql,
      query: plan.query,
      queryId: createQueryId(),
      parameters,
    };
    return db.executeQuery(compiled);
  };
}

function standIns<Values>(): Values {
  return new Proxy({} as Record<string, string>, {
    get: (_target, name) => `${STAND_IN}${String(name)}${STAND_IN_END}`,
    // A spread would silently give nothing: the stand-ins have no keys to list.
    ownKeys: () => {
      throw new Error("Name each value of a compiled query; its values cannot be spread.");
    },
  }) as Values;
}

/** The value's name when the parameter is one stand-in, whole and alone. */
function standInName(parameter: unknown): string | null {
  if (typeof parameter !== "string" || !parameter.startsWith(STAND_IN)) return null;
  const end = parameter.indexOf(STAND_IN_END, STAND_IN.length);
  return end === parameter.length - 1 ? parameter.slice(STAND_IN.length, end) : null;
}

function planOf(compiled: CompiledQuery): Plan {
  const slots = compiled.parameters.map((parameter) => {
    const name = standInName(parameter);
    if (name !== null) return { value: name };
    if (typeof parameter === "string" && parameter.includes(STAND_IN)) {
      throw new Error(`A compiled query used a value inside another: ${compiled.sql}`);
    }
    return { constant: parameter };
  });
  return { sql: compiled.sql, query: compiled.query, slots };
}

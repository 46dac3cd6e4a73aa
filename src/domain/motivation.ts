import { z } from "zod";

/**
 * Why a person is changing, in their own words: reasons (ordered, shown back in hard moments),
 * motivators, what they are letting go of, and a decisional balance. It is one small document
 * per member, always read and edited whole on one screen.
 */

export const motivatorKindSchema = z.enum([
  "faith",
  "work",
  "family",
  "move",
  "health",
  "children",
  "other",
]);
export type MotivatorKind = z.infer<typeof motivatorKindSchema>;

export const lettingGoKindSchema = z.enum(["people", "places", "things", "habits"]);
export type LettingGoKind = z.infer<typeof lettingGoKindSchema>;

const entryText = z.string().trim().min(1).max(500);
const balanceList = z.array(entryText).max(30);

export const decisionalBalanceSchema = z.object({
  goodThingsAboutUsing: balanceList,
  notSoGoodAboutUsing: balanceList,
  goodThingsAboutChanging: balanceList,
  notSoGoodAboutChanging: balanceList,
});
export type DecisionalBalance = z.infer<typeof decisionalBalanceSchema>;

export const motivationSchema = z.object({
  reasons: z.array(entryText).max(50),
  motivators: z
    .array(z.object({ kind: motivatorKindSchema, text: z.string().trim().max(500) }))
    .max(50),
  lettingGo: z.array(z.object({ kind: lettingGoKindSchema, text: entryText })).max(100),
  decisionalBalance: decisionalBalanceSchema,
});
export type Motivation = z.infer<typeof motivationSchema>;

/** An update replaces the sections it names and leaves the others as they are. */
export const motivationUpdateSchema = z.object({
  reasons: motivationSchema.shape.reasons.optional(),
  motivators: motivationSchema.shape.motivators.optional(),
  lettingGo: motivationSchema.shape.lettingGo.optional(),
  decisionalBalance: decisionalBalanceSchema.partial().optional(),
});
export type MotivationUpdate = z.infer<typeof motivationUpdateSchema>;

export const EMPTY_MOTIVATION: Motivation = {
  reasons: [],
  motivators: [],
  lettingGo: [],
  decisionalBalance: {
    goodThingsAboutUsing: [],
    notSoGoodAboutUsing: [],
    goodThingsAboutChanging: [],
    notSoGoodAboutChanging: [],
  },
};

export function applyMotivationUpdate(current: Motivation, update: MotivationUpdate): Motivation {
  return {
    reasons: update.reasons ?? current.reasons,
    motivators: update.motivators ?? current.motivators,
    lettingGo: update.lettingGo ?? current.lettingGo,
    decisionalBalance: { ...current.decisionalBalance, ...definedOnly(update.decisionalBalance) },
  };
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(
    Object.entries(value).filter(([, entry]) => entry !== undefined),
  ) as Partial<T>;
}

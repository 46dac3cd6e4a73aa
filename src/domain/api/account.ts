import { z } from "zod";

/** Asking to delete one's account takes the password again (OWASP ASVS: re-authenticate). */
export const accountDeletionRequestSchema = z.object({
  password: z.string().min(1, { message: "Enter your password to confirm" }).max(1024),
});

export const accountDeletionSchema = z.object({
  requestedAt: z.string(),
  dueAt: z.string(),
});
export type AccountDeletion = z.infer<typeof accountDeletionSchema>;

export const accountDeletionStatusSchema = z.object({
  deletion: accountDeletionSchema.nullable(),
});

import { z } from "zod";
import {
  type AccountDeletion,
  accountDeletionRequestSchema,
  accountDeletionSchema,
  accountDeletionStatusSchema,
} from "../../../../domain/api/account";
import { okSchema } from "../../../../domain/api/auth";
import { call, validated } from "../../../api";

/** Downloads are plain links: the browser saves the file with the server's filename. */
export const EXPORT_URL = "/api/me/export";
export const fhirUrl = (memberId: string) => `/api/members/${memberId}/fhir`;

export const accountApi = {
  deletion: async (): Promise<AccountDeletion | null> =>
    (await call("GET", "/me/deletion", accountDeletionStatusSchema)).deletion,
  requestDeletion: (password: string) =>
    call(
      "POST",
      "/me/deletion",
      accountDeletionSchema,
      validated(accountDeletionRequestSchema, { password }),
    ),
  cancelDeletion: () => call("DELETE", "/me/deletion", okSchema.or(z.object({}))),
};

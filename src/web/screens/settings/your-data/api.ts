import {
  type AccountDeletion,
  accountDeletionRequestSchema,
  type accountDeletionSchema,
  type accountDeletionStatusSchema,
} from "../../../../domain/api/account";
import type { okSchema } from "../../../../domain/api/auth";
import { call, validated } from "../../../api";

/** Downloads are plain links: the browser saves the file with the server's filename. */
export const EXPORT_URL = "/api/me/export";
export const fhirUrl = (memberId: string) => `/api/members/${memberId}/fhir`;

export const accountApi = {
  deletion: async (): Promise<AccountDeletion | null> =>
    (await call<typeof accountDeletionStatusSchema>("GET", "/me/deletion")).deletion,
  requestDeletion: (password: string) =>
    call<typeof accountDeletionSchema>(
      "POST",
      "/me/deletion",
      validated(accountDeletionRequestSchema, { password }),
    ),
  cancelDeletion: () => call<typeof okSchema>("DELETE", "/me/deletion"),
};

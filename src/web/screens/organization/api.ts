import type {
  organizationSessionsEndedSchema,
  staffListSchema,
  staffRemovalSchema,
} from "../../../domain/api/organization";
import { call } from "../../api";

const id = (value: string) => encodeURIComponent(value);

/** An organization's staff, for its admins. */
export const organizationApi = {
  staff: (organizationId: string) =>
    call<typeof staffListSchema>("GET", `/organizations/${id(organizationId)}/staff`),
  remove: (organizationId: string, personId: string) =>
    call<typeof staffRemovalSchema>(
      "DELETE",
      `/organizations/${id(organizationId)}/staff/${id(personId)}`,
    ),
  endEveryone: (organizationId: string, password: string) =>
    call<typeof organizationSessionsEndedSchema>(
      "POST",
      `/organizations/${id(organizationId)}/sessions/end`,
      { password },
    ),
};

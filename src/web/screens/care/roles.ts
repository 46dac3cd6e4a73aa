import type { Me } from "../../../domain/api/auth";

export const isClinician = (me: Me) => me.memberships.some((m) => m.role === "clinician");
export const isMember = (me: Me) => me.memberships.some((m) => m.role === "member");

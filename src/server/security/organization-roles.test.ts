import { describe, expect, it } from "vitest";
import type { Role } from "../../domain/roles";
import { AppError } from "../errors";
import {
  adminOf,
  adminOrganization,
  assertAdminOf,
  organizationsWhere,
} from "./organization-roles";

const actorWith = (...memberships: [string, Role][]) => ({
  memberships: memberships.map(([organizationId, role]) => ({ organizationId, role })),
});

function refusal(act: () => unknown): AppError {
  try {
    act();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("Expected a refusal");
}

describe("organization roles", () => {
  it("lists only the organizations the actor administers, in their session's order", () => {
    const actor = actorWith(
      ["north", "clinician"],
      ["south", "admin"],
      ["east", "member"],
      ["west", "admin"],
      ["north", "moderator"],
    );
    expect(adminOf(actor)).toEqual(["south", "west"]);
    expect(adminOf(actorWith(["north", "clinician"], ["north", "supporter"]))).toEqual([]);
  });

  it("names an organization once even when several of the asked roles are held there", () => {
    const actor = actorWith(["north", "admin"], ["north", "clinician"], ["south", "clinician"]);
    expect(organizationsWhere(actor, ["admin", "clinician"])).toEqual(["north", "south"]);
  });

  it("lets an admin through for their own organization only", () => {
    const actor = actorWith(["north", "admin"], ["south", "clinician"]);
    expect(() => assertAdminOf(actor, "north")).not.toThrow();
    for (const organizationId of ["south", "elsewhere", undefined]) {
      const error = refusal(() => assertAdminOf(actor, organizationId, "Not yours to set."));
      expect([error.code, error.statusCode, error.message]).toEqual([
        "forbidden",
        403,
        "Not yours to set.",
      ]);
    }
    expect(refusal(() => assertAdminOf(actor, "south")).message).toBe(
      "Only an admin of this organization can do this.",
    );
  });

  it("acts for the organization asked for, else the first one administered", () => {
    const actor = actorWith(["north", "member"], ["south", "admin"], ["west", "admin"]);
    expect(adminOrganization(actor, undefined)).toBe("south");
    expect(adminOrganization(actor, "west")).toBe("west");
    expect(refusal(() => adminOrganization(actor, "north", "Admins only.")).message).toBe(
      "Admins only.",
    );
    expect(
      refusal(() => adminOrganization(actorWith(["north", "clinician"]), undefined)).code,
    ).toBe("forbidden");
  });
});

import type { DataCategory } from "../../../domain/consent";
import { fhirId, PART_2_CODING, type Resource, WAYMARK } from "./fhir-resource";

/** A consent grant as the export describes it (from the care feature's consent rows). */
export interface ExportConsent {
  id: string;
  recipient: { id: string; displayName: string | null };
  purpose: string;
  categories: DataCategory[];
  createdAt: string;
  expiresAt: string | null;
  /** The event that ends the consent when it has no end date. */
  expiryEvent: string | null;
  /** Null for grants made before signed consents existed. */
  signedAt: string | null;
}

const PART_2_URL = "https://www.ecfr.gov/current/title-42/chapter-I/subchapter-A/part-2";

/**
 * A Consent for a grant the export is made under: a privacy consent (scope patient-privacy,
 * LOINC 59284-0 "Patient consent") under 42 CFR Part 2 that permits the recipient to access
 * the named data categories from the signature until the expiry. The purpose and an
 * expiry event have no coded home in R4, so the narrative carries them in words.
 */
export function consentResource(
  memberId: string,
  consent: ExportConsent,
  patientRef: { reference: string },
): Resource {
  const recipient = consent.recipient.displayName ?? "the recipient";
  const until = consent.expiresAt
    ? `until ${consent.expiresAt}`
    : `until this event: ${consent.expiryEvent ?? "revoked"}`;
  const narrative =
    `Consent to disclose records under 42 CFR Part 2 to ${recipient} ` +
    `(${consent.categories.join(", ")}) for: ${consent.purpose}; from ${consent.createdAt} ${until}. ` +
    "The person may revoke it at any time.";
  return {
    resourceType: "Consent",
    id: fhirId("consent", memberId, consent.id),
    text: {
      status: "generated",
      div: `<div xmlns="http://www.w3.org/1999/xhtml">${escapeXml(narrative)}</div>`,
    },
    identifier: [{ system: `${WAYMARK}/consent`, value: consent.id }],
    status: "active",
    scope: {
      coding: [
        {
          system: "http://terminology.hl7.org/CodeSystem/consentscope",
          code: "patient-privacy",
          display: "Privacy Consent",
        },
      ],
    },
    category: [
      {
        coding: [{ system: "http://loinc.org", code: "59284-0", display: "Patient consent" }],
      },
    ],
    patient: patientRef,
    dateTime: consent.signedAt ?? consent.createdAt,
    performer: [patientRef],
    policy: [{ uri: PART_2_URL }],
    policyRule: { coding: [PART_2_CODING], text: "42 CFR Part 2" },
    provision: {
      type: "permit",
      period: {
        start: consent.createdAt,
        ...(consent.expiresAt ? { end: consent.expiresAt } : {}),
      },
      actor: [
        {
          role: {
            coding: [
              {
                system: "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                code: "IRCP",
                display: "information recipient",
              },
            ],
          },
          reference: {
            identifier: { system: `${WAYMARK}/user`, value: consent.recipient.id },
            ...(consent.recipient.displayName ? { display: consent.recipient.displayName } : {}),
          },
        },
      ],
      action: [
        {
          coding: [
            { system: "http://terminology.hl7.org/CodeSystem/consentaction", code: "access" },
          ],
        },
      ],
      code: consent.categories.map((category) => ({
        coding: [{ system: `${WAYMARK}/CodeSystem/data-category`, code: category }],
        text: category,
      })),
    },
  };
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

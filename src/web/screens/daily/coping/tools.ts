import type { CopingTool } from "../../../../domain/craving";
import type { MessageKey } from "../../../i18n/translate";

/** The coping toolkit as the screens show it; the order is the domain's (COPING_TOOLS). */
export interface ToolInfo {
  tool: CopingTool;
  /** The path segment under /coping/. */
  slug: string;
  nameKey: MessageKey;
  descriptionKey: MessageKey;
}

export const TOOLS: readonly ToolInfo[] = [
  {
    tool: "urge_surfing",
    slug: "urge-surfing",
    nameKey: "coping.tool.urge_surfing",
    descriptionKey: "coping.tool.urge_surfing.description",
  },
  {
    tool: "delay_distract",
    slug: "delay-distract",
    nameKey: "coping.tool.delay_distract",
    descriptionKey: "coping.tool.delay_distract.description",
  },
  {
    tool: "halt_check",
    slug: "halt-check",
    nameKey: "coping.tool.halt_check",
    descriptionKey: "coping.tool.halt_check.description",
  },
  {
    tool: "call_someone",
    slug: "call-someone",
    nameKey: "coping.tool.call_someone",
    descriptionKey: "coping.tool.call_someone.description",
  },
  {
    tool: "reasons",
    slug: "reasons",
    nameKey: "coping.tool.reasons",
    descriptionKey: "coping.tool.reasons.description",
  },
  {
    tool: "breathing",
    slug: "breathing",
    nameKey: "coping.tool.breathing",
    descriptionKey: "coping.tool.breathing.description",
  },
];

export const toolBySlug = (slug: string) => TOOLS.find((info) => info.slug === slug);
export const toolInfo = (tool: CopingTool) => TOOLS.find((info) => info.tool === tool) as ToolInfo;

/** Link to a tool, carrying the craving it is used for when there is one. */
export function toolHref(info: ToolInfo, cravingId?: string | null): string {
  return cravingId
    ? `/coping/${info.slug}?craving=${encodeURIComponent(cravingId)}`
    : `/coping/${info.slug}`;
}

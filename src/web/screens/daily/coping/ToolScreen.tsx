import { type ComponentType, useCallback, useState } from "react";
import { Link, useSearch } from "wouter";
import type { CopingTool } from "../../../../domain/craving";
import { ScreenHeading } from "../../../components/ScreenHeading";
import { useI18n } from "../../../i18n/context";
import { Breathing } from "./Breathing";
import { CallSomeone } from "./CallSomeone";
import { DelayDistract } from "./DelayDistract";
import { DidItPass } from "./DidItPass";
import { HaltCheck } from "./HaltCheck";
import { Reasons } from "./Reasons";
import { toolBySlug } from "./tools";
import { UrgeSurfing } from "./UrgeSurfing";

const toolComponents: Record<CopingTool, ComponentType<{ onDone: () => void }>> = {
  urge_surfing: UrgeSurfing,
  delay_distract: DelayDistract,
  halt_check: HaltCheck,
  call_someone: CallSomeone,
  reasons: Reasons,
  breathing: Breathing,
};

/** /coping/:tool — one tool, then "did the craving pass?" (?craving=id ties it to a logged craving). */
export function ToolScreen({ slug }: { slug: string }) {
  const { t } = useI18n();
  const info = toolBySlug(slug);
  const cravingId = new URLSearchParams(useSearch()).get("craving");
  const [isDone, setDone] = useState(false);
  const done = useCallback(() => setDone(true), []);

  if (!info) {
    return (
      <div className="stack">
        <ScreenHeading titleKey="notFound.title" />
        <Link href="/coping">{t("coping.title")}</Link>
      </div>
    );
  }
  const Tool = toolComponents[info.tool];
  return (
    <div className="stack">
      <ScreenHeading titleKey={info.nameKey} />
      {isDone ? <DidItPass tool={info.tool} cravingId={cravingId} /> : <Tool onDone={done} />}
      <p>
        <Link href="/coping">{t("coping.allTools")}</Link>
      </p>
    </div>
  );
}

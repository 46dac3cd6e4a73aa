import { useId } from "react";
import { Link } from "wouter";
import { ScreenHeading } from "../../../components/ScreenHeading";
import { useI18n } from "../../../i18n/context";
import { ToolLinks } from "./ToolLinks";
import { WhatWorks } from "./WhatWorks";

/** /coping: the toolkit, and what has worked for this person so far. */
export function CopingScreen() {
  const { t } = useI18n();
  const toolsId = useId();
  return (
    <div className="stack">
      <ScreenHeading titleKey="coping.title" />
      <p className="lead">{t("coping.intro")}</p>
      <section className="stack" aria-labelledby={toolsId}>
        <h2 id={toolsId} className="visually-hidden">
          {t("coping.toolsHeading")}
        </h2>
        <ToolLinks labelledBy={toolsId} />
      </section>
      <WhatWorks />
      <p>
        <Link href="/craving">{t("coping.logCraving")}</Link>
      </p>
    </div>
  );
}

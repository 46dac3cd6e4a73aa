import { Link } from "wouter";
import { useI18n } from "../../../i18n/context";
import { TOOLS, toolHref } from "./tools";

/** The six tools as big buttons: in a craving, every tool is one tap away. */
export function ToolLinks({
  cravingId,
  labelledBy,
}: {
  cravingId?: string | null;
  labelledBy: string;
}) {
  const { t } = useI18n();
  return (
    <ul className="tool-links" aria-labelledby={labelledBy}>
      {TOOLS.map((info) => (
        <li key={info.tool}>
          <Link href={toolHref(info, cravingId)} className="tool-link">
            <strong>{t(info.nameKey)}</strong>
            <span className="action-description">{t(info.descriptionKey)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

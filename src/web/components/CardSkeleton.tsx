import { useId } from "react";
import { useI18n } from "../i18n/context";
import type { MessageKey } from "../i18n/translate";

/** A placeholder line: full width, `short` (a sentence's end) or `tall` (a button). */
export type SkeletonLine = "line" | "short" | "tall";

export function SkeletonLines({ lines }: { lines: readonly SkeletonLine[] }) {
  return (
    <div className="skeleton-lines" aria-hidden="true">
      {lines.map((line, index) => (
        // Placeholders never reorder; the index is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <span key={index} className={line === "line" ? "skeleton" : `skeleton ${line}`} />
      ))}
    </div>
  );
}

/**
 * A Today card while its code or data loads: the real heading (so a screen reader hears which
 * card is coming) over placeholders shaped like the content, so the page does not jump.
 */
export function CardSkeleton({
  titleKey,
  lines,
  className = "card stack",
}: {
  titleKey: MessageKey;
  lines: readonly SkeletonLine[];
  className?: string;
}) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section className={className} aria-labelledby={headingId} aria-busy="true">
      <h2 id={headingId}>{t(titleKey)}</h2>
      <SkeletonLines lines={lines} />
    </section>
  );
}

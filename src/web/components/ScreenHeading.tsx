import { type ReactNode, useEffect, useLayoutEffect, useRef } from "react";
import { useI18n } from "../i18n/context";
import type { MessageKey } from "../i18n/translate";
import { documentTitle } from "../lock/discreet";

// The first screen keeps the browser's own focus; after a client-side navigation the new
// heading takes focus so screen readers announce where the person landed.
let isFirstScreen = true;

/** The screen's <h1>; also sets the document title (only the neutral name in discreet mode). */
export function ScreenHeading({
  titleKey,
  children,
}: {
  titleKey: MessageKey;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = documentTitle(t, titleKey);
  }, [t, titleKey]);

  useLayoutEffect(() => {
    if (isFirstScreen) {
      isFirstScreen = false;
      return;
    }
    heading.current?.focus();
  }, []);

  return (
    <h1 ref={heading} tabIndex={-1}>
      {children ?? t(titleKey)}
    </h1>
  );
}

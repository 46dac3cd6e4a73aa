import type { ReactNode } from "react";
import { useLocation } from "wouter";
import { useDeviceLock } from "./DeviceLockProvider";
import { LockScreen } from "./LockScreen";

/**
 * While locked, the lock screen replaces what is inside (so the screens and their data are
 * unmounted, not hidden). The crisis screen stays reachable: /help is never locked.
 */
export function LockGate({
  children,
  whenLocked = <LockScreen />,
}: {
  children: ReactNode;
  whenLocked?: ReactNode;
}) {
  const { locked } = useDeviceLock();
  const [location] = useLocation();
  if (locked && location !== "/help") return whenLocked;
  return children;
}

import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
} from "react";
import {
  afterWrongPin,
  type IdleMinutes,
  isIdleLongEnough,
  MAX_PIN_ATTEMPTS,
} from "../../domain/device-lock";
import { api } from "../api";
import { useSession } from "../session";
import { type DeviceLockSettings, forgetLock, readLock, writeLock } from "./lock-store";
import { unlockWithPasskey } from "./passkey-unlock";
import { hashNewPin, pinMatches } from "./pin-hash";

/** How often the idle clock is checked, and how often activity is written down. */
const CHECK_EVERY_MS = 5_000;
const SAVE_ACTIVITY_EVERY_MS = 5_000;
const ACTIVITY_EVENTS = ["pointerdown", "keydown", "scroll", "touchstart"] as const;

export type UnlockOutcome =
  | { kind: "unlocked" }
  | { kind: "wrong"; attemptsLeft: number }
  | { kind: "signed-out" }
  | { kind: "sign-out-failed" };

interface DeviceLockValue {
  /** null when this person has no app lock on this device. */
  settings: DeviceLockSettings | null;
  locked: boolean;
  /** Wrong PINs used up: only signing in again opens the app. */
  mustSignIn: boolean;
  turnOn: (pin: string, idleMinutes: IdleMinutes) => Promise<void>;
  turnOff: () => void;
  setIdleMinutes: (idleMinutes: IdleMinutes) => void;
  lockNow: () => void;
  unlock: (pin: string) => Promise<UnlockOutcome>;
  /** Opens the lock with a passkey; throws what went wrong (passkey-unlock.ts). */
  unlockWithPasskey: () => Promise<void>;
  /** Forgot the PIN, or too many tries: end the session; the password opens the app again. */
  signInAgain: () => Promise<boolean>;
}

const DeviceLockContext = createContext<DeviceLockValue | null>(null);

/** The app lock for whoever is signed in on this device (issue #19 part 2, docs/security.md). */
export function DeviceLockProvider({ children }: { children: ReactNode }) {
  const { session, setMe } = useSession();
  const userId = session.status === "signed-in" ? session.me.id : null;
  const [settings, setSettings] = useState<DeviceLockSettings | null>(null);
  const lastActiveAt = useRef(Date.now());
  const lastSavedAt = useRef(0);

  const save = useCallback(
    (next: DeviceLockSettings | null) => {
      if (!userId) return;
      if (next) writeLock(userId, next);
      else forgetLock(userId);
      setSettings(next);
    },
    [userId],
  );

  // On sign-in or a fresh load: locked if it was, or if it sat idle long enough meanwhile.
  // Decided during render (not in an effect) so no screen with data is ever drawn first.
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  if (userId !== loadedFor) {
    setLoadedFor(userId);
    setSettings(userId ? lockOnArrival(userId) : null);
    lastActiveAt.current = Date.now();
  }

  const settingsRef = useRef(settings);
  settingsRef.current = settings;

  const lockIfIdle = useCallback(() => {
    const current = settingsRef.current;
    if (!current || current.locked) return;
    if (isIdleLongEnough(lastActiveAt.current, Date.now(), current.idleMinutes)) {
      save({ ...current, locked: true, lastActiveAt: lastActiveAt.current });
    }
  }, [save]);

  // Activity keeps it open; the idle clock and a return from the background lock it.
  useEffect(() => {
    if (!settings || settings.locked) return;
    const onActivity = () => {
      const now = Date.now();
      // A tap after the idle time (timers sleep in the background) must lock, not reset.
      if (isIdleLongEnough(lastActiveAt.current, now, settings.idleMinutes)) return lockIfIdle();
      lastActiveAt.current = now;
      if (now - lastSavedAt.current >= SAVE_ACTIVITY_EVERY_MS && userId) {
        lastSavedAt.current = now;
        writeLock(userId, { ...settings, lastActiveAt: now });
      }
    };
    const onVisibility = () => {
      if (document.visibilityState === "visible") lockIfIdle();
      else if (userId) writeLock(userId, { ...settings, lastActiveAt: lastActiveAt.current });
    };
    for (const name of ACTIVITY_EVENTS)
      window.addEventListener(name, onActivity, { passive: true });
    document.addEventListener("visibilitychange", onVisibility);
    const timer = window.setInterval(lockIfIdle, CHECK_EVERY_MS);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity);
      document.removeEventListener("visibilitychange", onVisibility);
      window.clearInterval(timer);
    };
  }, [settings, userId, lockIfIdle]);

  const turnOn = useCallback(
    async (pin: string, idleMinutes: IdleMinutes) => {
      const record = await hashNewPin(pin);
      lastActiveAt.current = Date.now();
      save({
        pin: record,
        idleMinutes,
        failedAttempts: 0,
        locked: false,
        lastActiveAt: Date.now(),
      });
    },
    [save],
  );

  const signInAgain = useCallback(async () => {
    try {
      await api.signOut();
    } catch {
      return false;
    }
    if (userId) forgetLock(userId);
    setSettings(null);
    setMe(null);
    return true;
  }, [setMe, userId]);

  const unlock = useCallback(
    async (pin: string): Promise<UnlockOutcome> => {
      const current = settingsRef.current;
      if (!current) return { kind: "unlocked" };
      if (await pinMatches(pin, current.pin)) {
        lastActiveAt.current = Date.now();
        save({ ...current, locked: false, failedAttempts: 0, lastActiveAt: Date.now() });
        return { kind: "unlocked" };
      }
      const outcome = afterWrongPin(current.failedAttempts);
      if (outcome.kind === "try-again") {
        save({ ...current, failedAttempts: outcome.failedAttempts });
        return { kind: "wrong", attemptsLeft: outcome.attemptsLeft };
      }
      // Written down first, so a reload before the server answers still asks for the password.
      save({ ...current, failedAttempts: MAX_PIN_ATTEMPTS, locked: true });
      return (await signInAgain()) ? { kind: "signed-out" } : { kind: "sign-out-failed" };
    },
    [save, signInAgain],
  );

  const openWithPasskey = useCallback(async () => {
    await unlockWithPasskey();
    const current = settingsRef.current;
    if (!current) return;
    lastActiveAt.current = Date.now();
    save({ ...current, locked: false, failedAttempts: 0, lastActiveAt: Date.now() });
  }, [save]);

  const value: DeviceLockValue = {
    settings,
    locked: settings?.locked ?? false,
    mustSignIn: (settings?.failedAttempts ?? 0) >= MAX_PIN_ATTEMPTS,
    turnOn,
    turnOff: () => save(null),
    setIdleMinutes: (idleMinutes) => settings && save({ ...settings, idleMinutes }),
    lockNow: () => settings && save({ ...settings, locked: true }),
    unlock,
    unlockWithPasskey: openWithPasskey,
    signInAgain,
  };
  return <DeviceLockContext value={value}>{children}</DeviceLockContext>;
}

function lockOnArrival(userId: string): DeviceLockSettings | null {
  const stored = readLock(userId);
  if (
    stored &&
    !stored.locked &&
    isIdleLongEnough(stored.lastActiveAt, Date.now(), stored.idleMinutes)
  ) {
    const locked = { ...stored, locked: true };
    writeLock(userId, locked);
    return locked;
  }
  return stored;
}

export function useDeviceLock(): DeviceLockValue {
  const value = useContext(DeviceLockContext);
  if (!value) throw new Error("useDeviceLock needs a <DeviceLockProvider> above it");
  return value;
}

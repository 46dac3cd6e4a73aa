import { DEFAULT_IDLE_MINUTES, type IdleMinutes, isIdleMinutes } from "../../domain/device-lock";
import type { PinRecord } from "./pin-hash";

/**
 * What this device remembers about the lock, per person (a shared phone may have several):
 * the PIN hash, the idle time, wrong attempts so far, and whether it is locked. Kept in
 * localStorage so a reload or a closed tab does not open the lock. Discreet mode is per
 * device and applies before sign-in too, so it has its own key.
 */
export interface DeviceLockSettings {
  pin: PinRecord;
  idleMinutes: IdleMinutes;
  failedAttempts: number;
  locked: boolean;
  lastActiveAt: number;
}

const lockKey = (userId: string) => `waymark.lock.${userId}`;
const DISCREET_KEY = "waymark.discreet";

export function readLock(userId: string): DeviceLockSettings | null {
  try {
    const raw = localStorage.getItem(lockKey(userId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<DeviceLockSettings>;
    if (!parsed.pin?.hash || !parsed.pin.salt || !parsed.pin.iterations) return null;
    return {
      pin: parsed.pin,
      idleMinutes: isIdleMinutes(parsed.idleMinutes) ? parsed.idleMinutes : DEFAULT_IDLE_MINUTES,
      failedAttempts: Number(parsed.failedAttempts) || 0,
      // Anything odd in storage fails closed: locked.
      locked: parsed.locked !== false,
      lastActiveAt: Number(parsed.lastActiveAt) || 0,
    };
  } catch {
    return null;
  }
}

export function writeLock(userId: string, settings: DeviceLockSettings): void {
  localStorage.setItem(lockKey(userId), JSON.stringify(settings));
}

export function forgetLock(userId: string): void {
  localStorage.removeItem(lockKey(userId));
}

export function isDiscreet(): boolean {
  try {
    return localStorage.getItem(DISCREET_KEY) === "on";
  } catch {
    return false;
  }
}

export function setDiscreetStored(on: boolean): void {
  if (on) localStorage.setItem(DISCREET_KEY, "on");
  else localStorage.removeItem(DISCREET_KEY);
}

import { useEffect, useState } from 'react';
import { isIdleLocked } from './pin';

const activityEvents = ['pointerdown', 'keydown', 'touchstart'] as const;

/**
 * True once the tablet has been idle for `idleMinutes` (shared tablets re-lock with a PIN).
 * `unlock()` resets it.
 */
export function useIdleLock(enabled: boolean, idleMinutes: number): { locked: boolean; unlock: () => void } {
  const [locked, setLocked] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    let last = Date.now();
    const touch = () => {
      last = Date.now();
    };
    for (const e of activityEvents) window.addEventListener(e, touch, { passive: true });
    const timer = setInterval(() => {
      if (isIdleLocked(last, Date.now(), idleMinutes)) setLocked(true);
    }, 15_000);
    return () => {
      clearInterval(timer);
      for (const e of activityEvents) window.removeEventListener(e, touch);
    };
  }, [enabled, idleMinutes]);
  return { locked: enabled && locked, unlock: () => setLocked(false) };
}

import { getPriority, setPriority } from 'node:os';

/**
 * Lowers the calling thread's priority to `niceness` (on Linux a thread's priority is its own;
 * elsewhere it is the process's), never raising it; whether it is now that low. Lowering one's own
 * priority is always allowed; where the system refuses anyway, nothing changes.
 */
export function yieldProcessor(niceness: number): boolean {
  try {
    if (getPriority() < niceness) setPriority(niceness);
    return getPriority() >= niceness;
  } catch {
    return false;
  }
}

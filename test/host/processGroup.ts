import { spawn } from 'node:child_process';
import type { ChildProcess, SpawnOptions } from 'node:child_process';

/**
 * A child started as the leader of its own process group, so that stopping it also stops
 * everything it started (code-server forks its extension host and file watcher; killing only
 * the main pid would leave those behind).
 */
export interface GroupProcess {
  readonly child: ChildProcess;
  /** Resolves with the exit code (or signal name) once the leader has exited. */
  readonly exited: Promise<number | string>;
  /** SIGTERM to the whole group, SIGKILL after `graceMs`; resolves when the leader is gone. */
  stop(graceMs?: number): Promise<void>;
}

const live = new Set<number>();

// Last line of defence against orphans: if this process ends without calling stop() (an uncaught
// error, process.exit from a runner), take the groups down with it. 'exit' handlers must be sync.
process.on('exit', () => {
  for (const pgid of live) killGroup(pgid, 'SIGKILL');
});
// Our groups are detached, so a Ctrl+C or a runner's SIGTERM reaches only this process: pass it on.
// If the program has its own handler it decides when to exit; otherwise we exit as the signal would.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const pgid of live) killGroup(pgid, 'SIGKILL');
    const code = signal === 'SIGINT' ? 130 : 143;
    if (process.listenerCount(signal) === 0) process.exit(code);
    else setTimeout(() => process.exit(code), 5000).unref();
  });
}

export function spawnGroup(
  command: string,
  args: readonly string[],
  options: SpawnOptions = {},
): GroupProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options, detached: true });
  const pgid = child.pid;
  if (pgid !== undefined) live.add(pgid);
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      if (pgid !== undefined) live.delete(pgid);
      resolve(code ?? signal ?? 'unknown');
    });
    child.once('error', (error) => {
      if (pgid !== undefined) live.delete(pgid);
      resolve(error.message);
    });
  });
  const stop = async (graceMs = 5000): Promise<void> => {
    if (pgid === undefined) return;
    killGroup(pgid, 'SIGTERM');
    const timedOut = await Promise.race([exited.then(() => false), delay(graceMs).then(() => true)]);
    // Children may outlive the leader on SIGTERM; SIGKILL the group either way.
    killGroup(pgid, 'SIGKILL');
    if (timedOut) await Promise.race([exited, delay(2000)]);
    live.delete(pgid);
  };
  return { child, exited, stop };
}

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Rejects with `message` if `promise` has not settled within `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${message} (timed out after ${Math.round(ms / 1000)} s)`)),
      ms,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

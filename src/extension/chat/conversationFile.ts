// The stored conversation file's format and identity: ids, the version migration, and the stamp
// (inode, mtime and size: every atomic write is a new inode) by which a store notices another window's write. No vscode import.

import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { idPattern } from '../../shared/patterns';
import { conversationVersion, type Conversation, type Turn } from './conversation';
import { repairConversation } from './conversationRepair';
import { checkNotNewer, NewerFormatError, parseJsonFile } from './conversationProblems';

export function newConversationId(): string {
  return `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;
}

/**
 * Brings an older stored shape up to the current one. Version 1 is the first; a later version adds
 * its step here so that old files keep loading. Throws on anything it cannot read: a
 * NewerFormatError for a file from a newer Thinkfast (to be kept as it is, not moved aside).
 */
export function migrateConversation(raw: unknown): Conversation {
  if (typeof raw !== 'object' || raw === null) throw new Error('not a JSON object');
  const c = raw as Partial<Conversation> & { version?: unknown };
  checkNotNewer(c);
  if (c.version !== conversationVersion) throw new Error(`unknown version ${String(c.version)}`);
  if (typeof c.id !== 'string' || !idPattern.test(c.id)) throw new Error('missing or invalid id');
  if (!Array.isArray(c.turns)) throw new Error('missing turns');
  for (const t of c.turns) checkTurn(t);
  return {
    ...(c as Conversation),
    title: typeof c.title === 'string' ? c.title : 'Untitled',
    model: typeof c.model === 'string' ? c.model : '',
    createdAt: typeof c.createdAt === 'number' ? c.createdAt : 0,
    updatedAt: typeof c.updatedAt === 'number' ? c.updatedAt : 0,
  };
}

function checkTurn(t: Turn): void {
  if (typeof t !== 'object' || t === null || typeof t.id !== 'string' || typeof t.prompt !== 'string') {
    throw new Error('a turn is malformed');
  }
  if (!Array.isArray(t.content)) throw new Error(`turn ${t.id} has no content array`);
  if (!Array.isArray(t.attachments)) t.attachments = [];
  // Other versions are kept when they read well; a malformed set is dropped, the chosen path stays.
  if (t.versions !== undefined && !versionsReadable(t.versions)) delete t.versions;
}

function versionsReadable(v: Turn['versions']): boolean {
  if (typeof v !== 'object' || v === null || !Array.isArray(v.others) || !Number.isInteger(v.index))
    return false;
  try {
    for (const tail of v.others as unknown[]) {
      if (!Array.isArray(tail) || tail.length === 0) return false;
      for (const t of tail as Turn[]) checkTurn(t);
    }
    return true;
  } catch {
    return false;
  }
}

/** A file's identity as this store last wrote or read it (another window's write changes it). */
export interface FileStamp {
  readonly ino: number;
  readonly mtimeMs: number;
  readonly size: number;
}

/** True when both stamps name the same write. */
export function sameStamp(a: FileStamp | undefined, b: FileStamp | undefined): boolean {
  return (
    a !== undefined && b !== undefined && a.ino === b.ino && a.mtimeMs === b.mtimeMs && a.size === b.size
  );
}

export async function stampOf(file: string): Promise<FileStamp | undefined> {
  try {
    const st = await fs.stat(file);
    return { ino: st.ino, mtimeMs: st.mtimeMs, size: st.size };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Writes `data` to `file` atomically: a temporary file beside it, fsync, rename. */
export async function writeFileAtomic(file: string, data: string): Promise<void> {
  await fs.mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await fs.open(tmp, 'w');
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/** A lock older than this is taken to be left by a host that died holding it. */
const staleLockMs = 5_000;
/** Give up waiting for the lock after this long and write anyway (a merge may then miss a turn). */
const lockWaitMs = 2_000;

/**
 * Runs `op` holding `file`.lock, created exclusively: the two windows' extension hosts then read,
 * merge and write one conversation in turn. A stale lock (its host died) is broken.
 */
export async function withFileLock<T>(file: string, op: () => Promise<T>): Promise<T> {
  const lock = `${file}.lock`;
  await fs.mkdir(dirname(file), { recursive: true });
  const deadline = Date.now() + lockWaitMs;
  let held = false;
  while (!held) {
    try {
      await (await fs.open(lock, 'wx')).close();
      held = true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || Date.now() > deadline) break;
      const age = await fs.stat(lock).then(
        (st) => Date.now() - st.mtimeMs,
        () => 0,
      );
      if (age > staleLockMs) await fs.rm(lock, { force: true });
      else await new Promise((r) => setTimeout(r, 5));
    }
  }
  try {
    return await op();
  } finally {
    if (held) await fs.rm(lock, { force: true });
  }
}

/** A conversation file's text as a current, repaired conversation; throws when it is not one. */
export function parseConversation(text: string): Conversation {
  return repairConversation(migrateConversation(parseJsonFile(text)));
}

/**
 * The conversation in `file`, or undefined if it cannot be read (a save then simply replaces it).
 * A file from a newer Thinkfast throws: the save is refused rather than overwrite it.
 */
export async function readIfReadable(file: string): Promise<Conversation | undefined> {
  try {
    return parseConversation(await fs.readFile(file, 'utf8'));
  } catch (e) {
    if (e instanceof NewerFormatError) throw e;
    return undefined;
  }
}

/** The ids of the conversation files in `dir` (none when it does not exist yet). */
export async function conversationIds(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  return names
    .filter((n) => n.endsWith('.json'))
    .map((n) => n.slice(0, -5))
    .filter((id) => idPattern.test(id));
}

/**
 * Moves `file` into `corruptDir`, stamped with the time so earlier copies stay; the new path, or
 * undefined when the file was already gone.
 */
export async function moveAside(file: string, corruptDir: string): Promise<string | undefined> {
  await fs.mkdir(corruptDir, { recursive: true });
  const movedTo = join(corruptDir, `${basename(file)}.${Date.now()}`);
  try {
    await fs.rename(file, movedTo);
    return movedTo;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

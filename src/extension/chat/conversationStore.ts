// Conversations as one JSON file each under the extension's global storage. Writes are atomic
// (temporary file, fsync, rename) and serialized per conversation; a file that cannot be read is
// moved aside and reported while every other conversation still loads. No vscode import.

import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { conversationVersion, type Conversation, type Turn } from './conversation';
import type { HistoryItemView } from '../../shared/protocol';
import { idPattern } from '../../shared/patterns';
import { repairConversation } from './conversationRepair';

/** A file that could not be loaded, now kept under `corrupt/`. */
export interface CorruptFile {
  readonly file: string;
  readonly movedTo: string;
  readonly reason: string;
}

export function newConversationId(): string {
  return `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;
}

/**
 * Brings an older stored shape up to the current one. Version 1 is the first; a later version adds
 * its step here so that old files keep loading. Throws on anything it cannot read.
 */
export function migrateConversation(raw: unknown): Conversation {
  if (typeof raw !== 'object' || raw === null) throw new Error('not a JSON object');
  const c = raw as Partial<Conversation> & { version?: unknown };
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

export class ConversationStore {
  private readonly dir: string;
  private readonly corruptDir: string;
  private readonly writes = new Map<string, Promise<void>>();
  private readonly reported = new Set<string>();

  /** `onCorrupt` is told once per file moved aside (the caller shows a message and logs it). */
  constructor(
    storageDir: string,
    private readonly onCorrupt: (c: CorruptFile) => void = () => undefined,
  ) {
    this.dir = join(storageDir, 'conversations');
    this.corruptDir = join(this.dir, 'corrupt');
  }

  /** Saves atomically; concurrent saves of one conversation land in call order, the last wins. */
  save(conversation: Conversation): Promise<void> {
    if (!idPattern.test(conversation.id)) return Promise.reject(new Error(`invalid conversation id`));
    let json: string;
    try {
      json = JSON.stringify(conversation);
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    const previous = this.writes.get(conversation.id) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(() => this.writeAtomic(this.fileOf(conversation.id), json));
    this.writes.set(conversation.id, next);
    void next.finally(() => {
      if (this.writes.get(conversation.id) === next) this.writes.delete(conversation.id);
    });
    return next;
  }

  /** Resolves when every pending save has landed (used before deactivation and by tests). */
  async flush(): Promise<void> {
    await Promise.allSettled([...this.writes.values()]);
  }

  /** Loads one conversation; a corrupt file is moved aside and `undefined` returned. */
  async load(id: string): Promise<Conversation | undefined> {
    if (!idPattern.test(id)) return undefined;
    await this.writes.get(id)?.catch(() => undefined);
    const file = this.fileOf(id);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    try {
      return repairConversation(migrateConversation(JSON.parse(text)));
    } catch (e) {
      await this.moveAside(file, (e as Error).message);
      return undefined;
    }
  }

  /** The history list, newest first. Unreadable files are moved aside and reported, the rest listed. */
  async list(): Promise<HistoryItemView[]> {
    const items: HistoryItemView[] = [];
    for (const id of await this.ids()) {
      const c = await this.load(id);
      if (c && c.turns.length > 0) {
        items.push({
          id: c.id,
          title: c.title,
          updatedAt: c.updatedAt,
          model: c.model,
          turns: c.turns.length,
        });
      }
    }
    return items.sort((a, b) => b.updatedAt - a.updatedAt);
  }

  /** The most recently written conversation, to restore after a reload. */
  async latest(): Promise<Conversation | undefined> {
    const stats = await Promise.all(
      (await this.ids()).map(async (id) => ({ id, mtime: (await fs.stat(this.fileOf(id))).mtimeMs })),
    );
    stats.sort((a, b) => b.mtime - a.mtime);
    for (const { id } of stats) {
      const c = await this.load(id);
      if (c) return c;
    }
    return undefined;
  }

  async delete(id: string): Promise<void> {
    if (!idPattern.test(id)) return;
    await this.writes.get(id)?.catch(() => undefined);
    await fs.rm(this.fileOf(id), { force: true });
  }

  private async ids(): Promise<string[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    return names
      .filter((n) => n.endsWith('.json'))
      .map((n) => n.slice(0, -5))
      .filter((id) => idPattern.test(id));
  }

  private fileOf(id: string): string {
    return join(this.dir, `${id}.json`);
  }

  private async writeAtomic(file: string, data: string): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
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

  private async moveAside(file: string, reason: string): Promise<void> {
    await fs.mkdir(this.corruptDir, { recursive: true });
    const base = file.slice(this.dir.length + 1);
    const movedTo = join(this.corruptDir, `${base}.${Date.now()}`);
    try {
      await fs.rename(file, movedTo);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    if (!this.reported.has(file)) {
      this.reported.add(file);
      this.onCorrupt({ file, movedTo, reason });
    }
  }
}

// Conversations as one JSON file each under the extension's global storage. Writes are atomic
// (temporary file, fsync, rename) and serialized per conversation; a file that cannot be read is
// moved aside and reported while every other conversation still loads, except a file from a newer
// Thinkfast: it stays in place, listed as such, and is never overwritten. No vscode import.

import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { Conversation } from './conversation';
import type { HistoryItemView } from '../../shared/protocol';
import { idPattern } from '../../shared/patterns';
import { mergeConversation } from './conversationMerge';
import { HistoryIndex, historyItem, newerItem } from './historyIndex';
import { NewerFormatError } from './conversationProblems';
import {
  conversationIds,
  moveAside,
  parseConversation,
  readIfReadable,
  sameStamp,
  stampOf,
  withFileLock,
  writeFileAtomic,
  type FileStamp,
} from './conversationFile';

export { migrateConversation, newConversationId } from './conversationFile';

/** A file that could not be loaded, now kept under `corrupt/`. */
export interface CorruptFile {
  readonly file: string;
  readonly movedTo: string;
  readonly reason: string;
}

/** What a save did: `merged` is the conversation written when another window's turns were kept. */
export interface SaveResult {
  readonly merged?: Conversation;
}

export class ConversationStore {
  /** The conversations folder (tests put files into it). */
  readonly dir: string;
  private readonly corruptDir: string;
  private readonly writes = new Map<string, Promise<SaveResult>>();
  private readonly reported = new Set<string>();
  /** Per conversation: the file as we last saw it, and every turn id we have had in it. */
  private readonly stamps = new Map<string, FileStamp>();
  private readonly seen = new Map<string, Set<string>>();
  /** The last merged result per conversation, merged into later saves until they hold its turns. */
  private readonly mergedBase = new Map<string, Conversation>();
  /** Files saved by a newer Thinkfast, as last read: listed, not opened, never written. */
  private readonly newer = new Map<string, NewerFormatError>();

  private readonly index: HistoryIndex | undefined;

  /**
   * `onCorrupt` is told once per file moved aside (the caller shows a message and logs it).
   * `useIndex: false` lists by reading every file (the benchmark's baseline).
   */
  constructor(
    storageDir: string,
    private readonly onCorrupt: (c: CorruptFile) => void = () => undefined,
    options: { useIndex?: boolean } = {},
  ) {
    this.dir = join(storageDir, 'conversations');
    this.corruptDir = join(this.dir, 'corrupt');
    if (options.useIndex !== false) this.index = new HistoryIndex(join(storageDir, 'history-index.json'));
  }

  /**
   * Saves atomically; saves of one conversation land in call order. The conversation is taken as it
   * is at the call. When the file changed since this store last wrote or read it (another window
   * saved it), the other window's new turns are merged in, never overwritten (`merged`).
   */
  save(conversation: Conversation): Promise<SaveResult> {
    if (!idPattern.test(conversation.id)) return Promise.reject(new Error(`invalid conversation id`));
    let json: string;
    try {
      json = JSON.stringify(conversation);
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    const id = conversation.id;
    this.see(conversation);
    const previous = this.writes.get(id) ?? Promise.resolve({});
    const file = this.fileOf(id);
    const next = previous
      .catch(() => undefined)
      .then(() => withFileLock(file, () => this.writeMerged(id, json, conversation)));
    this.writes.set(id, next);
    void next.finally(() => {
      if (this.writes.get(conversation.id) === next) this.writes.delete(conversation.id);
    });
    return next;
  }

  /**
   * The conversation as another window saved it since this store last wrote or read the file, or
   * undefined when nobody else wrote it (a stat, no read, in the common case).
   */
  async changedElsewhere(id: string): Promise<Conversation | undefined> {
    if (!idPattern.test(id)) return undefined;
    await this.writes.get(id)?.catch(() => undefined);
    const known = this.stamps.get(id);
    const now = await stampOf(this.fileOf(id));
    if (!known || !now || sameStamp(known, now)) return undefined;
    return this.read(id, false);
  }

  /** Turn ids this store has had in conversation `id` (a turn missing from a save was removed). */
  seenTurns(id: string): ReadonlySet<string> {
    return this.seen.get(id) ?? new Set();
  }

  /** Resolves when every pending save has landed (used before deactivation and by tests). */
  async flush(): Promise<void> {
    await Promise.allSettled([...this.writes.values()]);
    await this.index?.flush();
  }

  /** Why conversation `id` did not load, when a newer Thinkfast saved it (it is kept as it is). */
  newerFormat(id: string): NewerFormatError | undefined {
    return this.newer.get(id);
  }

  /**
   * Loads one conversation; a corrupt file is moved aside and `undefined` returned, as for a file
   * from a newer Thinkfast, which stays where it is (`newerFormat` says so).
   */
  async load(id: string): Promise<Conversation | undefined> {
    const c = await this.read(id, true);
    if (c) this.see(c);
    return c;
  }

  /** Reads one conversation; `track` remembers the file's stamp (this store is now up to date). */
  private async read(id: string, track: boolean): Promise<Conversation | undefined> {
    if (!idPattern.test(id)) return undefined;
    await this.writes.get(id)?.catch(() => undefined);
    const file = this.fileOf(id);
    let text: string;
    let stamp: FileStamp | undefined;
    try {
      stamp = await stampOf(file);
      text = await fs.readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    try {
      const c = parseConversation(text);
      this.newer.delete(id);
      if (stamp && track) this.stamps.set(id, stamp);
      return c;
    } catch (e) {
      if (e instanceof NewerFormatError) {
        this.newer.set(id, e);
        await this.index?.put(newerItem(id, e)).catch(() => undefined);
        return undefined;
      }
      await this.moveAside(file, (e as Error).message);
      return undefined;
    }
  }

  /** The history list, newest first. Unreadable files are moved aside and reported, the rest listed. */
  async list(): Promise<HistoryItemView[]> {
    const describe = async (id: string): Promise<HistoryItemView | undefined> => {
      const c = await this.read(id, false);
      const newer = c ? undefined : this.newer.get(id);
      return c ? historyItem(c) : newer && newerItem(id, newer);
    };
    const ids = await this.ids();
    let items: HistoryItemView[];
    if (this.index) items = await this.index.entries(ids, describe);
    else {
      items = [];
      for (const id of ids) {
        const item = await describe(id);
        if (item) items.push(item);
      }
    }
    return items
      .filter((i) => i.turns > 0 || i.savedByNewer !== undefined)
      .sort((a, b) => b.updatedAt - a.updatedAt);
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
    await this.index?.remove(id).catch(() => undefined);
  }

  private ids(): Promise<string[]> {
    return conversationIds(this.dir);
  }

  private see(c: Conversation): void {
    let ids = this.seen.get(c.id);
    if (!ids) this.seen.set(c.id, (ids = new Set()));
    for (const t of c.turns) ids.add(t.id);
  }

  /** Writes `json`, first merging in another window's turns if the file changed under us. */
  private async writeMerged(id: string, json: string, asked: Conversation): Promise<SaveResult> {
    const item = historyItem(asked); // taken now: `asked` may change while we wait
    const file = this.fileOf(id);
    const known = this.stamps.get(id);
    const now = await stampOf(file);
    let merged: Conversation | undefined;
    const changed = now !== undefined && !sameStamp(known, now);
    // A checkpoint may have merged another window's turns that this conversation has not adopted yet.
    const base = changed ? await readIfReadable(file) : this.mergedBase.get(id);
    if (base) {
      const ours = JSON.parse(json) as Conversation;
      const result = mergeConversation(ours, base, this.seenTurns(id));
      if (result !== ours) {
        merged = result;
        json = JSON.stringify(result);
        this.mergedBase.set(id, result);
      } else this.mergedBase.delete(id);
    }
    await writeFileAtomic(file, json);
    const stamp = await stampOf(file);
    if (stamp) this.stamps.set(id, stamp);
    // The list's index follows; a failed index write only costs a rebuild on the next list.
    await this.index?.put(merged ? historyItem(merged) : item).catch(() => undefined);
    return merged ? { merged } : {};
  }

  private fileOf(id: string): string {
    return join(this.dir, `${id}.json`);
  }

  private async moveAside(file: string, reason: string): Promise<void> {
    const movedTo = await moveAside(file, this.corruptDir);
    if (movedTo === undefined || this.reported.has(file)) return;
    this.reported.add(file);
    this.onCorrupt({ file, movedTo, reason });
  }
}

// The history list's index: one JSON file beside the conversations folder with each conversation's
// list entry, so the list opens with one read instead of one per conversation. Written atomically
// after each save that changes an entry; reconciled with the folder's names on every list (a
// conversation another window added, or removed, is read or dropped); rebuilt from the files when
// missing or unreadable. No vscode import.

import { promises as fs } from 'node:fs';
import type { HistoryItemView } from '../../shared/protocol';
import { writeFileAtomic } from './conversationFile';
import type { NewerFormatError } from './conversationProblems';

const indexVersion = 1;

interface IndexFile {
  readonly version: typeof indexVersion;
  readonly items: HistoryItemView[];
}

function isItem(v: unknown): v is HistoryItemView {
  const i = v as Partial<HistoryItemView> | null;
  return (
    typeof i === 'object' &&
    i !== null &&
    typeof i.id === 'string' &&
    typeof i.title === 'string' &&
    typeof i.updatedAt === 'number' &&
    typeof i.model === 'string' &&
    typeof i.turns === 'number' &&
    (i.savedByNewer === undefined || typeof i.savedByNewer === 'number')
  );
}

const sameItem = (a: HistoryItemView | undefined, b: HistoryItemView): boolean =>
  a !== undefined &&
  a.title === b.title &&
  a.updatedAt === b.updatedAt &&
  a.model === b.model &&
  a.turns === b.turns &&
  a.savedByNewer === b.savedByNewer;

export class HistoryIndex {
  private writes: Promise<void> = Promise.resolve();
  /** What this store last put into the index, per id (to skip writes that change nothing). */
  private readonly written = new Map<string, HistoryItemView>();

  constructor(private readonly file: string) {}

  /**
   * Every entry, for the conversations named `ids` (the folder's files): entries of files that are
   * gone are dropped, files without an entry are read with `describe`. Unordered.
   */
  async entries(
    ids: readonly string[],
    describe: (id: string) => Promise<HistoryItemView | undefined>,
  ): Promise<HistoryItemView[]> {
    await this.writes.catch(() => undefined);
    const stored = await this.read();
    const byId = new Map((stored ?? []).map((i) => [i.id, i]));
    const present = new Set(ids);
    let changed = stored === undefined;
    for (const id of byId.keys()) {
      if (!present.has(id)) {
        byId.delete(id);
        changed = true;
      }
    }
    for (const id of ids) {
      if (byId.has(id)) continue;
      const item = await describe(id);
      if (item) byId.set(id, item);
      changed = true;
    }
    const items = [...byId.values()];
    if (changed) this.enqueue(() => this.write(items)).catch(() => undefined); // rebuilt next time
    return items;
  }

  /** Records a conversation's entry after its save (only when it changed). */
  put(item: HistoryItemView): Promise<void> {
    if (sameItem(this.written.get(item.id), item)) return this.writes;
    this.written.set(item.id, item);
    return this.enqueue(async () => {
      const items = (await this.read()) ?? [];
      await this.write([...items.filter((i) => i.id !== item.id), item]);
    });
  }

  /** Drops a deleted conversation's entry. */
  remove(id: string): Promise<void> {
    this.written.delete(id);
    return this.enqueue(async () => {
      const items = await this.read();
      if (items?.some((i) => i.id === id)) await this.write(items.filter((i) => i.id !== id));
    });
  }

  /** Resolves when every index write has landed. */
  flush(): Promise<void> {
    return this.writes.catch(() => undefined);
  }

  /** The stored entries, or undefined when the file is missing or unreadable (then rebuilt). */
  private async read(): Promise<HistoryItemView[] | undefined> {
    try {
      const raw = JSON.parse(await fs.readFile(this.file, 'utf8')) as Partial<IndexFile>;
      if (raw.version !== indexVersion || !Array.isArray(raw.items)) return undefined;
      return raw.items.filter(isItem);
    } catch {
      return undefined;
    }
  }

  private write(items: readonly HistoryItemView[]): Promise<void> {
    const file: IndexFile = { version: indexVersion, items: [...items] };
    return writeFileAtomic(this.file, JSON.stringify(file));
  }

  private enqueue(op: () => Promise<void>): Promise<void> {
    const next = this.writes.catch(() => undefined).then(op);
    this.writes = next.catch(() => undefined);
    return next;
  }
}

/** The list entry of a conversation. */
export function historyItem(c: {
  id: string;
  title: string;
  updatedAt: number;
  model: string;
  turns: readonly unknown[];
}): HistoryItemView {
  return { id: c.id, title: c.title, updatedAt: c.updatedAt, model: c.model, turns: c.turns.length };
}

/** The list entry of a file a newer Thinkfast saved, from what it says about itself. */
export function newerItem(id: string, e: NewerFormatError): HistoryItemView {
  return {
    id,
    title: e.title ?? 'Untitled',
    updatedAt: e.updatedAt ?? 0,
    model: '',
    turns: e.turns,
    savedByNewer: e.version,
  };
}

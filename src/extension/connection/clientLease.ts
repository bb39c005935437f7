// The one cached client and who is using it. A client is known by a SHA-256 digest of what it was
// made from (key included), so the raw key is never kept as a cache key. A replaced client is closed
// only once the last request holding it has released it: a retry in flight keeps its connections.
// No vscode import: tested in plain Node.

import { createHash } from 'node:crypto';

/** A digest of everything a client depends on; the key goes in, only the hash comes out. */
export function clientIdentity(parts: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

export interface Closable {
  close(): Promise<void> | void;
}

/** A client held for one request (or one turn, with its retries); `release` is idempotent. */
export interface Lease<C> {
  readonly client: C;
  readonly release: () => void;
}

interface Entry<C> {
  readonly client: C;
  readonly identity: string;
  holders: number;
  retired: boolean;
}

export class ClientLeases<C extends Closable> {
  private current: Entry<C> | undefined;
  private readonly retiredEntries = new Set<Entry<C>>();

  constructor(private readonly onCloseError: (e: unknown) => void = () => undefined) {}

  /** The current client, if any (not leased). */
  get client(): C | undefined {
    return this.current?.client;
  }

  /** Clients replaced but still held by a request. */
  get retiredCount(): number {
    return this.retiredEntries.size;
  }

  /**
   * Leases the client for `identity`, creating it (and retiring the previous one) when the identity
   * changed. `created` tells the caller a new client was made.
   */
  acquire(identity: string, create: () => C): { lease: Lease<C>; created: boolean } {
    let created = false;
    if (this.current?.identity !== identity) {
      this.retire();
      this.current = { client: create(), identity, holders: 0, retired: false };
      created = true;
    }
    const entry = this.current;
    entry.holders += 1;
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      entry.holders -= 1;
      if (entry.retired && entry.holders === 0) this.close(entry);
    };
    return { lease: { client: entry.client, release }, created };
  }

  /** Closes every client, held or not (the extension is shutting down). */
  dispose(): void {
    this.retire();
    for (const entry of [...this.retiredEntries]) this.close(entry);
  }

  private retire(): void {
    const old = this.current;
    if (!old) return;
    this.current = undefined;
    old.retired = true;
    if (old.holders === 0) this.close(old);
    else this.retiredEntries.add(old);
  }

  private close(entry: Entry<C>): void {
    this.retiredEntries.delete(entry);
    try {
      Promise.resolve(entry.client.close()).catch(this.onCloseError);
    } catch (e) {
      this.onCloseError(e);
    }
  }
}

import * as vscode from 'vscode';
import type { HostMessage } from '../../shared/protocol';
import type { Conversation } from './conversation';
import type { ConversationStore } from './conversationStore';
import { conversationMarkdown, exportFileName } from './exportMarkdown';
import { matchConversation } from './historySearch';

export interface HistoryRouteDeps {
  readonly store: ConversationStore;
  readonly log: vscode.LogOutputChannel;
  current(): Conversation;
  /** Deletes through the session (a new chat starts when it was the open one). */
  delete(id: string): Promise<void>;
  /** `replyTo`: the id of the webview's request this answers. */
  post(message: HostMessage, replyTo?: number): void;
  isDisposed(): boolean;
}

/**
 * The history list's requests: list, search (titles and content, thinking optional), rename,
 * delete with undo (the last deleted conversation is kept until the next delete), and export to
 * Markdown through the save dialog.
 */
export class HistoryRoutes {
  private lastDeleted: Conversation | undefined;

  constructor(private readonly deps: HistoryRouteDeps) {}

  async list(): Promise<void> {
    const items = await this.deps.store.list();
    if (!this.deps.isDisposed()) this.deps.post({ type: 'history', items });
  }

  async search(query: string, thinking: boolean, replyTo?: number): Promise<void> {
    const { store } = this.deps;
    const matches = [];
    for (const item of await store.list()) {
      const c = await store.load(item.id);
      const match = c && matchConversation(c, query, { thinking });
      if (match) matches.push(match);
    }
    if (!this.deps.isDisposed()) this.deps.post({ type: 'historySearch', query, thinking, matches }, replyTo);
  }

  async rename(id: string, title: string): Promise<void> {
    const clean = title.replace(/\s+/g, ' ').trim().slice(0, 200);
    if (!clean) return this.list();
    const current = this.deps.current();
    if (current.id === id) {
      current.title = clean;
      await this.deps.store.save(current);
    } else {
      const c = await this.deps.store.load(id);
      if (c) await this.deps.store.save({ ...c, title: clean });
    }
    await this.list();
  }

  async delete(id: string): Promise<void> {
    const c = this.deps.current().id === id ? this.deps.current() : await this.deps.store.load(id);
    await this.deps.delete(id);
    if (c && c.turns.length > 0) {
      this.lastDeleted = structuredClone(c);
      this.deps.post({ type: 'historyDeleted', id, title: c.title });
    }
    await this.list();
  }

  async undoDelete(id: string): Promise<void> {
    const c = this.lastDeleted;
    if (!c || c.id !== id) return;
    this.lastDeleted = undefined;
    await this.deps.store.save(c);
    await this.list();
  }

  /** Writes the conversation as Markdown where the user chooses (or to `target`, for tests). */
  async export(id: string, thinking: boolean, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const c = this.deps.current().id === id ? this.deps.current() : await this.deps.store.load(id);
    if (!c) return undefined;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        title: 'Export conversation to Markdown',
        saveLabel: 'Export',
        filters: { Markdown: ['md'] },
        ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, exportFileName(c)) } : {}),
      }));
    if (!uri) return undefined;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(conversationMarkdown(c, { thinking })));
    this.deps.log.info(`exported a conversation (${c.turns.length} turns) to ${uri.toString()}`);
    return uri;
  }
}

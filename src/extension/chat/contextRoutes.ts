import type * as vscode from 'vscode';
import type { ContextView, HostMessage } from '../../shared/protocol';
import type { Backend } from '../connection/backend';
import type { ContextChips } from './contextChips';
import { contextView, countNextRequest, draftFromSummary, nearLimit, summaryRequest } from './contextMeter';
import type { Conversation } from './conversation';

export interface ContextRouteDeps {
  readonly backend: Backend;
  readonly chips: ContextChips;
  readonly log: vscode.LogOutputChannel;
  current(): Conversation;
  newChat(): Promise<void>;
  /** `replyTo`: the id of the webview's request this answers. */
  post(message: HostMessage, replyTo?: number): void;
  isDisposed(): boolean;
}

/**
 * The host side of the composer's context meter: the figures, an exact count only near the limit,
 * and the summary a new chat can start from.
 */
export class ContextRoutes {
  constructor(private readonly deps: ContextRouteDeps) {}

  /** The meter's figures from what is known now (no request). */
  view(): ContextView {
    const caps = this.deps.backend.catalog.resolve(this.deps.backend.settings.current.model);
    return contextView(this.deps.current().turns, this.deps.chips.list(), caps);
  }

  post(): void {
    this.deps.post({ type: 'context', context: this.view() });
  }

  /**
   * count_tokens for the next request with `draft`, but only when the estimate is near the limit;
   * the answer names request `replyTo`.
   */
  async count(draft: string, replyTo?: number): Promise<void> {
    const reply = (context: ContextView): void => this.deps.post({ type: 'context', context }, replyTo);
    const view = this.view();
    if (!nearLimit(view, draft)) return reply(view);
    const ready = await this.deps.backend.prepare();
    if (this.deps.isDisposed()) return;
    if ('error' in ready) return reply(view);
    try {
      const turns = this.deps.current().turns;
      const tokens = await countNextRequest(turns, this.deps.chips.list(), draft, ready);
      if (this.deps.isDisposed()) return;
      reply({ ...this.view(), counted: { tokens, draft } });
    } catch (e) {
      this.deps.log.warn(`count_tokens for the context meter failed: ${(e as Error).message}`);
      reply(view);
    }
  }

  /** Asks the model for a summary of this conversation and shows it (nothing starts from it yet). */
  async summarize(replyTo?: number): Promise<void> {
    const ready = await this.deps.backend.prepare();
    if (this.deps.isDisposed()) return;
    if ('error' in ready) return this.notice(ready.error.message);
    const result = await ready.client.stream(summaryRequest(this.deps.current().turns, ready), {
      fastPolicy: ready.settings.fastModeOn429,
      caps: ready.caps,
    });
    if (this.deps.isDisposed()) return;
    const text = result.message.content
      .map((b) => (b.type === 'text' && typeof b.text === 'string' ? b.text : ''))
      .join('')
      .trim();
    if (result.outcome !== 'complete' || text === '') {
      return this.notice(
        `The summary could not be made: ${result.error?.message ?? 'the answer was empty'}.`,
      );
    }
    this.deps.post({ type: 'summary', text }, replyTo);
  }

  /** The user accepted the summary: a new chat starts with it as the draft, to edit or send. */
  async newChatFromSummary(summary: string): Promise<void> {
    await this.deps.newChat();
    if (!this.deps.isDisposed()) this.deps.post({ type: 'setDraft', text: draftFromSummary(summary) });
  }

  private notice(message: string): void {
    this.deps.post({ type: 'notice', level: 'warning', message });
  }
}

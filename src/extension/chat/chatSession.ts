// The conversation's life in one window: every operation that starts, stops or replaces a turn.
// Over 250 lines on purpose: the operations share one queue and one piece of state (the shown
// conversation and its running turn), and each re-checks that state when its turn comes, which
// only reads well side by side. The pure parts live elsewhere: versions.ts (rerun and switch),
// sessionTurn.ts (running and saving one turn), conversationMerge.ts (another window's turns).

import type { RefusedFeature } from '../../anthropic/refusalClassifier';
import type { Effort } from '../../anthropic/types';
import type { HostMessage } from '../../shared/protocol';
import { Disposable } from '../dispose';
import {
  continuePrompt,
  newConversation,
  newTurn,
  pausedTurnToContinue,
  titleFromPrompt,
  type Conversation,
  type Turn,
} from './conversation';
import { adoptTurns } from './conversationMerge';
import { newConversationId } from './conversationStore';
import {
  conversationMessage,
  turnsPage,
  executeTurn,
  saveConversation,
  type Running,
  type SessionDeps,
} from './sessionTurn';
import { SpendGate } from './spendGate';
import { TurnCheckpoint } from './turnCheckpoint';
import { rerunFrom, switchVersion } from './versions';
import { turnView } from './views';

export type { OpenConversationMemory, SessionDeps } from './sessionTurn';

/**
 * The conversation's life: start, stop, rerun, continue, open and save. Every operation that
 * starts or stops a turn (send, regenerate, edit, continue, retry, the pause_turn auto-continue,
 * open, new chat) goes through one queue and runs alone, in the order asked; each re-checks the
 * state it acts on once its turn in the queue comes. A turn streams in the background and is
 * saved when it ends (including stopped and interrupted ones).
 */
export class ChatSession extends Disposable {
  private conversation: Conversation;
  private running: Running | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private rememberedId: string | undefined;
  private suspended = false;
  /** What the API refused per failed turn, for "Resend without it"; the next turn's exception. */
  private readonly refused = new Map<string, RefusedFeature>();
  private without: RefusedFeature | undefined;
  /** The effort of the next turn only ("Retry at …"; the setting is written too, but may lag). */
  private effortOnce: Effort | undefined;
  /** Asks before a turn past `thinkfast.spendLimitPerConversation`. */
  readonly spendGate = new SpendGate(
    () => this.deps.backend.settings.current.spendLimitPerConversation,
    (question) => this.deps.confirmSpend?.(question) ?? Promise.resolve(true),
  );

  constructor(private readonly deps: SessionDeps) {
    super();
    this.conversation = this.fresh();
    this.register({ dispose: () => void this.suspend() });
  }

  /** Reload, window close, deactivation: saves the streaming turn as interrupted and stops it. */
  suspend(): Promise<void> {
    const running = this.running;
    this.suspended = true;
    if (running) {
      void running.checkpoint.final();
      running.abort.abort();
    }
    return this.deps.store.flush();
  }

  get current(): Conversation {
    return this.conversation;
  }

  /** Resolves when the streaming turn (if any) has ended and been saved. */
  async idle(): Promise<void> {
    await this.running?.done;
  }

  /** After a reload: the conversation this window had open, else (none remembered) the newest. */
  restore(): Promise<void> {
    return this.serial(async () => {
      const remembered = this.deps.openConversation?.get();
      const c = remembered ? await this.deps.store.load(remembered) : await this.deps.store.latest();
      if (c && !this.running && !this.isDisposed && this.conversation.turns.length === 0) this.show(c);
    });
  }

  newChat(): Promise<void> {
    return this.serial(async () => {
      await this.stopRunning();
      this.show(this.fresh());
      this.deps.chips.clear();
      this.sendConversation();
    });
  }

  /** Shows a stored conversation; false when it could not be loaded. */
  open(id: string): Promise<boolean> {
    return this.serial(async () => {
      await this.stopRunning();
      const c = await this.deps.store.load(id);
      if (!c || this.isDisposed) return false;
      this.show(c);
      this.sendConversation();
      return true;
    });
  }

  send(text: string): Promise<void> {
    return this.serial(async () => {
      await this.stopAndRefresh();
      if (!(await this.spendGate.allow(this.conversation))) {
        this.deps.post({ type: 'setDraft', text }); // not sent: the prompt goes back to the composer
        return;
      }
      if (this.conversation.turns.length === 0) this.conversation.title = titleFromPrompt(text);
      this.start({ ...newTurn(text), attachments: this.deps.chips.take() });
    });
  }

  stop(): Promise<void> {
    return this.serial(() => this.stopRunning());
  }

  /** Regenerate the last answer (the old one stays as a version). */
  rerunLast(): Promise<void> {
    return this.rerun(undefined);
  }

  /**
   * Sends turn `turnId` (default: the last) again, with a new prompt when it was edited. The turns
   * from there on stay as another version (when they hold any answer); the API only ever sees the
   * chosen path.
   */
  rerun(turnId: string | undefined, prompt?: string): Promise<void> {
    return this.serial(async () => {
      await this.stopAndRefresh();
      this.rerunNow(turnId, prompt);
    });
  }

  private rerunNow(turnId: string | undefined, prompt?: string): void {
    const rerun = rerunFrom(this.conversation.turns, turnId, prompt);
    if (!rerun) return;
    this.deps.post({ type: 'truncate', fromTurnId: rerun.replaced.id });
    this.conversation.turns = rerun.before;
    if (rerun.before.length === 0) this.conversation.title = titleFromPrompt(rerun.turn.prompt);
    this.start(rerun.turn);
  }

  /** Shows another version of the conversation from turn `turnId` on (and saves the choice). */
  switchVersion(turnId: string, index: number): Promise<void> {
    return this.serial(async () => {
      // Like a new turn, a switch first takes in what another window added, so the save below
      // never writes an older set of turns over a newer one.
      await this.stopAndRefresh();
      const conversation = this.conversation;
      const next = switchVersion(conversation.turns, turnId, index);
      if (!next) return;
      conversation.turns = next;
      conversation.updatedAt = Date.now();
      this.sendConversation();
      const merged = await saveConversation(conversation, this.deps);
      if (merged) this.adopt(conversation, merged);
    });
  }

  /** Sends the last turn again without what the API refused for it (the user's one click). */
  resendWithout(turnId: string): Promise<void> {
    return this.serial(async () => {
      if (this.conversation.turns.at(-1)?.id !== turnId) return;
      await this.stopAndRefresh();
      this.without = this.refused.get(turnId);
      this.rerunNow(undefined);
    });
  }

  /** Sends the last turn again at `effort`, a level the model takes (after it refused another). */
  retryAtEffort(turnId: string, effort: Effort): Promise<void> {
    return this.serial(async () => {
      if (this.conversation.turns.at(-1)?.id !== turnId) return;
      await this.stopAndRefresh();
      this.effortOnce = effort;
      this.rerunNow(undefined);
    });
  }

  /** Retries `turnId` if it is still the last turn when the queue gets to it. */
  retry(turnId: string): Promise<void> {
    return this.serial(async () => {
      if (this.conversation.turns.at(-1)?.id !== turnId) return;
      await this.stopAndRefresh();
      this.rerunNow(undefined);
    });
  }

  /**
   * Asks the model to carry on where the last turn stopped, in a new turn; with `afterTurnId`, only
   * if that turn is still the last one when the queue gets to it.
   */
  continue(afterTurnId?: string): Promise<void> {
    return this.serial(async () => {
      if (afterTurnId !== undefined && this.conversation.turns.at(-1)?.id !== afterTurnId) return;
      await this.stopAndRefresh();
      this.start({ ...newTurn(continuePrompt), continuation: true });
    });
  }

  /** Deletes a stored conversation (starting a new one if it is the current one). */
  async delete(id: string): Promise<void> {
    if (id === this.conversation.id) await this.newChat();
    await this.deps.store.delete(id);
  }

  /** The whole conversation, the streaming turn as a snapshot of its live message. */
  sendConversation(): void {
    this.deps.post(conversationMessage(this.conversation, this.running));
  }

  /**
   * The `turns` page for the webview's `loadTurns`, or undefined when it asked about a
   * conversation no longer shown (it dropped that request when the new one came).
   */
  turnsPage(conversationId: string, beforeTurnId: string, count: number): HostMessage | undefined {
    if (conversationId !== this.conversation.id) return undefined;
    return turnsPage(this.conversation, beforeTurnId, count, this.running);
  }

  /** The pause_turn auto-continue: runs only if `paused` is still the last turn, ended, and shown. */
  private autoContinue(conversation: Conversation, paused: Turn): Promise<void> {
    return this.serial(async () => {
      if (this.running?.turn === paused) await this.running.done; // ended; its save may be pending
      if (this.isDisposed || this.running || this.conversation !== conversation) return;
      if (conversation.turns.at(-1) !== paused) return; // the user sent, regenerated or continued first
      this.start({ ...newTurn(continuePrompt), continuation: true });
    });
  }

  private show(c: Conversation): void {
    if (c !== this.conversation) this.deps.activity.conversationChanged();
    this.conversation = c;
    this.remember();
  }

  private remember(): void {
    if (this.rememberedId === this.conversation.id) return;
    this.rememberedId = this.conversation.id;
    this.deps.openConversation?.set(this.conversation.id);
  }

  private serial<T>(op: () => Promise<T>): Promise<T> {
    const next = this.queue.then(op, op);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async stopRunning(): Promise<void> {
    const running = this.running;
    if (!running) return;
    running.abort.abort();
    await running.done;
  }

  private fresh(): Conversation {
    return newConversation(newConversationId(), this.deps.backend.settings.current.model);
  }

  private start(turn: Turn): void {
    this.conversation.turns.push(turn);
    this.remember();
    const abort = new AbortController();
    this.deps.post({ type: 'turnStart', turn: turnView(turn), title: this.conversation.title });
    const { store, log } = this.deps;
    const checkpoint = new TurnCheckpoint(
      this.conversation,
      turn,
      () => (this.running?.turn === turn ? (this.running.batcher?.liveContent ?? []) : []),
      (c) => store.save(c),
      (e) => log.warn(`checkpointing the streaming turn failed: ${String(e)}`),
      this.deps.checkpointMs,
    );
    const done = this.deps.activity.streaming(this.execute(turn, abort.signal, checkpoint)).finally(() => {
      if (this.running?.turn === turn) this.running = undefined;
    });
    this.running = { turn, abort, done, checkpoint };
  }

  private async execute(turn: Turn, signal: AbortSignal, checkpoint: TurnCheckpoint): Promise<void> {
    const conversation = this.conversation;
    const { log } = this.deps;
    const { without, effortOnce: effort } = this;
    this.without = undefined;
    this.effortOnce = undefined;
    await executeTurn(conversation, turn, signal, {
      ...this.deps,
      post: (msg) => {
        if (this.conversation === conversation) this.deps.post(msg);
      },
      onBatcher: (b) => {
        if (this.running?.turn === turn) this.running.batcher = b;
      },
      ...(without ? { without } : {}),
      ...(effort ? { effort } : {}),
      onRefused: (feature) => void this.refused.set(turn.id, feature),
    });
    checkpoint.stop();
    // Suspended: the checkpoint saved the turn as interrupted, which is what it is.
    if (this.suspended) return;
    if (pausedTurnToContinue(conversation, turn)) {
      // The API paused a long-running turn and expects us to let it carry on: queued like any other
      // operation, and only if nothing else came first (see autoContinue).
      this.autoContinue(conversation, turn).catch((e: unknown) =>
        log.error('continuing a paused turn failed', e),
      );
    }
    const merged = await saveConversation(conversation, this.deps);
    if (merged) this.adopt(conversation, merged);
  }

  /** Before a new turn: stop the running one, and take in what another window added meanwhile. */
  private async stopAndRefresh(): Promise<void> {
    await this.stopRunning();
    const c = this.conversation;
    const theirs = await this.deps.store.changedElsewhere(c.id);
    if (theirs) this.adopt(c, theirs);
  }

  /** Takes another window's new turns into `c` (if still shown) and shows them. */
  private adopt(c: Conversation, theirs: Conversation): void {
    if (this.conversation !== c || this.isDisposed) return;
    if (adoptTurns(c, theirs, this.deps.store.seenTurns(c.id))) this.sendConversation();
  }
}

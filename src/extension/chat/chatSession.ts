import type * as vscode from 'vscode';
import type { RefusedFeature } from '../../anthropic/refusalClassifier';
import type { HostMessage, TurnView } from '../../shared/protocol';
import type { Backend } from '../connection/backend';
import { Disposable } from '../dispose';
import type { StreamActivity } from '../status/streamActivity';
import type { ContextChips } from './contextChips';
import {
  newConversation,
  pausedTurnToContinue,
  titleFromPrompt,
  type Conversation,
  type Turn,
} from './conversation';
import { newConversationId, type ConversationStore } from './conversationStore';
import type { DeltaBatcher } from './deltaBatcher';
import { SpendGate } from './spendGate';
import { runTurn } from './turnRunner';
import { forkAt, switchVersion } from './versions';
import { turnLogLine, turnView } from './views';

const continuePrompt = 'Continue exactly where you stopped.';

interface Running {
  readonly turn: Turn;
  readonly abort: AbortController;
  readonly done: Promise<void>;
  batcher?: DeltaBatcher;
}

export interface SessionDeps {
  readonly store: ConversationStore;
  readonly backend: Backend;
  readonly activity: StreamActivity;
  readonly chips: ContextChips;
  readonly log: vscode.LogOutputChannel;
  post(message: HostMessage): void;
}

/**
 * The conversation's life: start, stop, rerun, continue, open and save. Operations run one at a
 * time, in the order they were asked for; a turn streams in the background and is saved when it
 * ends (including stopped and interrupted ones).
 */
export class ChatSession extends Disposable {
  private conversation: Conversation;
  private running: Running | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private turnCounter = 0;
  /** What the API refused per failed turn, for "Resend without it"; the next turn's exception. */
  private readonly refused = new Map<string, RefusedFeature>();
  private without: RefusedFeature | undefined;
  /** Asks before a turn past `thinkfast.spendLimitPerConversation`. */
  readonly spendGate = new SpendGate(() => this.deps.backend.settings.current.spendLimitPerConversation);

  constructor(private readonly deps: SessionDeps) {
    super();
    this.conversation = this.fresh();
    this.register({ dispose: () => this.running?.abort.abort() });
  }

  get current(): Conversation {
    return this.conversation;
  }

  /** Resolves when the streaming turn (if any) has ended and been saved. */
  async idle(): Promise<void> {
    await this.running?.done;
  }

  /** Restores the most recent conversation (after a window reload). */
  restore(): Promise<void> {
    return this.serial(async () => {
      const latest = await this.deps.store.latest();
      if (latest && !this.running && !this.isDisposed) this.conversation = latest;
    });
  }

  newChat(): Promise<void> {
    return this.serial(async () => {
      await this.stopRunning();
      this.conversation = this.fresh();
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
      this.conversation = c;
      this.sendConversation();
      return true;
    });
  }

  send(text: string): Promise<void> {
    return this.serial(async () => {
      await this.stopRunning();
      if (!(await this.spendGate.allow(this.conversation))) {
        this.deps.post({ type: 'setDraft', text }); // not sent: the prompt goes back to the composer
        return;
      }
      if (this.conversation.turns.length === 0) this.conversation.title = titleFromPrompt(text);
      this.start({ ...this.blankTurn(text), attachments: this.deps.chips.take() });
    });
  }

  stop(): Promise<void> {
    return this.serial(() => this.stopRunning());
  }

  /** Regenerate (same prompt) or edit-and-resend (new prompt) the last turn. */
  rerunLast(prompt?: string): Promise<void> {
    return this.rerun(undefined, prompt);
  }

  /**
   * Sends turn `turnId` (default: the last) again, with a new prompt when it was edited. The turns
   * from there on stay as another version (when they hold any answer); the API only ever sees the
   * chosen path.
   */
  rerun(turnId: string | undefined, prompt?: string): Promise<void> {
    return this.serial(async () => {
      await this.stopRunning();
      const turns = this.conversation.turns;
      const at = turnId === undefined ? turns.length - 1 : turns.findIndex((t) => t.id === turnId);
      const old = turns[at];
      if (!old || (prompt !== undefined && old.continuation)) return;
      const turn: Turn = {
        ...this.blankTurn(prompt ?? old.prompt),
        attachments: old.attachments,
        ...(old.continuation && prompt === undefined ? { continuation: true } : {}),
      };
      const keepOld = turns.slice(at).some((t) => t.content.length > 0);
      const next = keepOld
        ? forkAt(turns, at, turn)
        : [...turns.slice(0, at), { ...turn, ...(old.versions ? { versions: old.versions } : {}) }];
      const head = next.pop()!;
      this.deps.post({ type: 'truncate', fromTurnId: old.id });
      this.conversation.turns = next;
      if (at === 0) this.conversation.title = titleFromPrompt(head.prompt);
      this.start(head);
    });
  }

  /** Shows another version of the conversation from turn `turnId` on (and saves the choice). */
  switchVersion(turnId: string, index: number): Promise<void> {
    return this.serial(async () => {
      await this.stopRunning();
      const next = switchVersion(this.conversation.turns, turnId, index);
      if (!next) return;
      this.conversation.turns = next;
      this.conversation.updatedAt = Date.now();
      this.sendConversation();
      await this.deps.store.save(this.conversation);
    });
  }

  /** Retries `turnId` if it is still the last turn. */
  async retry(turnId: string): Promise<void> {
    if (this.conversation.turns.at(-1)?.id === turnId) await this.rerunLast();
  }

  /** Sends the last turn again without what the API refused for it (the user's one click). */
  async resendWithout(turnId: string): Promise<void> {
    if (this.conversation.turns.at(-1)?.id !== turnId) return;
    this.without = this.refused.get(turnId);
    await this.rerunLast();
  }

  /** Asks the model to carry on where the last turn stopped, in a new turn. */
  continue(): Promise<void> {
    return this.serial(async () => {
      await this.stopRunning();
      this.start({ ...this.blankTurn(continuePrompt), continuation: true });
    });
  }

  /** Deletes a stored conversation (starting a new one if it is the current one). */
  async delete(id: string): Promise<void> {
    if (id === this.conversation.id) await this.newChat();
    await this.deps.store.delete(id);
  }

  /** The whole conversation, the streaming turn as a snapshot of its live message. */
  sendConversation(): void {
    const c = this.conversation;
    const running = this.running;
    const turns = c.turns.map((t): TurnView => {
      if (running?.turn !== t) return turnView(t);
      const live = running.batcher?.snapshot() ?? { blocks: [], seq: 0 };
      return { ...turnView(t), blocks: live.blocks, seq: live.seq, outcome: 'streaming' };
    });
    this.deps.post({ type: 'conversation', id: c.id, title: c.title, turns });
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

  private blankTurn(prompt: string): Turn {
    this.turnCounter += 1;
    const id = `t${Date.now().toString(36)}-${this.turnCounter}`;
    return { id, prompt, attachments: [], content: [], outcome: 'streaming' };
  }

  private start(turn: Turn): void {
    this.conversation.turns.push(turn);
    const abort = new AbortController();
    this.deps.post({ type: 'turnStart', turn: turnView(turn), title: this.conversation.title });
    const done = this.deps.activity.streaming(this.execute(turn, abort.signal)).finally(() => {
      if (this.running?.turn === turn) this.running = undefined;
    });
    this.running = { turn, abort, done };
  }

  private async execute(turn: Turn, signal: AbortSignal): Promise<void> {
    const conversation = this.conversation;
    const { backend, activity, log } = this.deps;
    const without = this.without;
    this.without = undefined;
    let release = (): void => undefined;
    try {
      const ready = await backend.lease();
      if ('error' in ready) {
        turn.outcome = 'failed';
        turn.error = ready.error;
        this.deps.post({ type: 'turnEnd', turnId: turn.id, outcome: 'failed', error: ready.error });
      } else if (!signal.aborted) {
        release = ready.release;
        conversation.model = ready.settings.model;
        await runTurn(
          conversation,
          turn,
          {
            client: ready.client,
            caps: ready.caps,
            settings: ready.settings,
            simulator: ready.simulator,
            post: (msg) => {
              if (this.conversation === conversation) this.deps.post(msg);
            },
            onRateLimits: (limits) => activity.reportRateLimits(limits),
            onDelta: activity.meter(),
            log: (line) => log.info(line),
            onBatcher: (b) => {
              if (this.running?.turn === turn) this.running.batcher = b;
            },
            ...(without ? { without } : {}),
            onRefused: (feature, message) => {
              this.refused.set(turn.id, feature);
              void backend.learned.record(ready.caps.id, feature, message);
            },
            onMetrics: (metrics) => activity.reportResponse(metrics),
          },
          signal,
        );
        log.info(turnLogLine(turn));
      } else {
        ready.release();
        turn.outcome = 'stopped';
        this.deps.post({ type: 'turnEnd', turnId: turn.id, outcome: 'stopped' });
      }
    } catch (e) {
      log.error('turn failed unexpectedly', e);
      turn.outcome = 'failed';
      turn.error = {
        title: 'Something went wrong',
        message: (e as Error).message,
        actions: ['retry', 'showLog'],
      };
      this.deps.post({ type: 'turnEnd', turnId: turn.id, outcome: 'failed', error: turn.error });
    } finally {
      release();
    }
    conversation.updatedAt = Date.now();
    if (pausedTurnToContinue(conversation, turn) && this.conversation === conversation && !this.isDisposed) {
      // The API paused a long-running turn and expects us to let it carry on.
      setImmediate(() => {
        this.continue().catch((e: unknown) => log.error('continuing a paused turn failed', e));
      });
    }
    try {
      await this.deps.store.save(conversation);
    } catch (e) {
      log.error('saving the conversation failed', e);
      this.deps.post({
        type: 'notice',
        level: 'error',
        message: `Thinkfast could not save this conversation: ${(e as Error).message}`,
      });
    }
  }
}

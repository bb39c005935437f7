// One turn of the session from the client lease to its end: the lease is held for the whole turn
// (retries included) and released however it ends. Never rejects; an unexpected error becomes a
// failed turn with Retry and Show Log. Imports vscode for types only (tested in plain Node).

import type * as vscode from 'vscode';
import type { RefusedFeature } from '../../anthropic/refusalClassifier';
import type { Effort } from '../../anthropic/types';
import type { HostMessage, TurnView } from '../../shared/protocol';
import { pageBefore, splitForOpening, turnStub } from '../../shared/turnPages';
import type { Backend } from '../connection/backend';
import type { StreamActivity } from '../status/streamActivity';
import type { ContextChips } from './contextChips';
import type { Conversation, Turn } from './conversation';
import type { ConversationStore } from './conversationStore';
import type { DeltaBatcher } from './deltaBatcher';
import type { TurnCheckpoint } from './turnCheckpoint';
import { runTurn } from './turnRunner';
import { turnLogLine, turnView } from './views';

export interface Running {
  readonly turn: Turn;
  readonly abort: AbortController;
  readonly done: Promise<void>;
  readonly checkpoint: TurnCheckpoint;
  batcher?: DeltaBatcher;
}

import type { SpendConfirm } from './spendGate';

export interface SessionDeps {
  readonly store: ConversationStore;
  readonly backend: Backend;
  readonly activity: StreamActivity;
  readonly chips: ContextChips;
  readonly log: vscode.LogOutputChannel;
  /** How often a streaming turn is checkpointed (default 2 s). */
  readonly checkpointMs?: number;
  /** Which conversation this window has open, kept across reloads (the workspace state). */
  readonly openConversation?: OpenConversationMemory;
  /** Asks whether to send past the spend limit (the editor's modal; absent in plain-Node tests). */
  readonly confirmSpend?: SpendConfirm;
  post(message: HostMessage): void;
}

export interface OpenConversationMemory {
  get(): string | undefined;
  set(id: string): void;
}

export interface SessionTurnDeps {
  readonly backend: Pick<Backend, 'lease' | 'learned'>;
  readonly activity: Pick<StreamActivity, 'meter' | 'reportRateLimits' | 'reportResponse'>;
  /** Send this turn without a feature the API refused ("Resend without it"). */
  readonly without?: RefusedFeature;
  /** Send this turn at this effort ("Retry at …"). */
  readonly effort?: Effort;
  /** The API refused a feature for this turn (also recorded as a learned fact). */
  onRefused?(feature: RefusedFeature): void;
  readonly log: Pick<vscode.LogOutputChannel, 'info' | 'error'>;
  /** Posts to the webview (the session drops posts of a conversation no longer shown). */
  post(message: HostMessage): void;
  /** Each attempt's batcher (for snapshots and checkpoints). */
  onBatcher(batcher: DeltaBatcher): void;
}

export async function executeTurn(
  conversation: Conversation,
  turn: Turn,
  signal: AbortSignal,
  deps: SessionTurnDeps,
): Promise<void> {
  const { backend, activity, log } = deps;
  let release = (): void => undefined;
  try {
    const ready = await backend.lease();
    if ('error' in ready) {
      turn.outcome = 'failed';
      turn.error = ready.error;
      deps.post({ type: 'turnEnd', turnId: turn.id, outcome: 'failed', error: ready.error });
    } else if (!signal.aborted) {
      release = ready.release;
      conversation.model = ready.settings.model;
      const meter = activity.meter();
      await runTurn(
        conversation,
        turn,
        {
          client: ready.client,
          caps: ready.caps,
          settings: ready.settings,
          simulator: ready.simulator,
          post: (msg) => deps.post(msg),
          onRateLimits: (limits) => activity.reportRateLimits(limits),
          onDelta: meter,
          log: (line) => log.info(line),
          onBatcher: (b) => deps.onBatcher(b),
          ...(deps.without ? { without: deps.without } : {}),
          ...(deps.effort ? { effort: deps.effort } : {}),
          onRefused: (feature, message) => {
            deps.onRefused?.(feature);
            backend.learned.record(ready.caps.id, feature, message).catch((e: unknown) => {
              log.error('recording a refused feature failed', e);
            });
          },
          onMetrics: (metrics) => activity.reportResponse(metrics, meter.chars()),
        },
        signal,
      );
      log.info(turnLogLine(turn));
    } else {
      ready.release();
      turn.outcome = 'stopped';
      deps.post({ type: 'turnEnd', turnId: turn.id, outcome: 'stopped' });
    }
  } catch (e) {
    log.error('turn failed unexpectedly', e);
    turn.outcome = 'failed';
    turn.error = {
      title: 'Something went wrong',
      message: (e as Error).message,
      actions: ['retry', 'showLog'],
    };
    deps.post({ type: 'turnEnd', turnId: turn.id, outcome: 'failed', error: turn.error });
  } finally {
    release();
  }
  conversation.updatedAt = Date.now();
}

/** Saves the conversation; a failure is logged and shown, never thrown. Resolves with a merge, if any. */
export async function saveConversation(
  conversation: Conversation,
  deps: {
    readonly store: Pick<ConversationStore, 'save'>;
    readonly log: Pick<vscode.LogOutputChannel, 'error'>;
    post(message: HostMessage): void;
  },
): Promise<Conversation | undefined> {
  try {
    return (await deps.store.save(conversation)).merged;
  } catch (e) {
    deps.log.error('saving the conversation failed', e);
    deps.post({
      type: 'notice',
      level: 'error',
      message: `Thinkfast could not save this conversation: ${(e as Error).message}`,
    });
    return undefined;
  }
}

/**
 * The `conversation` message: the last turns in full, the streaming one as a snapshot of its live
 * message, and the older ones as stubs (the webview asks for them with `loadTurns`).
 */
export function conversationMessage(c: Conversation, running: Running | undefined): HostMessage {
  const { earlier, recent } = splitForOpening(c.turns);
  return {
    type: 'conversation',
    id: c.id,
    title: c.title,
    turns: recent.map((t) => shownTurn(t, running)),
    ...(earlier.length > 0 ? { earlier: earlier.map((t) => turnStub(t.id, t.footer)) } : {}),
  };
}

/** The `turns` page answering `loadTurns`: up to `count` turns before `beforeTurnId`, in full. */
export function turnsPage(
  c: Conversation,
  beforeTurnId: string,
  count: number,
  running: Running | undefined,
): HostMessage {
  const page = pageBefore(c.turns, beforeTurnId, count) ?? [];
  return {
    type: 'turns',
    conversationId: c.id,
    beforeTurnId,
    turns: page.map((t) => shownTurn(t, running)),
  };
}

function shownTurn(t: Turn, running: Running | undefined): TurnView {
  if (running?.turn !== t) return turnView(t);
  const live = running.batcher?.snapshot() ?? { blocks: [], seq: 0 };
  return { ...turnView(t), blocks: live.blocks, seq: live.seq, outcome: 'streaming' };
}

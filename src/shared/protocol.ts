// The host <-> webview protocol of the chat view. Both sides import only these types; the host
// validates every message it receives (see protocolValidation.ts) because the webview is untrusted.
// The view types the messages carry live in protocolViews.ts and are re-exported here.

import type {
  TurnOutcome,
  TurnAction,
  ChipView,
  MentionItemView,
  ContextView,
  FooterView,
  ErrorView,
  TurnView,
  TurnStub,
  HistoryItemView,
  ComposerConfigView,
  BlockDelta,
} from './protocolViews';

export type * from './protocolViews';

/** Messages from the host to the webview. */
export type HostMessage =
  /** Settings the composer shows; sent on ready and whenever they change. */
  | { readonly type: 'config'; readonly config: ComposerConfigView }
  /**
   * Replace the whole conversation (on ready, New Chat, opening from history): its last turns in
   * full (`turns`), and the ones before them as stubs (`earlier`, oldest first; absent when every
   * turn is in `turns`), which the webview asks for with `loadTurns` when they are to be shown.
   */
  | {
      readonly type: 'conversation';
      readonly id: string;
      readonly title: string;
      readonly turns: readonly TurnView[];
      readonly earlier?: readonly TurnStub[];
    }
  /**
   * The answer to `loadTurns` (its `replyTo`): the turns just before `beforeTurnId`, in order;
   * empty when that turn is no longer in the conversation.
   */
  | {
      readonly type: 'turns';
      readonly conversationId: string;
      readonly beforeTurnId: string;
      readonly turns: readonly TurnView[];
    }
  /**
   * A new turn began streaming (also used when a turn is retried: same id, blocks reset), with the
   * conversation's title as it is now (the first prompt names the conversation).
   */
  | { readonly type: 'turnStart'; readonly turn: TurnView; readonly title?: string }
  /**
   * New content for the streaming turn: only what arrived since the last batch. `seq` counts the
   * turn's deltas from 1 (again from 1 after its `turnStart`); a webview that sees a gap asks for
   * a `resync`.
   */
  | {
      readonly type: 'delta';
      readonly turnId: string;
      readonly seq: number;
      readonly ops: readonly BlockDelta[];
    }
  /** Waiting before a retry, or a fast-mode fallback, shown on the streaming turn. */
  | {
      readonly type: 'turnStatus';
      readonly turnId: string;
      readonly status: 'waiting' | 'retrying' | 'fallback';
      readonly message: string;
      readonly retryAt?: number;
    }
  /** The streaming turn ended; `blocks` are final only when the host had to correct them. */
  | {
      readonly type: 'turnEnd';
      readonly turnId: string;
      readonly outcome: Exclude<TurnOutcome, 'streaming'>;
      readonly footer?: FooterView;
      readonly error?: ErrorView;
      readonly notice?: string;
    }
  /** Remove turns from `turnId` on (regenerate and edit-and-resend replace the last turn). */
  | { readonly type: 'truncate'; readonly fromTurnId: string }
  /** The history list. */
  | { readonly type: 'history'; readonly items: readonly HistoryItemView[] }
  /** Conversations whose title or content contains `query` (thinking too when asked), with a snippet. */
  | {
      readonly type: 'historySearch';
      readonly query: string;
      readonly thinking: boolean;
      readonly matches: readonly { readonly id: string; readonly snippet: string }[];
    }
  /** A conversation was deleted; the view offers Undo (`undoDelete`) until the next delete. */
  | { readonly type: 'historyDeleted'; readonly id: string; readonly title: string }
  /** The chips attached to the next message. */
  | { readonly type: 'chips'; readonly chips: readonly ChipView[] }
  /** The @-mention list for `query` (what follows the `@`), best match first. */
  | { readonly type: 'mentions'; readonly query: string; readonly items: readonly MentionItemView[] }
  /** The context meter's figures; sent on ready, after each turn, and when chips or the model change. */
  | { readonly type: 'context'; readonly context: ContextView }
  /** The summary asked for with `summarize`, shown to the user before a new chat starts from it. */
  | { readonly type: 'summary'; readonly text: string }
  /** Put text into the composer (edit last prompt). */
  | { readonly type: 'setDraft'; readonly text: string }
  /** A transient notice at the top of the view, e.g. a corrupt history file moved aside. */
  | { readonly type: 'notice'; readonly level: 'info' | 'warning' | 'error'; readonly message: string };

/** Messages from the webview to the host. Untrusted: the host validates each one. */
export type WebviewMessage =
  /** The webview has loaded and can receive messages; the host buffers until then. */
  | { readonly type: 'ready' }
  /** The webview missed a delta: send the conversation again, with the live turn's snapshot. */
  | { readonly type: 'resync' }
  /** Send a prompt with the chips currently attached. */
  | { readonly type: 'send'; readonly text: string }
  /** Stop the streaming response (keeps what arrived). */
  | { readonly type: 'stop' }
  /** Run the action offered on a turn. */
  | { readonly type: 'action'; readonly turnId: string; readonly action: TurnAction }
  /** Retry turn `turnId` at `effort` (one the model takes), which becomes the effort setting. */
  | { readonly type: 'retryAtEffort'; readonly turnId: string; readonly effort: string }
  /** Regenerate the last answer. */
  | { readonly type: 'regenerate' }
  /** Edit a prompt in place and send it: a new version from that turn on (the old one stays). */
  | { readonly type: 'editPrompt'; readonly turnId: string; readonly text: string }
  /** Show version `index` of the conversation from turn `turnId` on. */
  | { readonly type: 'switchVersion'; readonly turnId: string; readonly index: number }
  /** Start a new conversation. */
  | { readonly type: 'newChat' }
  /** Ask for up to `count` turns before `beforeTurnId` in full (answered with `turns`). */
  | {
      readonly type: 'loadTurns';
      readonly conversationId: string;
      readonly beforeTurnId: string;
      readonly count: number;
    }
  /** Ask for the history list. */
  | { readonly type: 'listHistory' }
  | { readonly type: 'openConversation'; readonly id: string }
  | { readonly type: 'deleteConversation'; readonly id: string }
  | { readonly type: 'undoDelete'; readonly id: string }
  | { readonly type: 'renameConversation'; readonly id: string; readonly title: string }
  /** Search saved conversations' titles and content; `thinking` includes thinking text. */
  | { readonly type: 'searchHistory'; readonly query: string; readonly thinking: boolean }
  /** Export a conversation to Markdown through the save dialog. */
  | { readonly type: 'exportConversation'; readonly id: string; readonly thinking: boolean }
  /** Attach the active editor's selection or whole file. */
  | { readonly type: 'addContext'; readonly kind: 'selection' | 'file' }
  | { readonly type: 'removeContext'; readonly id: string }
  /** The user typed `@query`: list what could be mentioned. */
  | { readonly type: 'mentionQuery'; readonly query: string }
  /** Near the limit: count the next request exactly, with `draft` as its prompt. */
  | { readonly type: 'countContext'; readonly draft: string }
  /** Summarize this conversation (to start a new chat from it). */
  | { readonly type: 'summarize' }
  /** Start a new chat whose draft is this (user-approved) summary. */
  | { readonly type: 'newChatFromSummary'; readonly summary: string }
  /** Attach the mention `id` from the last list as a chip. */
  | { readonly type: 'addMention'; readonly id: string }
  /** Code block buttons. */
  | { readonly type: 'copyCode'; readonly code: string }
  | { readonly type: 'insertCode'; readonly code: string; readonly languageId?: string }
  | { readonly type: 'openCode'; readonly code: string; readonly languageId?: string }
  /** A link in an answer was clicked; the host opens only http(s). */
  | { readonly type: 'openLink'; readonly href: string }
  /** Composer shortcuts to the status-bar commands. */
  | {
      readonly type: 'command';
      readonly command: 'toggleFast' | 'setEffort' | 'selectModel' | 'setApiKey' | 'openSettings';
    };

/**
 * How every message crosses the webview boundary, either way. Each side numbers the messages it
 * sends from 1 (`id`); an answer to a request (older turns, mentions, history search, an exact
 * count, a summary) names the request in `replyTo`, so the webview keeps only the answer to its
 * latest request.
 */
export interface Envelope<T> {
  readonly id: number;
  readonly replyTo?: number;
  readonly body: T;
}

/** For exhaustive switches on either side. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}

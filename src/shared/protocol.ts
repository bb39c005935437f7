// The host <-> webview protocol of the chat view. Both sides import only these types; the host
// validates every message it receives (see protocolValidation.ts) because the webview is untrusted.

/** Speed the user asked for (`fast` sends `speed:"fast"`), or the speed the server served. */
export type SpeedView = 'fast' | 'standard';

/** How a finished thinking block is shown: the `thinkfast.thinkingDisplay` setting. */
export type ThinkingDisplay = 'expanded' | 'collapsed' | 'hidden';

/** How an assistant turn ended. */
export type TurnOutcome = 'streaming' | 'complete' | 'stopped' | 'interrupted' | 'failed';

/** An action the user can take from an error or a stop notice; each maps to one host handler. */
export type TurnAction =
  | 'setApiKey'
  | 'retry'
  | 'continue'
  | 'openSettings'
  | 'showLog'
  /** Send the turn again without what the API refused (one click, never automatic). */
  | 'resendWithout'
  /** Open the model picker (a refusal, a retired model). */
  | 'selectModel';

/** A context chip: a selection or a whole file attached to the next message. */
export interface ChipView {
  readonly id: string;
  /** Short label, e.g. `src/app.ts:12-30` or `README.md`. */
  readonly label: string;
  readonly kind: 'selection' | 'file';
  readonly languageId: string;
  /** Number of lines attached, shown in the chip's tooltip. */
  readonly lines: number;
  /** Estimated size in tokens (about four characters each); absent on chips saved before it. */
  readonly tokens?: number;
}

/** One entry of the @-mention list; the host keeps what it stands for and the webview sends back `id`. */
export interface MentionItemView {
  readonly id: string;
  readonly kind: 'selection' | 'file' | 'editor' | 'symbol';
  /** A file's name, a symbol's name, or "Selection". */
  readonly label: string;
  /** A file's folder, or where a symbol or the selection is (`src/a.ts:2-6`). */
  readonly detail?: string;
}

/** What the next request will send against the model's context window: the composer's meter. */
export interface ContextView {
  /** The model's context window in tokens; absent when nobody knows it. */
  readonly window?: number;
  /** The conversation so far: the last response's input plus its output. */
  readonly historyTokens: number;
  /** The attached chips (estimated). */
  readonly chipTokens: number;
  /** Near the limit: count_tokens' figure for the whole next request with `draft` as its prompt. */
  readonly counted?: { readonly tokens: number; readonly draft: string };
}

/** Where a block sits in the message: its content index, and whether it is still streaming. */
export interface BlockPosition {
  /** The block's index in the message's content (tool blocks are not shown, so indexes may skip). */
  readonly index?: number;
  /** True while the block streams: deltas for `index` continue it (a mid-stream snapshot). */
  readonly open?: boolean;
}

/** One content block of an assistant turn, as the view needs it (never signatures or redacted data). */
export type BlockView = BlockPosition &
  (
    | {
        readonly kind: 'thinking';
        readonly text: string;
        /** Milliseconds from the block's first delta to its stop; absent while streaming. */
        readonly durationMs?: number;
        /** True when the server streamed no thinking text (display omitted): say so, do not show an empty box. */
        readonly omitted?: boolean;
      }
    | { readonly kind: 'redacted' }
    | { readonly kind: 'text'; readonly text: string }
  );

/** The kinds of block the chat shows. */
export type BlockKind = BlockView['kind'];

/** The numbers under each response. Everything optional is absent when it was not measured. */
export interface FooterView {
  readonly model: string;
  readonly effort?: string;
  /** The speed the server reported in `usage.speed` (standard when the field is absent). */
  readonly speed: SpeedView;
  /** The client asked for fast, got a 429, and re-sent at standard speed. */
  readonly fellBack: boolean;
  readonly ttftMs?: number;
  readonly outputTokensPerSecond?: number;
  readonly totalMs?: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheReadTokens: number;
  readonly cacheWriteTokens: number;
  /** Total cost in US dollars, absent when the model has no known price. */
  readonly costUsd?: number;
  /** Lines for the cost tooltip, e.g. `input 1,204 tok × $30/MTok (fast 6x) = $0.0361`. */
  readonly costBreakdown: readonly string[];
  readonly stopReason?: string;
  readonly requestId?: string;
  readonly simulator: boolean;
  /** The model's display name ("Opus 5.5"), shown instead of the raw id. */
  readonly modelLabel?: string;
  /** The speed the request asked for, when it differs from the one served. */
  readonly requestedSpeed?: SpeedView;
  /** `usage.output_tokens_details.thinking_tokens`: what was billed for thinking. */
  readonly thinkingTokens?: number;
  /** Thinking was billed but not shown (display omitted). */
  readonly thinkingHidden?: boolean;
  /** The model that actually answered after a server-side fallback (display name). */
  readonly answeredBy?: string;
  /** `stop_details` of a refusal. */
  readonly refusal?: { readonly category?: string; readonly explanation?: string };
  /** The model's context window in tokens, to explain `model_context_window_exceeded`. */
  readonly contextWindow?: number;
  /** The usage is an estimate (a stopped turn without its final usage): figures carry `~`. */
  readonly estimated?: boolean;
  /** `cache saved $X`, when the prompt cache saved money. */
  readonly cacheSaved?: string;
  /** What the cache did: `cache hit 12,400 tok`, `cache miss: model or speed changed`. */
  readonly cacheNote?: string;
  /** The cost total as shown (lines add up to it), e.g. `$0.019` or `~$0.004`. */
  readonly costText?: string;
  /** The response's message id: the next turn asks the server why its prompt missed the cache. */
  readonly messageId?: string;
}

/** An error shown inline under a turn, with the actions that fix it. */
export interface ErrorView {
  readonly title: string;
  /** A sentence for a person; never contains the API key. */
  readonly message: string;
  readonly actions: readonly TurnAction[];
  /** For rate limits: when a retry can succeed (ms since epoch); the turn ended, nothing retries by itself. */
  readonly retryAt?: number;
}

/** One exchange: the user's prompt and the assistant's answer (absent before the first delta). */
export interface TurnView {
  readonly id: string;
  readonly prompt: string;
  readonly chips: readonly ChipView[];
  readonly blocks: readonly BlockView[];
  readonly outcome: TurnOutcome;
  readonly footer?: FooterView;
  readonly error?: ErrorView;
  /** For a streaming turn in a snapshot: the `seq` of the last delta its blocks include. */
  readonly seq?: number;
  /** A note such as "Thinking blocks were dropped from history after the API rejected a signature." */
  readonly notice?: string;
  /** When the conversation has other versions from this turn on: which one this is (0-based) of how many. */
  readonly version?: { readonly index: number; readonly count: number };
}

/** A conversation in the history list. */
export interface HistoryItemView {
  readonly id: string;
  readonly title: string;
  /** Last update, ms since epoch. */
  readonly updatedAt: number;
  readonly model: string;
  readonly turns: number;
}

/** What the composer shows next to the input: the settings the next request will use. */
export interface ComposerConfigView {
  readonly model: string;
  readonly modelLabel: string;
  readonly effort?: string;
  readonly speed: SpeedView;
  readonly fastSupported: boolean;
  readonly thinkingDisplay: ThinkingDisplay;
  /** `thinkfast.chat.codeWrap`: code blocks start with long lines wrapped. */
  readonly codeWrap?: boolean;
  /** The extension is talking to the local Messages API simulator, not the real API. */
  readonly simulator: boolean;
  readonly hasApiKey: boolean;
}

/**
 * One change to a content block of the streaming message, by its content index: the one delta
 * shape from the reducer (src/anthropic/reducer.ts) to the webview. The host's batcher joins
 * appends to the same block and adds a thinking block's duration to its stop. Blocks the chat does
 * not show (tool use and newer types) start as `other` and are not posted.
 */
export type BlockDelta =
  | { readonly op: 'start'; readonly index: number; readonly kind: BlockKind | 'other' }
  | { readonly op: 'append'; readonly index: number; readonly text: string }
  | { readonly op: 'stop'; readonly index: number; readonly durationMs?: number; readonly omitted?: boolean };

/** Messages from the host to the webview. */
export type HostMessage =
  /** Settings the composer shows; sent on ready and whenever they change. */
  | { readonly type: 'config'; readonly config: ComposerConfigView }
  /** Replace the whole conversation (on ready, New Chat, opening from history). */
  | {
      readonly type: 'conversation';
      readonly id: string;
      readonly title: string;
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
  /** Regenerate the last answer. */
  | { readonly type: 'regenerate' }
  /** Edit a prompt in place and send it: a new version from that turn on (the old one stays). */
  | { readonly type: 'editPrompt'; readonly turnId: string; readonly text: string }
  /** Show version `index` of the conversation from turn `turnId` on. */
  | { readonly type: 'switchVersion'; readonly turnId: string; readonly index: number }
  /** Start a new conversation. */
  | { readonly type: 'newChat' }
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

/** For exhaustive switches on either side. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}

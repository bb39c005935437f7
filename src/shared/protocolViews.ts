// What the chat view shows, as plain data: the view types that the host <-> webview messages
// (protocol.ts) carry. Pure types, shared by both sides.

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
  /**
   * For an effort level the model refused: the levels it takes, each a one-click "Retry at …"
   * (`retryAtEffort`) in place of a Retry that would fail the same way.
   */
  readonly retryEfforts?: readonly string[];
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

/** What an answer cost, as the header's total needs it: absent `usd` when the price is unknown. */
export interface TurnCost {
  readonly usd?: number;
  readonly estimated?: boolean;
}

/** A turn of a long conversation not sent in full yet (see shared/turnPages.ts). */
export interface TurnStub {
  readonly id: string;
  /** Present when the turn has a footer. */
  readonly cost?: TurnCost;
}

/** A conversation in the history list. */
export interface HistoryItemView {
  readonly id: string;
  readonly title: string;
  /** Last update, ms since epoch. */
  readonly updatedAt: number;
  readonly model: string;
  readonly turns: number;
  /** Set when a newer Thinkfast saved it: its format version. It is listed, not opened. */
  readonly savedByNewer?: number;
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

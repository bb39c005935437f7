// Wire types of the Anthropic Messages API as this project uses them (shapes as in the official SDK),
// (the client's contract with its callers is in clientContract.ts). Node-only layer: never imports vscode.

/** Every effort level the API knows, lowest first (a model accepts a subset: `effortLevels`). */
export const EFFORTS = ['low', 'medium', 'high', 'xhigh', 'max'] as const;
export type Effort = (typeof EFFORTS)[number];
export type Speed = 'fast' | 'standard';

// ---------------------------------------------------------------------------------------------
// Content blocks (responses). Unknown block types are kept verbatim.

export interface TextBlock {
  type: 'text';
  text: string;
  citations?: unknown[] | null;
}
export interface ThinkingBlock {
  type: 'thinking';
  thinking: string;
  signature: string;
}
export interface RedactedThinkingBlock {
  type: 'redacted_thinking';
  data: string;
}
export interface ToolUseBlock {
  type: 'tool_use' | 'server_tool_use';
  id: string;
  name: string;
  input: unknown;
}
/** A block type this client does not know: kept as it arrived, sent back unmodified. */
export interface OtherBlock {
  type: string;
  [key: string]: unknown;
}
export type ContentBlock = TextBlock | ThinkingBlock | RedactedThinkingBlock | ToolUseBlock | OtherBlock;

export interface CacheCreation {
  ephemeral_5m_input_tokens?: number;
  ephemeral_1h_input_tokens?: number;
}

export interface Usage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  cache_creation?: CacheCreation | null;
  service_tier?: string | null;
  /** The speed actually served; bill and display from it. */
  speed?: Speed | null;
  /** `thinking_tokens`: raw reasoning billed as output (may exceed the summary shown). */
  output_tokens_details?: { thinking_tokens?: number | null } | null;
  /** Beta: one entry per sampling iteration; `fallback_message` names the model that served. */
  iterations?: UsageIteration[] | null;
  [key: string]: unknown;
}

export interface UsageIteration {
  type: 'message' | 'compaction' | 'advisor_message' | 'fallback_message' | (string & {});
  model?: string;
  [key: string]: unknown;
}

/** Why a classifier stopped the response (`stop_reason: "refusal"`). */
export interface StopDetails {
  type: 'refusal' | (string & {});
  category?: string | null;
  explanation?: string | null;
  [key: string]: unknown;
}

/** Beta server-side fallback: marks a model boundary in the content (no deltas). */
export interface FallbackBlock {
  type: 'fallback';
  from?: { model?: string };
  to?: { model?: string };
  trigger?: { type?: string; category?: string | null };
}

/**
 * `end_turn`, `max_tokens`, `stop_sequence`, `tool_use`, `pause_turn`, `refusal`,
 * `model_context_window_exceeded`, or a newer one (kept as sent).
 */
export type StopReason = string;

export interface Message {
  id: string;
  type: 'message';
  role: 'assistant';
  model: string;
  content: ContentBlock[];
  stop_reason: StopReason | null;
  stop_sequence: string | null;
  /** Present with `stop_reason: "refusal"`. */
  stop_details?: StopDetails | null;
  usage: Usage;
}

/**
 * `message.diagnostics` (kept from message_start as it arrived), when the request asked with
 * `diagnostics.previous_message_id`. Not a field of `Message` so the shape stays the SDK's core.
 */
export interface MessageDiagnostics {
  cache_miss_reason: CacheMissReason | null;
}

/** Why the prompt could not reuse the previous request's cached prefix. */
export type CacheMissReason =
  | {
      type: 'model_changed' | 'system_changed' | 'tools_changed' | 'messages_changed';
      cache_missed_input_tokens: number;
    }
  | {
      type: 'previous_message_not_found' | 'unavailable' | (string & {});
      cache_missed_input_tokens?: number;
    };

// ---------------------------------------------------------------------------------------------
// Stream events.

export interface ApiErrorBody {
  type: string;
  message: string;
}

export type StreamEvent =
  | { type: 'message_start'; message: Message }
  | { type: 'content_block_start'; index: number; content_block: ContentBlock }
  | {
      type: 'content_block_delta';
      index: number;
      delta:
        | { type: 'text_delta'; text: string }
        | { type: 'thinking_delta'; thinking: string }
        | { type: 'signature_delta'; signature: string }
        | { type: 'input_json_delta'; partial_json: string }
        | { type: 'citations_delta'; citation: unknown }
        | { type: string; [key: string]: unknown };
    }
  | { type: 'content_block_stop'; index: number }
  | {
      type: 'message_delta';
      delta: {
        stop_reason?: StopReason | null;
        stop_sequence?: string | null;
        stop_details?: StopDetails | null;
      };
      usage?: Partial<Usage>;
    }
  | { type: 'message_stop' }
  | { type: 'ping' }
  | { type: 'error'; error: ApiErrorBody };

// ---------------------------------------------------------------------------------------------
// Requests.

/** How long a prompt-cache entry lives after its last read: 5 minutes (default) or 1 hour. */
export type CacheTtl = '5m' | '1h';
export interface CacheControl {
  type: 'ephemeral';
  ttl?: CacheTtl;
}

export interface TextBlockParam {
  type: 'text';
  text: string;
  cache_control?: CacheControl;
}
/** Content sent back to the API: text we write, or assistant blocks returned verbatim. */
export type ContentBlockParam = TextBlockParam | ContentBlock;

export interface MessageParam {
  role: 'user' | 'assistant';
  content: string | ContentBlockParam[];
}

export type ThinkingParam =
  | { type: 'adaptive'; display?: 'summarized' | 'omitted' }
  | { type: 'enabled'; budget_tokens: number; display?: 'summarized' | 'omitted' }
  | { type: 'disabled' }
  | { type: 'between_tools' };

/** The JSON body of `POST /v1/messages`. */
export interface MessageCreateParams {
  model: string;
  max_tokens: number;
  messages: MessageParam[];
  system?: string | TextBlockParam[];
  stream?: boolean;
  thinking?: ThinkingParam;
  output_config?: { effort?: Effort };
  speed?: 'fast';
  /** Top-level: a breakpoint on the last cacheable block, moving forward as the conversation grows. */
  cache_control?: CacheControl;
  /** Opt in to cache diagnostics (`null` on a conversation's first turn). */
  diagnostics?: { previous_message_id: string | null };
  // No temperature / top_p / top_k, ever: a 400 on API 2026-10-21 and on every 4.7+ model.
  metadata?: { user_id?: string };
}

/** A ready-to-send request: the body plus the betas it needs (joined into `anthropic-beta`). */
export interface BuiltRequest {
  body: MessageCreateParams;
  betas: string[];
  /** Sent as asked, but worth telling the user (e.g. fast mode that is served at standard speed). */
  warnings?: string[];
}

// The client's contract with its callers (metrics, cost, events, results) is in clientContract.ts.
export * from './clientContract';

// Folds Messages API stream events into the Message the API would have returned without
// streaming, and reports block deltas (start / append / stop by content index) on the way. Pure: no I/O, no clock, no vscode.
//
// The built content is what the next turn sends back, so it must stay verbatim: thinking text
// and signature exactly as sent, redacted_thinking `data` untouched, unknown blocks as they came.
//
// Over 250 lines on purpose: one state machine over the event and delta types, whose cases only
// read well side by side; half of the file is the problem bookkeeping each case needs.

import type { BlockDelta, BlockKind } from '../shared/protocol';
import type {
  ApiErrorBody,
  ContentBlock,
  Message,
  StreamEvent,
  TextBlock,
  ThinkingBlock,
  ToolUseBlock,
} from './types';

/** Where the stream is: before `message_start`, building, after `message_stop`, after an `error` event. */
export type ReducerState = 'waiting' | 'streaming' | 'done' | 'errored';

/**
 * Something in the stream that could not be applied as sent. Nothing is thrown away: see each
 * kind for what was kept. A well-behaved server never causes one.
 */
export interface StreamProblem {
  /**
   * - `invalid_tool_input`: a tool block's streamed JSON did not parse; its raw text was kept as
   *   the block's `input` (a string, which the API would refuse if sent back).
   * - `bad_index`: an event named a block that does not exist, or an index already in use.
   * - `unexpected_event`: an event arrived in a state where it has no meaning, or its delta did
   *   not match the block's type; it was ignored.
   */
  readonly kind: 'invalid_tool_input' | 'bad_index' | 'unexpected_event';
  readonly index?: number;
  readonly detail: string;
}

/** Receives the block deltas of one event, with the live message they were applied to. */
export type DeltaSink = (delta: BlockDelta, message: Readonly<Message>) => void;

const shownKinds: Partial<Record<ContentBlock['type'], BlockKind>> = {
  thinking: 'thinking',
  text: 'text',
  redacted_thinking: 'redacted',
};

type Delta = Extract<StreamEvent, { type: 'content_block_delta' }>['delta'];

/**
 * Incremental event → Message reducer.
 *
 * Design: {@link apply} pushes deltas into a callback rather than returning them, so the common
 * event (one text or thinking delta) allocates exactly one small object and no array; with no
 * callback it allocates none. Text is appended with `+=`, which V8 turns into cheap ropes.
 */
export class MessageReducer {
  private msg: Message = emptyMessage();
  private _state: ReducerState = 'waiting';
  private _sawMessageStop = false;
  private _error: ApiErrorBody | undefined;
  private readonly _problems: StreamProblem[] = [];
  /** Streamed `partial_json` per tool block index, parsed into `input` at its block stop. */
  private readonly jsonBuffers: (string | undefined)[] = [];

  /**
   * The message being built. Live: it changes as events are applied, so copy it to keep a
   * snapshot, and do not modify it. Before `message_start` it is an empty placeholder.
   */
  get message(): Message {
    return this.msg;
  }

  get state(): ReducerState {
    return this._state;
  }

  /** True once `message_stop` arrived: the message is complete. */
  get sawMessageStop(): boolean {
    return this._sawMessageStop;
  }

  /** The body of the `error` event that ended the stream, if one did. */
  get error(): ApiErrorBody | undefined {
    return this._error;
  }

  /** Oddities met so far (empty for a well-formed stream). */
  get problems(): readonly StreamProblem[] {
    return this._problems;
  }

  /**
   * Applies one event; reports what changed through `emit`. Never throws on odd input: bad
   * indexes and out-of-order events are recorded in {@link problems} and otherwise ignored.
   */
  apply(event: StreamEvent, emit?: DeltaSink): void {
    if (event.type === 'content_block_delta') {
      // First: this is nearly every event of a response.
      if (this._state === 'streaming') this.delta(event.index, event.delta, emit);
      else this.unexpected(event.type);
      return;
    }
    switch (event.type) {
      case 'ping':
        return;
      case 'message_start':
        this.start(event.message);
        return;
      case 'content_block_start':
        this.blockStart(event.index, event.content_block, emit);
        return;
      case 'content_block_stop':
        this.blockStop(event.index, emit);
        return;
      case 'message_delta':
        this.messageDelta(event);
        return;
      case 'message_stop':
        if (this._state !== 'streaming') return this.unexpected(event.type);
        this._state = 'done';
        this._sawMessageStop = true;
        return;
      case 'error':
        // Kept even after message_stop would be odd but harmless; the content stays as built.
        this._state = 'errored';
        this._error = event.error;
        return;
      default:
        // A type newer than this client: ignored, as the API asks.
        return;
    }
  }

  private start(message: Message): void {
    if (this._state !== 'waiting') return this.unexpected('message_start');
    // Copy what we will mutate: the caller's event object must stay as it arrived.
    this.msg = {
      ...message,
      content: Array.isArray(message.content) ? message.content.slice() : [],
      stop_reason: message.stop_reason ?? null,
      stop_sequence: message.stop_sequence ?? null,
      usage: { ...(message.usage ?? { input_tokens: 0, output_tokens: 0 }) },
    };
    this._state = 'streaming';
  }

  private blockStart(index: number, block: ContentBlock, emit: DeltaSink | undefined): void {
    if (this._state !== 'streaming') return this.unexpected('content_block_start');
    const content = this.msg.content;
    if (!isIndex(index) || content[index] !== undefined || typeof block !== 'object' || block === null) {
      this.problem('bad_index', index, 'content_block_start for an index that is invalid or already used');
      return;
    }
    if (index > content.length) {
      // Out of order: place it where the API says it belongs; the gap fills if its start comes.
      this.problem('bad_index', index, `content_block_start at ${index} before ${content.length}`);
    }
    const copy = { ...block };
    switch (copy.type) {
      case 'text': {
        const b = copy as TextBlock;
        if (typeof b.text !== 'string') b.text = '';
        if (Array.isArray(b.citations)) b.citations = b.citations.slice();
        break;
      }
      case 'thinking': {
        const b = copy as ThinkingBlock;
        if (typeof b.thinking !== 'string') b.thinking = '';
        if (typeof b.signature !== 'string') b.signature = '';
        break;
      }
      case 'tool_use':
      case 'server_tool_use':
        this.jsonBuffers[index] = '';
        break;
      default:
        // redacted_thinking and unknown types arrive whole and stay exactly as sent.
        break;
    }
    content[index] = copy;
    if (emit) emit({ op: 'start', index, kind: shownKinds[copy.type] ?? 'other' }, this.msg);
  }

  private delta(index: number, delta: Delta, emit: DeltaSink | undefined): void {
    // A non-number index could reach Array.prototype members ("constructor"); numbers cannot.
    const block =
      typeof index === 'number' ? (this.msg.content[index] as ContentBlock | undefined) : undefined;
    if (block === undefined || typeof delta !== 'object' || delta === null) {
      this.problem('bad_index', index, `content_block_delta for unknown block ${index}`);
      return;
    }
    switch (delta.type) {
      case 'text_delta': {
        const text = (delta as { text?: unknown }).text;
        if (block.type !== 'text' || typeof text !== 'string') return this.mismatch(index, delta.type);
        (block as TextBlock).text += text;
        if (emit) emit({ op: 'append', index, text }, this.msg);
        return;
      }
      case 'thinking_delta': {
        const text = (delta as { thinking?: unknown }).thinking;
        if (block.type !== 'thinking' || typeof text !== 'string') return this.mismatch(index, delta.type);
        (block as ThinkingBlock).thinking += text;
        // Emitted even when empty: with `display: "omitted"` these are the only sign of progress.
        if (emit) emit({ op: 'append', index, text }, this.msg);
        return;
      }
      case 'signature_delta': {
        const signature = (delta as { signature?: unknown }).signature;
        if (block.type !== 'thinking' || typeof signature !== 'string')
          return this.mismatch(index, delta.type);
        // Replaces: the signature covers the whole thinking block and is sent once, at its end.
        (block as ThinkingBlock).signature = signature;
        return;
      }
      case 'input_json_delta': {
        const part = (delta as { partial_json?: unknown }).partial_json;
        const buffered = this.jsonBuffers[index];
        if (buffered === undefined || typeof part !== 'string') return this.mismatch(index, delta.type);
        this.jsonBuffers[index] = buffered + part;
        return;
      }
      case 'citations_delta': {
        if (block.type !== 'text') return this.mismatch(index, delta.type);
        const b = block as TextBlock;
        if (Array.isArray(b.citations)) b.citations.push((delta as { citation?: unknown }).citation);
        else b.citations = [(delta as { citation?: unknown }).citation];
        return;
      }
      default:
        // A delta type newer than this client: ignored, as the API asks.
        return;
    }
  }

  private blockStop(index: number, emit: DeltaSink | undefined): void {
    if (this._state !== 'streaming') return this.unexpected('content_block_stop');
    const block = isIndex(index) ? (this.msg.content[index] as ContentBlock | undefined) : undefined;
    if (block === undefined) {
      this.problem('bad_index', index, `content_block_stop for unknown block ${index}`);
      return;
    }
    const json = this.jsonBuffers[index];
    if (json !== undefined) {
      this.jsonBuffers[index] = undefined;
      // No deltas at all means the tool takes no input: keep the `{}` the start carried.
      if (json.length > 0) {
        try {
          (block as ToolUseBlock).input = JSON.parse(json) as unknown;
        } catch {
          (block as ToolUseBlock).input = json;
          this.problem('invalid_tool_input', index, `tool input of block ${index} is not valid JSON`);
        }
      }
    }
    if (emit) emit({ op: 'stop', index }, this.msg);
  }

  private messageDelta(event: Extract<StreamEvent, { type: 'message_delta' }>): void {
    if (this._state !== 'streaming') return this.unexpected('message_delta');
    const msg = this.msg;
    const delta = event.delta ?? {};
    const hasStop = 'stop_reason' in delta;
    if (hasStop) msg.stop_reason = delta.stop_reason ?? null;
    if ('stop_sequence' in delta) msg.stop_sequence = delta.stop_sequence ?? null;
    // Why it stopped (a refusal's category and explanation), as the official SDK keeps it.
    if ('stop_details' in delta)
      (msg as Message & { stop_details?: unknown }).stop_details = delta.stop_details;
    const usage = event.usage;
    if (usage) {
      // Counts are cumulative totals: overwrite, never add. Fields not mentioned keep their
      // value, and null (like the official SDK) means "not reported", not "reset".
      const target = msg.usage as Record<string, unknown>;
      for (const key of Object.keys(usage)) {
        const value = (usage as Record<string, unknown>)[key];
        if (value !== null && value !== undefined) target[key] = value;
      }
    }
  }

  private mismatch(index: number, deltaType: string): void {
    this.problem('unexpected_event', index, `${deltaType} does not fit block ${index}`);
  }

  private unexpected(type: string): void {
    this.problem('unexpected_event', undefined, `${type} while ${this._state}`);
  }

  private problem(kind: StreamProblem['kind'], index: number | undefined, detail: string): void {
    // Bounded: a broken stream of millions of bad deltas must not grow memory without limit.
    if (this._problems.length < 100) this._problems.push({ kind, index, detail });
  }
}

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 1_000_000;
}

function emptyMessage(): Message {
  return {
    id: '',
    type: 'message',
    role: 'assistant',
    model: '',
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: { input_tokens: 0, output_tokens: 0 },
  };
}

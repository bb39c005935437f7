// The contract between the Node-side tests and the instrumentation injected into the page
// (page/instrument.ts). Only plain data crosses it, so the Node side needs no DOM types.
import type { HostMessage, WebviewMessage } from '../../src/shared/protocol';

/** A host message that answers the panel's request `replyTo` (an envelope id). */
export interface HostReply {
  readonly replyTo: number;
  readonly body: HostMessage;
}

/** What the stand-in acquireVsCodeApi and the page listeners recorded. */
export interface PageRecord {
  readonly posted: WebviewMessage[];
  /** The envelope id of each posted message, in the same order. */
  readonly postedIds: number[];
  readonly state: unknown;
  /** CSP violations reported by the page (`directive blockedURI`). */
  readonly violations: string[];
  /** Set by XSS payloads if any of them ever runs. */
  readonly pwned: unknown;
}

export interface Probe {
  /**
   * Posts host messages with window.postMessage, each in an envelope numbered after the last (with
   * `replyTo` for a reply), and resolves once the page handled them all.
   */
  post(messages: readonly (HostMessage | HostReply)[]): Promise<void>;
  /** Resolves after `count` animation frames. */
  frames(count: number): Promise<void>;
  record(): PageRecord;
  clearPosted(): void;
  /** Tags every element matching `selector` with a JS property; returns how many. */
  mark(selector: string, tag: string): number;
  /** The tags of the elements now matching `selector`, in document order (null when untagged). */
  marks(selector: string): (string | null)[];
  /** Elements and attributes under `selector` that must never come from model output. */
  dangerous(selector: string): string[];
  /** innerHTML, with the layout-only `.md-chunk` wrappers of MarkdownStream taken out. */
  innerHtml(selector: string): string;
  /** The one-shot render (markdown-it + DOMPurify) of `text` as HTML. */
  renderOnce(text: string): string;
  /**
   * Streams each text through MarkdownStream in chunks of its sizes (cycled), flushing after each
   * chunk, and compares the result with renderOnce. Returns the mismatches, how many times
   * finished blocks were committed mid-stream, and the flushes after which the text shown
   * differed from the one-shot render of the text received so far (`at` characters).
   */
  compareStreamed(cases: readonly { text: string; sizes: readonly number[] }[]): {
    mismatches: { index: number; streamed: string; expected: string }[];
    commits: number;
    shownMismatches: { index: number; at: number; shown: string; expected: string }[];
  };
  scroll(selector: string): { top: number; height: number; client: number };
  scrollTo(selector: string, top: number): void;
  /**
   * Posts one host message and resolves, once the frame after it was painted, with the
   * milliseconds since it was posted (what the long-conversation benchmark measures).
   */
  postTimed(message: HostMessage): Promise<number>;
  /** Chromium's find-in-page (window.find) from the top of the page: is `text` shown? */
  findText(text: string): boolean;
  /** The id of the turn at the top edge of the message list's view. */
  turnAtTop(): string | undefined;
  /** Scrolls the message list so the top of turn `id` is `offset` px below the top of the view. */
  alignTurn(id: string, offset: number): void;
}

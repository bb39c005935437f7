// Screen-reader announcements of streamed answers. Announcing every frame would drown the user,
// so progress is spoken at most every few seconds and the rest when the answer completes.
import { el } from './dom';

const minimumGapMs = 4000;

export class LiveRegion {
  readonly element: HTMLElement;
  private lastAnnounced = 0;
  private spokenLength = 0;
  private pending: ReturnType<typeof setTimeout> | undefined;
  private source: (() => string) | undefined;

  constructor() {
    this.element = el('div', { class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true' });
  }

  /** A new answer starts streaming; `text` reads its current source text. */
  begin(text: () => string): void {
    this.cancel();
    this.source = text;
    this.spokenLength = 0;
  }

  /** More text arrived: speak it now if the last announcement is old enough, else later. */
  progress(): void {
    if (!this.source || this.pending !== undefined) return;
    const wait = this.lastAnnounced + minimumGapMs - Date.now();
    if (wait <= 0) this.speakNew();
    else this.pending = setTimeout(() => this.speakNew(), wait);
  }

  /** The answer ended: speak what is left, then say so. */
  complete(status: string): void {
    const rest = this.takeNewText();
    this.cancel();
    this.source = undefined;
    this.say(rest ? `${rest} ${status}` : status);
  }

  private speakNew(): void {
    this.pending = undefined;
    const text = this.takeNewText();
    if (text) this.say(text);
  }

  private takeNewText(): string {
    const source = this.source?.() ?? '';
    const text = source.slice(this.spokenLength);
    this.spokenLength = source.length;
    return toSpeech(text);
  }

  private say(text: string): void {
    this.lastAnnounced = Date.now();
    this.element.textContent = text;
  }

  private cancel(): void {
    if (this.pending !== undefined) clearTimeout(this.pending);
    this.pending = undefined;
  }
}

/** Markdown punctuation read aloud is noise: drop the common markers. */
function toSpeech(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n?/g, ' ')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_`~|]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

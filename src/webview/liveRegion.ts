// Screen-reader announcements of answers. Speaking while text streams would interrupt the user
// at every delta, so nothing is said until the answer ends; then the whole answer and how it
// ended are announced once.
import { el } from './dom';

export class LiveRegion {
  readonly element: HTMLElement;
  private source: (() => string) | undefined;

  constructor() {
    this.element = el('div', { class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true' });
  }

  /** A new answer starts streaming; `text` reads its source text when it ends. */
  begin(text: () => string): void {
    this.source = text;
  }

  /** The answer ended: say it, and how it ended, in one announcement. */
  complete(status: string): void {
    const text = toSpeech(this.source?.() ?? '');
    this.source = undefined;
    this.element.textContent = text ? `${text} ${status}` : status;
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

// The size limit of one prompt as the webview enforces it before posting: the host refuses a longer
// message, so the composer and the in-place prompt editor keep the text and say why instead.
import { maxMessageText } from '../shared/protocolValidation';
import { el } from './dom';
import { formatCount } from './format';

/** Why a prompt of `length` characters is not sent, and what to do about it. */
export function limitReason(length: number): string {
  return `Too long to send: this prompt has ${formatCount(length)} characters and one message can carry at most ${formatCount(maxMessageText)}. Shorten it by ${formatCount(length - maxMessageText)} characters, or add the material as context with @ instead. Your text stays here.`;
}

/**
 * The note under a prompt box: while its text is over the limit the box is marked invalid and the
 * note says why, with the figures; a refused send announces it (not every keystroke).
 */
export class PromptLimit {
  readonly note: HTMLElement;

  constructor(
    private readonly input: HTMLTextAreaElement,
    id: string,
    className = 'composer-limit',
  ) {
    this.note = el('p', { class: className, id, hidden: true });
  }

  /** Redraws for the box's text; call on every input. */
  update(): void {
    this.note.removeAttribute('role');
    const over = this.input.value.length > maxMessageText;
    this.note.hidden = !over;
    this.note.textContent = over ? limitReason(this.input.value.length) : '';
    for (const [name, value] of [
      ['aria-invalid', 'true'],
      ['aria-describedby', this.note.id],
    ] as const) {
      if (over) this.input.setAttribute(name, value);
      else this.input.removeAttribute(name);
    }
  }

  /** On a send: true, announced and focused, when the text is over the limit and must stay. */
  refuses(): boolean {
    if (this.input.value.length <= maxMessageText) return false;
    this.update();
    this.note.setAttribute('role', 'alert');
    this.input.focus();
    return true;
  }
}

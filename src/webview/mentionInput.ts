// Typing `@` in the prompt asks the host what could be mentioned (files, open editors, the
// selection, symbols); picking one attaches it as a chip and takes the `@query` out of the text.
import type { MentionItemView } from '../shared/protocol';
import { MentionMenu } from './mentionMenu';
import type { HostPort } from './vscodeApi';

/** `@` at the start or after white space, then anything but white space, up to the caret. */
const mentionBeforeCaret = /(?:^|\s)@(\S{0,200})$/;

export class MentionInput {
  readonly menu: MentionMenu;
  /** Where the `@` of the mention being typed is, what follows it, and the id of its query. */
  private token: { start: number; query: string; requestId: number } | undefined;

  constructor(
    private readonly host: HostPort,
    private readonly input: HTMLTextAreaElement,
    private readonly changed: () => void,
  ) {
    this.menu = new MentionMenu(input, (item) => this.pick(item));
    input.addEventListener('blur', () => this.menu.close());
    input.addEventListener('click', () => this.update());
  }

  /** Starts a mention at the caret, as if `@` had been typed (the "Add context" button). */
  begin(): void {
    const { value, selectionStart } = this.input;
    const before = value.slice(0, selectionStart);
    const insert = before === '' || /\s$/.test(before) ? '@' : ' @';
    this.input.setRangeText(insert, selectionStart, this.input.selectionEnd, 'end');
    this.input.focus();
    this.changed();
    this.update();
  }

  /** After each edit or caret move: open, refresh or close the list. */
  update(): void {
    const caret = this.input.selectionStart;
    if (caret !== this.input.selectionEnd) return this.stop();
    const match = mentionBeforeCaret.exec(this.input.value.slice(0, caret));
    if (!match) return this.stop();
    const query = match[1];
    if (this.token?.query === query && this.menu.isOpen) return;
    const start = caret - query.length - 1;
    this.token = { start, query, requestId: this.host.post({ type: 'mentionQuery', query }) };
  }

  /** The host's list; an answer to an older query (`replyTo` another request) is dropped. */
  show(query: string, items: readonly MentionItemView[], replyTo?: number): void {
    if (this.token?.query !== query) return;
    if (replyTo !== undefined && replyTo !== this.token.requestId) return;
    this.menu.show(items);
  }

  handleKey(event: KeyboardEvent): boolean {
    if (!this.menu.handleKey(event)) return false;
    if (!this.menu.isOpen) this.token = undefined;
    return true;
  }

  private pick(item: MentionItemView): void {
    const token = this.token;
    this.host.post({ type: 'addMention', id: item.id });
    if (token) {
      const end = token.start + 1 + token.query.length;
      this.input.setRangeText('', token.start, end, 'end');
      this.changed();
    }
    this.stop();
    this.input.focus();
  }

  private stop(): void {
    this.token = undefined;
    this.menu.close();
  }
}

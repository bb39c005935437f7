// The @-mention list under the prompt: a listbox the textarea drives with aria-activedescendant,
// so focus stays in the input while ArrowUp/Down move, Enter or Tab picks and Escape closes.
import type { MentionItemView } from '../shared/protocol';
import { el, icon, uniqueId } from './dom';

const icons: Record<MentionItemView['kind'], string> = {
  selection: 'selection',
  file: 'file',
  editor: 'file-code',
  symbol: 'symbol-method',
};

const kindNames: Record<MentionItemView['kind'], string> = {
  selection: 'selection',
  file: 'file',
  editor: 'open editor',
  symbol: 'symbol',
};

export class MentionMenu {
  readonly element: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly empty = el('p', { class: 'mention-empty' }, 'Nothing matches.');
  private items: readonly MentionItemView[] = [];
  private active = 0;

  constructor(
    private readonly input: HTMLTextAreaElement,
    private readonly pick: (item: MentionItemView) => void,
  ) {
    this.list = el('ul', {
      class: 'mention-list',
      role: 'listbox',
      id: uniqueId('mentions'),
      'aria-label': 'Add context',
    });
    this.element = el('div', { class: 'mention-menu' }, this.list, this.empty);
    this.element.hidden = true;
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', this.list.id);
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  show(items: readonly MentionItemView[]): void {
    this.items = items;
    this.active = 0;
    this.empty.hidden = items.length > 0;
    this.list.hidden = items.length === 0;
    this.list.replaceChildren(...items.map((item, i) => this.option(item, i)));
    this.element.hidden = false;
    this.highlight();
  }

  close(): void {
    this.element.hidden = true;
    this.items = [];
    this.input.removeAttribute('aria-activedescendant');
  }

  /** Handles a key while the list is open; true when the key was the list's. */
  handleKey(event: KeyboardEvent): boolean {
    if (!this.isOpen) return false;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (this.items.length === 0) return true;
        this.active =
          (this.active + (event.key === 'ArrowDown' ? 1 : -1) + this.items.length) % this.items.length;
        this.highlight();
        return true;
      case 'Enter':
      case 'Tab': {
        const item = this.items[this.active];
        if (!item) return false;
        this.pick(item);
        return true;
      }
      case 'Escape':
        this.close();
        return true;
      default:
        return false;
    }
  }

  private option(item: MentionItemView, index: number): HTMLLIElement {
    const li = el(
      'li',
      {
        class: 'mention-option',
        role: 'option',
        id: `${this.list.id}-${index}`,
        'aria-selected': 'false',
      },
      icon(icons[item.kind]),
      el('span', { class: 'mention-label' }, item.label),
      item.detail ? el('span', { class: 'mention-detail' }, item.detail) : undefined,
      el('span', { class: 'visually-hidden' }, ` (${kindNames[item.kind]})`),
    );
    // mousedown would move focus out of the textarea; the click picks without losing it.
    li.addEventListener('mousedown', (event) => event.preventDefault());
    li.addEventListener('click', () => this.pick(item));
    return li;
  }

  private highlight(): void {
    const options = Array.from(this.list.children);
    options.forEach((option, i) => option.setAttribute('aria-selected', String(i === this.active)));
    const current = options[this.active];
    if (current) {
      this.input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else {
      this.input.removeAttribute('aria-activedescendant');
    }
  }
}

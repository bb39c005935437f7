// The context attached to the next message: one labelled chip per selection, symbol or file
// (name, lines, size in tokens), each removable, and the "Add context" button that opens the
// @-mention list.
import type { ChipView } from '../shared/protocol';
import { button, el, icon } from './dom';
import type { HostPort } from './vscodeApi';

export class ChipBar {
  readonly element: HTMLElement;
  private readonly list = el('ul', { class: 'chip-list', 'aria-label': 'Attached context' });
  private chips: readonly ChipView[] = [];

  constructor(
    private readonly host: HostPort,
    addContext: () => void,
  ) {
    const add = button(
      {
        icon: 'mention',
        label: 'Add context',
        class: 'chip-add',
        title: 'Attach a file, an open editor, the selection or a symbol (or type @ in the message)',
      },
      addContext,
    );
    this.element = el('div', { class: 'chip-bar' }, add, this.list);
    this.list.hidden = true;
  }

  /** Estimated tokens of everything attached (what the context meter adds for chips). */
  get tokens(): number {
    return this.chips.reduce((sum, chip) => sum + (chip.tokens ?? 0), 0);
  }

  set(chips: readonly ChipView[]): void {
    this.chips = chips;
    this.list.hidden = chips.length === 0;
    this.list.replaceChildren(...chips.map((chip) => this.chip(chip)));
  }

  private chip(chip: ChipView): HTMLLIElement {
    const size = chipSize(chip);
    return el(
      'li',
      {
        class: 'chip',
        title: `${chip.kind === 'file' ? 'File' : 'Lines'} ${chip.label} · ${chip.languageId} · ${size}`,
      },
      icon(chip.kind === 'file' ? 'file' : 'selection'),
      el('span', { class: 'chip-label' }, chip.label),
      el('span', { class: 'chip-size' }, size),
      button(
        { icon: 'close', class: 'chip-remove', ariaLabel: `Remove ${chip.label}`, title: 'Remove' },
        () => this.host.post({ type: 'removeContext', id: chip.id }),
      ),
    );
  }
}

/** `12 lines · ~340 tok`, for a chip and its tooltip. */
export function chipSize(chip: Pick<ChipView, 'lines' | 'tokens'>): string {
  const lines = `${chip.lines.toLocaleString('en-US')} line${chip.lines === 1 ? '' : 's'}`;
  return chip.tokens === undefined ? lines : `${lines} · ~${chip.tokens.toLocaleString('en-US')} tok`;
}

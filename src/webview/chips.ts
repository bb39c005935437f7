// The context chips attached to the next message, each removable, plus the buttons that add one.
import type { ChipView } from '../shared/protocol';
import { button, el, icon } from './dom';
import type { HostPort } from './vscodeApi';

export class ChipBar {
  readonly element: HTMLElement;
  private readonly list = el('ul', { class: 'chip-list', 'aria-label': 'Attached context' });

  constructor(private readonly host: HostPort) {
    const add = el(
      'div',
      { class: 'chip-add' },
      button(
        {
          icon: 'selection',
          class: 'icon-button',
          title: 'Attach the editor selection',
          ariaLabel: 'Attach selection',
        },
        () => host.post({ type: 'addContext', kind: 'selection' }),
      ),
      button(
        {
          icon: 'file-add',
          class: 'icon-button',
          title: 'Attach the current file',
          ariaLabel: 'Attach file',
        },
        () => host.post({ type: 'addContext', kind: 'file' }),
      ),
    );
    this.element = el('div', { class: 'chip-bar' }, add, this.list);
    this.list.hidden = true;
  }

  set(chips: readonly ChipView[]): void {
    this.list.hidden = chips.length === 0;
    this.list.replaceChildren(...chips.map((chip) => this.chip(chip)));
  }

  private chip(chip: ChipView): HTMLLIElement {
    const lines = `${chip.lines} line${chip.lines === 1 ? '' : 's'}`;
    return el(
      'li',
      {
        class: 'chip',
        title: `${chip.kind === 'file' ? 'File' : 'Selection'} · ${chip.languageId} · ${lines}`,
      },
      icon(chip.kind === 'file' ? 'file' : 'selection'),
      el('span', { class: 'chip-label' }, chip.label),
      button(
        { icon: 'close', class: 'chip-remove', ariaLabel: `Remove ${chip.label}`, title: 'Remove' },
        () => this.host.post({ type: 'removeContext', id: chip.id }),
      ),
    );
  }
}

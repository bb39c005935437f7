// The list of saved conversations: open one, or delete it. The host owns the data; this only
// shows the `history` message and asks for changes.
import type { HistoryItemView } from '../shared/protocol';
import { button, el } from './dom';
import { formatDate } from './format';
import type { HostPort } from './vscodeApi';

export class HistoryView {
  readonly element: HTMLElement;
  private readonly list = el('ul', { class: 'history-list' });
  private readonly status = el('p', { class: 'history-status', role: 'status' }, 'Loading…');

  constructor(
    private readonly host: HostPort,
    close: () => void,
  ) {
    const heading = el('h2', { class: 'history-heading', id: 'history-heading' }, 'History');
    this.element = el(
      'section',
      { class: 'history', 'aria-labelledby': 'history-heading' },
      el(
        'div',
        { class: 'history-header' },
        heading,
        button({ label: 'Back to chat', icon: 'arrow-left', class: 'link-button' }, close),
      ),
      this.status,
      this.list,
    );
    this.element.hidden = true;
  }

  /** Shows the view and asks the host for a fresh list. */
  open(): void {
    this.element.hidden = false;
    this.host.post({ type: 'listHistory' });
  }

  close(): void {
    this.element.hidden = true;
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  set(items: readonly HistoryItemView[]): void {
    this.status.textContent = items.length === 0 ? 'No saved conversations yet.' : '';
    this.status.hidden = items.length > 0;
    const sorted = [...items].sort((a, b) => b.updatedAt - a.updatedAt);
    this.list.replaceChildren(...sorted.map((item) => this.row(item)));
  }

  private row(item: HistoryItemView): HTMLLIElement {
    const title = item.title || 'Untitled conversation';
    const open = button({ class: 'history-open', title: `Open “${title}”` }, () =>
      this.host.post({ type: 'openConversation', id: item.id }),
    );
    open.append(
      el('span', { class: 'history-title' }, title),
      el(
        'span',
        { class: 'history-meta' },
        `${formatDate(item.updatedAt)} · ${item.model} · ${item.turns} turn${item.turns === 1 ? '' : 's'}`,
      ),
    );
    const remove = button(
      { icon: 'trash', class: 'icon-button history-delete', ariaLabel: `Delete “${title}”`, title: 'Delete' },
      () => this.host.post({ type: 'deleteConversation', id: item.id }),
    );
    return el('li', { class: 'history-item', 'data-id': item.id }, open, remove);
  }
}

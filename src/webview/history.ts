// The list of saved conversations: the open one marked, search over titles (at once, here) and
// content (thinking optional, by the host), open, rename in place, export to Markdown, and delete
// with Undo. The host owns the data; this shows what it sends and asks for changes.
import type { HistoryItemView } from '../shared/protocol';
import { button, el } from './dom';
import { formatDate } from './format';
import type { HostPort } from './vscodeApi';

/** Wait this long after the last keystroke before asking the host to search content. */
const searchDelayMs = 200;

export class HistoryView {
  readonly element: HTMLElement;
  private readonly list = el('ul', { class: 'history-list' });
  private readonly status = el('p', { class: 'history-status', role: 'status' }, 'Loading…');
  private readonly undoBar = el('div', { class: 'history-undo', role: 'status' });
  private readonly search: HTMLInputElement;
  private readonly thinking: HTMLInputElement;
  private items: readonly HistoryItemView[] = [];
  /** Content matches from the host for `matchesFor` (the query and thinking flag they answer). */
  private matches = new Map<string, string>();
  private matchesFor = '';
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private currentId: string | undefined;

  /** The id of the last search sent: only its answer is shown. */
  private searchId: number | undefined;
  constructor(
    private readonly host: HostPort,
    close: () => void,
    private readonly onRenamed: (id: string, title: string) => void,
  ) {
    const heading = el('h2', { class: 'history-heading', id: 'history-heading' }, 'History');
    this.search = el('input', {
      type: 'search',
      class: 'history-search',
      'aria-label': 'Search conversations',
      placeholder: 'Search titles and messages',
    });
    this.search.addEventListener('input', () => this.onSearchInput());
    this.thinking = el('input', { type: 'checkbox', class: 'history-thinking' });
    this.thinking.addEventListener('change', () => this.onSearchInput());
    this.undoBar.hidden = true;
    this.element = el(
      'section',
      { class: 'history', 'aria-labelledby': 'history-heading' },
      el(
        'div',
        { class: 'history-header' },
        heading,
        button({ label: 'Back to chat', icon: 'arrow-left', class: 'link-button' }, close),
      ),
      el(
        'div',
        { class: 'history-search-row' },
        this.search,
        el('label', { class: 'history-thinking-label' }, this.thinking, ' Include thinking'),
      ),
      this.undoBar,
      this.status,
      this.list,
    );
    this.element.hidden = true;
  }

  /** Shows the view and asks the host for a fresh list. */
  open(): void {
    this.element.hidden = false;
    this.host.post({ type: 'listHistory' });
    this.search.focus();
  }

  close(): void {
    this.element.hidden = true;
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  /** The conversation shown in the chat, marked in the list. */
  setCurrent(id: string): void {
    this.currentId = id;
    if (this.isOpen) this.render();
  }

  set(items: readonly HistoryItemView[]): void {
    this.items = [...items].sort((a, b) => b.updatedAt - a.updatedAt);
    this.render();
  }

  /** The host's content matches; ignored when the query has changed since or a newer search is out. */
  setMatches(
    query: string,
    thinking: boolean,
    matches: readonly { id: string; snippet: string }[],
    replyTo?: number,
  ): void {
    if (this.searchKey(query, thinking) !== this.searchKey(this.search.value, this.thinking.checked)) return;
    if (replyTo !== undefined && replyTo !== this.searchId) return;
    this.matchesFor = this.searchKey(query, thinking);
    this.matches = new Map(matches.map((m) => [m.id, m.snippet]));
    this.render();
  }

  deleted(id: string, title: string): void {
    this.undoBar.hidden = false;
    this.undoBar.replaceChildren(
      el('span', {}, `Deleted “${title}”. `),
      button({ label: 'Undo', class: 'link-button' }, () => {
        this.host.post({ type: 'undoDelete', id });
        this.undoBar.hidden = true;
      }),
    );
  }

  private searchKey(query: string, thinking: boolean): string {
    return `${thinking ? 1 : 0}:${query.trim().toLowerCase()}`;
  }

  private onSearchInput(): void {
    this.render();
    clearTimeout(this.searchTimer);
    const query = this.search.value;
    if (!query.trim()) return;
    const thinking = this.thinking.checked;
    this.searchTimer = setTimeout(
      () => (this.searchId = this.host.post({ type: 'searchHistory', query, thinking })),
      searchDelayMs,
    );
  }

  private render(): void {
    const query = this.search.value.trim().toLowerCase();
    const hostAnswered = this.matchesFor === this.searchKey(this.search.value, this.thinking.checked);
    const shown = query
      ? this.items.filter(
          (i) => i.title.toLowerCase().includes(query) || (hostAnswered && this.matches.has(i.id)),
        )
      : this.items;
    this.status.textContent =
      this.items.length === 0
        ? 'No saved conversations yet.'
        : shown.length === 0
          ? hostAnswered
            ? 'No conversation matches.'
            : 'Searching…'
          : '';
    this.status.hidden = this.status.textContent === '';
    this.list.replaceChildren(
      ...shown.map((item) => this.row(item, query ? this.matches.get(item.id) : undefined)),
    );
  }

  private row(item: HistoryItemView, snippet: string | undefined): HTMLLIElement {
    const title = item.title || 'Untitled conversation';
    const current = item.id === this.currentId;
    const titleElement = el('span', { class: 'history-title' }, title);
    const open = button({ class: 'history-open', title: `Open “${title}”` }, () =>
      this.host.post({ type: 'openConversation', id: item.id }),
    );
    if (current) open.setAttribute('aria-current', 'true');
    const turns = `${item.turns} turn${item.turns === 1 ? '' : 's'}`;
    // A newer Thinkfast's file: listed so nothing seems lost; opening it says why it cannot be.
    const meta =
      item.savedByNewer !== undefined
        ? `Saved by a newer Thinkfast · ${formatDate(item.updatedAt)} · ${turns} · update to open it`
        : `${current ? 'Open now · ' : ''}${formatDate(item.updatedAt)} · ${item.model} · ${turns}`;
    open.append(titleElement, el('span', { class: 'history-meta' }, meta));
    if (snippet) open.append(el('span', { class: 'history-snippet' }, snippet));
    const action = (name: string, iconName: string, run: () => void): HTMLButtonElement =>
      button({ icon: iconName, class: 'icon-button', ariaLabel: `${name} “${title}”`, title: name }, run);
    // No rename, export or delete: this version cannot read it, and must not lose it.
    if (item.savedByNewer !== undefined)
      return el('li', { class: 'history-item is-newer', 'data-id': item.id }, open);
    return el(
      'li',
      { class: `history-item${current ? ' is-current' : ''}`, 'data-id': item.id },
      open,
      action('Rename', 'edit', () => this.rename(open, item)),
      action('Export to Markdown', 'export', () =>
        this.host.post({ type: 'exportConversation', id: item.id, thinking: this.thinking.checked }),
      ),
      action('Delete', 'trash', () => this.host.post({ type: 'deleteConversation', id: item.id })),
    );
  }

  private rename(open: HTMLElement, item: HistoryItemView): void {
    const input = el('input', { type: 'text', class: 'history-rename', 'aria-label': 'New title' });
    input.value = item.title;
    let finished = false;
    const done = (save: boolean): void => {
      if (finished) return;
      finished = true;
      const title = input.value.replace(/\s+/g, ' ').trim();
      input.replaceWith(open);
      if (!save || !title || title === item.title) return open.focus();
      this.host.post({ type: 'renameConversation', id: item.id, title });
      if (item.id === this.currentId) this.onRenamed(item.id, title);
    };
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        done(true);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        done(false);
      }
    });
    // Clicking elsewhere keeps what was typed, as in the editor's own rename boxes.
    input.addEventListener('blur', () => done(true));
    open.replaceWith(input);
    input.focus();
    input.select();
  }
}

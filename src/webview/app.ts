// Wires the panel together and routes each host message to the part of the view it concerns.
import type { ComposerConfigView, HostMessage, ThinkingDisplay, TurnView } from '../shared/protocol';
import { assertNever } from '../shared/protocol';
import { ChatTurn } from './chatTurn';
import { Composer } from './composer';
import { ConversationCost } from './conversationCost';
import { applyCodeWrap, handleContentClicks } from './contentClicks';
import { button, el } from './dom';
import { EmptyState } from './emptyState';
import { FrameScheduler } from './frameScheduler';
import { HistoryView } from './history';
import { LiveRegion } from './liveRegion';
import { createMarkdownRenderer, setCodeWrapDefault } from './markdownRenderer';
import { MessageList } from './messageList';
import { Notices } from './notices';
import type { RenderContext } from './renderContext';
import { ViewStateStore } from './state';
import { Ticker } from './ticker';
import type { HostPort } from './vscodeApi';

export class ChatApp {
  private readonly ctx: RenderContext;
  private readonly list: MessageList;
  private readonly emptyState: EmptyState;
  private readonly composer: Composer;
  private readonly history: HistoryView;
  private readonly notices = new Notices();
  private readonly title = el('h1', { class: 'conversation-title' }, 'New chat');
  private readonly cost = new ConversationCost();
  private display: ThinkingDisplay = 'collapsed';
  private codeWrap = false;
  private streamingTurnId: string | undefined;
  /** The `seq` of the last delta applied to the streaming turn. */
  private seq = 0;
  /** A gap was seen and a resync asked for: deltas wait for the host's snapshot. */
  private resyncing = false;
  private readonly host: HostPort;
  private firstConversation = true;

  constructor(root: HTMLElement, host: HostPort) {
    this.host = host;
    const state = new ViewStateStore(host);
    this.emptyState = new EmptyState(host);
    this.list = new MessageList(state, this.emptyState.element, host);
    const live = new LiveRegion();
    this.ctx = {
      host,
      scheduler: new FrameScheduler(() => this.list.afterRender()),
      renderer: createMarkdownRenderer(),
      ticker: new Ticker(),
      live,
      thinkingDisplay: () => this.display,
    };
    this.composer = new Composer(host, state);
    this.history = new HistoryView(
      host,
      () => this.showHistory(false),
      (_id, title) => (this.title.textContent = title),
    );
    const toolbar = el(
      'div',
      { class: 'toolbar', role: 'toolbar', 'aria-label': 'Chat' },
      this.title,
      this.cost.element,
      button({ icon: 'history', class: 'icon-button', ariaLabel: 'History', title: 'History' }, () =>
        this.showHistory(!this.history.isOpen),
      ),
    );
    root.append(
      toolbar,
      this.notices.element,
      this.list.element,
      this.history.element,
      this.composer.element,
      live.element,
    );
    handleContentClicks(this.list.scroller, host);
    document.addEventListener('keydown', (event) => {
      if (
        event.key === 'Escape' &&
        !event.defaultPrevented &&
        !event.isComposing &&
        this.composer.stopIfBusy()
      )
        event.preventDefault();
    });
  }

  /** One message from the host; `replyTo` is set on an answer to one of the panel's requests. */
  handle(message: HostMessage, replyTo?: number): void {
    switch (message.type) {
      case 'config':
        this.applyConfig(message.config);
        break;
      case 'conversation': {
        this.title.textContent = message.title || 'New chat';
        this.history.setCurrent(message.id);
        const streaming = message.turns.find((t) => t.outcome === 'streaming');
        this.streamingTurnId = streaming?.id;
        this.seq = streaming?.seq ?? 0;
        this.resyncing = false;
        const earlier = message.earlier ?? [];
        this.list.reset(message.id, message.turns, earlier, (t) => this.makeTurn(t), this.firstConversation);
        this.cost.reset(earlier, message.turns);
        this.firstConversation = false;
        this.showHistory(false);
        break;
      }
      case 'turnStart':
        if (message.title !== undefined) this.title.textContent = message.title || 'New chat';
        this.streamingTurnId = message.turn.id;
        this.seq = 0;
        this.resyncing = false;
        this.list.upsert(this.makeTurn(message.turn));
        this.cost.start(message.turn.id);
        break;
      case 'delta':
        if (message.turnId !== this.streamingTurnId || this.resyncing) break;
        if (message.seq !== this.seq + 1) {
          // A delta went missing: applying later ones would garble the answer. Ask for a snapshot.
          this.resyncing = true;
          this.host.post({ type: 'resync' });
          break;
        }
        this.seq = message.seq;
        this.list.find(message.turnId)?.applyOps(message.ops);
        break;
      case 'turnStatus':
        this.list.find(message.turnId)?.setStatus(message.status, message.message, message.retryAt);
        break;
      case 'turnEnd':
        this.ctx.scheduler.flushNow();
        this.list.find(message.turnId)?.end(message.outcome, message.footer, message.error, message.notice);
        this.cost.end(message.turnId, message.footer);
        if (this.streamingTurnId === message.turnId) this.streamingTurnId = undefined;
        break;
      case 'turns':
        this.list.addOlder(message, replyTo);
        break;
      case 'truncate':
        this.list.truncateFrom(message.fromTurnId);
        this.cost.truncateFrom(message.fromTurnId);
        if (this.streamingTurnId && !this.list.find(this.streamingTurnId)) this.streamingTurnId = undefined;
        break;
      case 'history':
        this.history.set(message.items);
        break;
      case 'historySearch':
        this.history.setMatches(message.query, message.thinking, message.matches, replyTo);
        break;
      case 'historyDeleted':
        this.history.deleted(message.id, message.title);
        break;
      case 'chips':
        this.composer.chips.set(message.chips);
        break;
      case 'context':
        this.composer.meter.set(message.context, replyTo);
        break;
      case 'summary':
        this.composer.meter.showSummary(message.text, replyTo);
        break;
      case 'mentions':
        this.composer.mentions.show(message.query, message.items, replyTo);
        break;
      case 'setDraft':
        this.composer.setDraft(message.text);
        break;
      case 'notice':
        this.notices.show(message.level, message.message);
        break;
      default:
        assertNever(message);
    }
    this.refreshTurnActions();
    this.list.afterRender();
  }

  private makeTurn(view: TurnView): ChatTurn {
    return new ChatTurn(view, this.ctx);
  }

  private applyConfig(config: ComposerConfigView): void {
    this.composer.config.set(config);
    this.emptyState.set(config);
    const wrap = config.codeWrap === true;
    if (wrap !== this.codeWrap) {
      this.codeWrap = wrap;
      setCodeWrapDefault(wrap);
      applyCodeWrap(this.list.element, wrap);
    }
    if (config.thinkingDisplay !== this.display) {
      this.display = config.thinkingDisplay;
      for (const turn of this.list.all) turn.applyThinkingDisplay();
    }
  }

  /** Busy state and last-turn buttons follow whether a turn is streaming. */
  private refreshTurnActions(): void {
    // An empty chat's own note has the one "Set API key" button; the composer's is for later.
    this.composer.config.keyPrompt.classList.toggle('is-covered', this.list.all.length === 0);
    const busy = this.streamingTurnId !== undefined;
    this.composer.setBusy(busy);
    const turns = this.list.all;
    turns.forEach((turn, i) => turn.setLast(i === turns.length - 1, busy));
  }

  private showHistory(open: boolean): void {
    if (open) this.history.open();
    else this.history.close();
    this.list.element.hidden = open;
  }
}

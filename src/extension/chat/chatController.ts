// The chat view's router. Over 250 lines on purpose: one exhaustive switch over every webview
// message (and one over every turn action), each case a short route to the session, the history,
// the context chips or the editor actions; splitting the switch would hide which message goes where.

import type * as vscode from 'vscode';
import type { Effort } from '../../anthropic/types';
import type { TurnAction, WebviewMessage } from '../../shared/protocol';
import { assertNever } from '../../shared/protocol';
import { validateWebviewMessage, type OpenedEnvelope } from '../../shared/protocolValidation';
import type { Backend } from '../connection/backend';
import { Disposable } from '../dispose';
import type { StreamActivity } from '../status/streamActivity';
import type { ChatViewProvider } from './chatViewProvider';
import { ChatSession, type OpenConversationMemory } from './chatSession';
import { ContextChips } from './contextChips';
import { ContextRoutes } from './contextRoutes';
import type { Conversation } from './conversation';
import type { ConversationStore } from './conversationStore';
import { editorActions } from './editorActions';
import { HistoryRoutes } from './historyRoutes';
import type { SpendConfirm } from './spendGate';
import { MentionSource } from './mentions';
import { chipView } from './views';

/**
 * The host side of the chat view: validates every message from the (untrusted) webview and
 * routes it to the session, the history store, the context chips or the editor actions.
 */
export class ChatController extends Disposable {
  private readonly chips: ContextChips;
  private readonly session: ChatSession;
  private readonly mentions = new MentionSource();
  private readonly context: ContextRoutes;
  /** The history list's requests (search, rename, delete with undo, export). */
  readonly history: HistoryRoutes;

  constructor(
    private readonly view: ChatViewProvider,
    private readonly store: ConversationStore,
    private readonly backend: Backend,
    activity: StreamActivity,
    private readonly log: vscode.LogOutputChannel,
    openConversation?: OpenConversationMemory,
    confirmSpend?: SpendConfirm,
  ) {
    super();
    this.chips = new ContextChips(() => this.sendChips());
    this.session = this.register(
      new ChatSession({
        store,
        backend,
        activity,
        chips: this.chips,
        log,
        openConversation,
        confirmSpend,
        post: (m) => view.post(m),
      }),
    );
    this.register(
      view.onDidReceiveMessage((envelope) => {
        this.receive(envelope).catch((e: unknown) => this.log.error('a webview message failed', e));
      }),
    );
    this.context = new ContextRoutes({
      backend,
      chips: this.chips,
      log,
      current: () => this.session.current,
      newChat: () => this.session.newChat(),
      post: (m, replyTo) => view.post(m, replyTo),
      isDisposed: () => this.isDisposed,
    });
    this.history = new HistoryRoutes({
      store,
      log,
      current: () => this.session.current,
      delete: (id) => this.session.delete(id),
      post: (m, replyTo) => view.post(m, replyTo),
      isDisposed: () => this.isDisposed,
    });
    // The meter follows the conversation: new figures whenever a turn ends or another one opens.
    this.register(
      view.onDidPost((m) => {
        if (m.type === 'turnEnd' || m.type === 'conversation') this.context.post();
      }),
    );
    this.register(view.onDidBecomeReady(() => this.sendState()));
    this.register(
      backend.onDidChange(() => {
        view.post({ type: 'config', config: backend.composerConfig() });
        this.context.post();
      }),
    );
  }

  /** Restores the conversation this window had open (after a reload) and shows it. */
  async restore(): Promise<void> {
    await this.session.restore();
    if (!this.isDisposed) this.sendState();
  }

  /** Saves the streaming turn as interrupted and stops it; resolves when every save landed. */
  suspend(): Promise<void> {
    return this.session.suspend();
  }

  get current(): Conversation {
    return this.session.current;
  }

  /** Resolves when the streaming turn has ended and been saved, and what it posted was delivered. */
  async idle(): Promise<void> {
    await this.session.idle();
    await this.view.whenDelivered();
  }

  newChat(): Promise<void> {
    return this.session.newChat();
  }

  send(text: string): Promise<void> {
    return this.session.send(text);
  }

  stop(): Promise<void> {
    return this.session.stop();
  }

  /** The spend-limit question before a send (the host tests answer it). */
  get spendGate(): ChatSession['spendGate'] {
    return this.session.spendGate;
  }

  /** Runs a turn action as the webview's button would (the extension-host tests use it). */
  runAction(turnId: string, action: TurnAction): Promise<void> {
    return this.action(turnId, action);
  }

  private async receive(envelope: OpenedEnvelope): Promise<void> {
    const checked = validateWebviewMessage(envelope.body);
    if (!checked.ok) {
      this.log.warn(`ignored message #${envelope.id} from the webview: ${checked.reason}`);
      return;
    }
    const m: WebviewMessage = checked.message;
    try {
      await this.handle(m, envelope.id);
    } catch (e) {
      this.log.error(`handling #${envelope.id} ${m.type} failed`, e);
      this.view.post({ type: 'notice', level: 'error', message: `Thinkfast: ${(e as Error).message}` });
    }
  }

  /** Routes message `m`; `id` is its envelope's, for the answers that name it (`replyTo`). */
  private async handle(m: WebviewMessage, id: number): Promise<void> {
    switch (m.type) {
      case 'ready':
        return; // handled by the view provider, which fires onDidBecomeReady
      case 'resync':
        return this.session.sendConversation();
      case 'loadTurns': {
        const page = this.session.turnsPage(m.conversationId, m.beforeTurnId, m.count);
        if (page) this.view.post(page, id);
        return;
      }
      case 'send':
        return this.session.send(m.text);
      case 'stop':
        return this.session.stop();
      case 'action':
        return this.action(m.turnId, m.action);
      case 'retryAtEffort':
        return this.retryAtEffort(m.turnId, m.effort);
      case 'regenerate':
        return this.session.rerunLast();
      case 'editPrompt':
        return this.session.rerun(m.turnId, m.text);
      case 'switchVersion':
        return this.session.switchVersion(m.turnId, m.index);
      case 'newChat':
        return this.session.newChat();
      case 'listHistory':
        return this.history.list();
      case 'searchHistory':
        return this.history.search(m.query, m.thinking, id);
      case 'renameConversation':
        return this.history.rename(m.id, m.title);
      case 'undoDelete':
        return this.history.undoDelete(m.id);
      case 'exportConversation':
        await this.history.export(m.id, m.thinking);
        return;
      case 'openConversation':
        if (!(await this.session.open(m.id))) {
          const newer = this.store.newerFormat(m.id);
          this.view.post({
            type: 'notice',
            level: 'warning',
            message: newer
              ? `“${newer.title ?? 'Untitled'}” was ${newer.message}. Update Thinkfast to open it; the file is kept as it is.`
              : 'That conversation could not be loaded.',
          });
          await this.history.list();
        }
        return;
      case 'deleteConversation':
        return this.history.delete(m.id);
      case 'addContext':
        return this.chips.add(m.kind);
      case 'removeContext':
        return this.chips.remove(m.id);
      case 'mentionQuery': {
        const items = await this.mentions.query(m.query);
        if (!this.isDisposed) this.view.post({ type: 'mentions', query: m.query, items }, id);
        return;
      }
      case 'addMention': {
        const resolved = await this.mentions.resolve(m.id);
        if (resolved && !this.isDisposed) this.chips.attach(resolved);
        return;
      }
      case 'countContext':
        return this.context.count(m.draft, id);
      case 'summarize':
        return this.context.summarize(id);
      case 'newChatFromSummary':
        return this.context.newChatFromSummary(m.summary);
      case 'copyCode':
        return editorActions.copyCode(m.code);
      case 'insertCode':
        return editorActions.insertCode(m.code);
      case 'openCode':
        return editorActions.openCode(m.code, m.languageId);
      case 'openLink':
        if (!(await editorActions.openLink(m.href)))
          this.log.warn(`refused to open a non-http(s) link from model output`);
        return;
      case 'command':
        return editorActions.runCommand(m.command);
      default:
        assertNever(m);
    }
  }

  private async action(turnId: string, action: TurnAction): Promise<void> {
    switch (action) {
      case 'setApiKey':
      case 'openSettings':
        return editorActions.runCommand(action);
      case 'showLog':
        return this.log.show();
      case 'retry':
        return this.session.retry(turnId);
      case 'continue':
        return this.session.continue(turnId);
      case 'resendWithout':
        return this.session.resendWithout(turnId);
      case 'selectModel':
        return editorActions.runCommand('selectModel');
      default:
        assertNever(action);
    }
  }

  /** "Retry at …": a level the model takes becomes the effort setting, and the turn runs again at it. */
  private async retryAtEffort(turnId: string, effort: string): Promise<void> {
    const caps = this.backend.catalog.resolve(this.backend.settings.current.model);
    if (!(caps.effortLevels as readonly string[]).includes(effort)) {
      this.log.warn(`"Retry at ${effort}": ${caps.id} does not take that effort level`);
      return;
    }
    await editorActions.setEffort(effort as Effort);
    await this.session.retryAtEffort(turnId, effort as Effort);
  }

  private sendChips(): void {
    this.view.post({ type: 'chips', chips: this.chips.list().map(chipView) });
    this.context.post();
  }

  private sendState(): void {
    this.view.post({ type: 'config', config: this.backend.composerConfig() });
    this.session.sendConversation();
    this.sendChips();
  }
}

import * as vscode from 'vscode';
import type { HostMessage, TurnAction, WebviewMessage } from '../shared/protocol';
import { assertNever } from '../shared/protocol';
import { safeExternalUrl, validateWebviewMessage } from '../shared/protocolValidation';
import type { Backend } from './backend';
import type { ChatViewProvider } from './chatViewProvider';
import { CommandIds } from './commandIds';
import { readConfig } from './config';
import { ContextChips } from './contextChips';
import { newConversation, titleFromPrompt, type Conversation, type Turn } from './conversation';
import { newConversationId, type ConversationStore } from './conversationStore';
import { Disposable } from './dispose';
import type { DeltaBatcher } from './deltaBatcher';
import { runTurn } from './turnRunner';
import { chipView, turnView } from './views';

const continuePrompt = 'Continue exactly where you stopped.';

interface Running {
  readonly turn: Turn;
  readonly abort: AbortController;
  readonly done: Promise<void>;
  batcher?: DeltaBatcher;
}

/**
 * The host side of the chat: owns the current conversation, turns webview messages into
 * requests, and persists after every turn (including stopped and interrupted ones).
 */
export class ChatController extends Disposable {
  private conversation: Conversation;
  private running: Running | undefined;
  private readonly chips: ContextChips;
  private turnCounter = 0;

  constructor(
    private readonly view: ChatViewProvider,
    private readonly store: ConversationStore,
    private readonly backend: Backend,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.conversation = newConversation(newConversationId(), readConfig().model);
    this.chips = new ContextChips(() => this.post({ type: 'chips', chips: this.chips.list().map(chipView) }));
    this.register(view.onDidReceiveMessage((raw) => void this.receive(raw)));
    this.register(view.onDidBecomeReady(() => this.sendState()));
    this.register(
      backend.onDidChange(() => this.post({ type: 'config', config: this.backend.composerConfig() })),
    );
  }

  /** Restores the most recent conversation (after a window reload). */
  async restore(): Promise<void> {
    const latest = await this.store.latest();
    if (latest && !this.running) this.conversation = latest;
    this.sendState();
  }

  get current(): Conversation {
    return this.conversation;
  }

  /** Resolves when the streaming turn (if any) has ended and been saved. */
  async idle(): Promise<void> {
    await this.running?.done;
  }

  async newChat(): Promise<void> {
    await this.stop();
    this.conversation = newConversation(newConversationId(), readConfig().model);
    this.chips.clear();
    this.sendConversation();
  }

  async send(text: string): Promise<void> {
    await this.stop();
    const turn: Turn = {
      id: this.nextTurnId(),
      prompt: text,
      attachments: this.chips.take(),
      content: [],
      outcome: 'streaming',
    };
    if (this.conversation.turns.length === 0) this.conversation.title = titleFromPrompt(text);
    this.conversation.turns.push(turn);
    this.start(turn);
  }

  async stop(): Promise<void> {
    const running = this.running;
    if (!running) return;
    running.abort.abort();
    await running.done;
  }

  private async receive(raw: unknown): Promise<void> {
    const checked = validateWebviewMessage(raw);
    if (!checked.ok) {
      this.log.warn(`ignored a message from the webview: ${checked.reason}`);
      return;
    }
    const m: WebviewMessage = checked.message;
    try {
      await this.handle(m);
    } catch (e) {
      this.log.error(`handling ${m.type} failed`, e);
      this.post({ type: 'notice', level: 'error', message: `Thinkfast: ${(e as Error).message}` });
    }
  }

  private async handle(m: WebviewMessage): Promise<void> {
    switch (m.type) {
      case 'ready':
        return; // handled by the view provider, which fires onDidBecomeReady
      case 'send':
        return this.send(m.text);
      case 'stop':
        return this.stop();
      case 'action':
        return this.action(m.turnId, m.action);
      case 'regenerate':
        return this.rerunLast();
      case 'editLast':
        return this.rerunLast(m.text);
      case 'newChat':
        return this.newChat();
      case 'listHistory':
        this.post({ type: 'history', items: await this.store.list() });
        return;
      case 'openConversation': {
        await this.stop();
        const c = await this.store.load(m.id);
        if (!c) {
          this.post({ type: 'notice', level: 'warning', message: 'That conversation could not be loaded.' });
          this.post({ type: 'history', items: await this.store.list() });
          return;
        }
        this.conversation = c;
        this.sendConversation();
        return;
      }
      case 'deleteConversation':
        if (m.id === this.conversation.id) await this.newChat();
        await this.store.delete(m.id);
        this.post({ type: 'history', items: await this.store.list() });
        return;
      case 'addContext':
        this.chips.add(m.kind);
        return;
      case 'removeContext':
        this.chips.remove(m.id);
        return;
      case 'copyCode':
        await vscode.env.clipboard.writeText(m.code);
        void vscode.window.setStatusBarMessage('$(check) Copied', 2000);
        return;
      case 'insertCode':
        return this.insertCode(m.code);
      case 'openLink': {
        const url = safeExternalUrl(m.href);
        if (url) await vscode.env.openExternal(vscode.Uri.parse(url.toString(), true));
        else this.log.warn(`refused to open a non-http(s) link from model output`);
        return;
      }
      case 'command': {
        const ids = {
          toggleFast: CommandIds.toggleFastMode,
          setEffort: CommandIds.setEffort,
          selectModel: CommandIds.selectModel,
          setApiKey: CommandIds.setApiKey,
          openSettings: CommandIds.openSettings,
        } as const;
        await vscode.commands.executeCommand(ids[m.command]);
        return;
      }
      default:
        assertNever(m);
    }
  }

  private async action(turnId: string, action: TurnAction): Promise<void> {
    switch (action) {
      case 'setApiKey':
        await vscode.commands.executeCommand(CommandIds.setApiKey);
        return;
      case 'openSettings':
        await vscode.commands.executeCommand(CommandIds.openSettings);
        return;
      case 'showLog':
        this.log.show();
        return;
      case 'retry': {
        const last = this.conversation.turns[this.conversation.turns.length - 1];
        if (last?.id === turnId) await this.rerunLast();
        return;
      }
      case 'continue': {
        await this.stop();
        const turn: Turn = {
          id: this.nextTurnId(),
          prompt: continuePrompt,
          attachments: [],
          content: [],
          outcome: 'streaming',
          continuation: true,
        };
        this.conversation.turns.push(turn);
        this.start(turn);
        return;
      }
      default:
        assertNever(action);
    }
  }

  /** Regenerate (same prompt) or edit-and-resend (new prompt) the last turn. */
  private async rerunLast(prompt?: string): Promise<void> {
    await this.stop();
    const last = this.conversation.turns[this.conversation.turns.length - 1];
    if (!last) return;
    this.post({ type: 'truncate', fromTurnId: last.id });
    this.conversation.turns.pop();
    const turn: Turn = {
      id: this.nextTurnId(),
      prompt: prompt ?? last.prompt,
      attachments: last.attachments,
      content: [],
      outcome: 'streaming',
      ...(last.continuation && prompt === undefined ? { continuation: true } : {}),
    };
    if (this.conversation.turns.length === 0) this.conversation.title = titleFromPrompt(turn.prompt);
    this.conversation.turns.push(turn);
    this.start(turn);
  }

  private start(turn: Turn): void {
    const abort = new AbortController();
    this.post({ type: 'turnStart', turn: turnView(turn) });
    const done = this.backend.streaming(this.execute(turn, abort.signal)).finally(() => {
      if (this.running?.turn === turn) this.running = undefined;
    });
    this.running = { turn, abort, done };
  }

  private async execute(turn: Turn, signal: AbortSignal): Promise<void> {
    const conversation = this.conversation;
    try {
      const ready = await this.backend.prepare();
      if ('error' in ready) {
        turn.outcome = 'failed';
        turn.error = ready.error;
        this.post({ type: 'turnEnd', turnId: turn.id, outcome: 'failed', error: ready.error });
      } else {
        conversation.model = ready.settings.model;
        await runTurn(
          conversation,
          turn,
          {
            client: ready.client,
            caps: ready.caps,
            settings: ready.settings,
            simulator: ready.simulator,
            post: (msg) => {
              if (this.conversation === conversation) this.post(msg);
            },
            onRateLimits: (limits) => this.backend.reportRateLimits(limits),
            onProgress: (chars, ms) => this.backend.reportProgress(chars, ms),
            log: (line) => this.log.info(line),
            onBatcher: (b) => {
              if (this.running?.turn === turn) this.running.batcher = b;
            },
          },
          signal,
        );
        this.logOutcome(turn);
      }
    } catch (e) {
      this.log.error('turn failed unexpectedly', e);
      turn.outcome = 'failed';
      turn.error = {
        title: 'Something went wrong',
        message: (e as Error).message,
        actions: ['retry', 'showLog'],
      };
      this.post({ type: 'turnEnd', turnId: turn.id, outcome: 'failed', error: turn.error });
    }
    conversation.updatedAt = Date.now();
    const pausedInARow = conversation.turns
      .slice()
      .reverse()
      .findIndex((t) => !t.continuation);
    if (
      turn.outcome === 'complete' &&
      turn.stopReason === 'pause_turn' &&
      this.conversation === conversation &&
      pausedInARow < 5
    ) {
      // The API paused a long-running turn and expects us to let it carry on.
      setImmediate(() => void this.action(turn.id, 'continue'));
    }
    try {
      await this.store.save(conversation);
    } catch (e) {
      this.log.error('saving the conversation failed', e);
      this.post({
        type: 'notice',
        level: 'error',
        message: `Thinkfast could not save this conversation: ${(e as Error).message}`,
      });
    }
  }

  private logOutcome(turn: Turn): void {
    const f = turn.footer;
    const numbers = f
      ? ` ${f.speed}${f.fellBack ? ' (fell back)' : ''}, ttft ${f.ttftMs ?? '?'} ms, ${f.outputTokensPerSecond ?? '?'} tok/s, ` +
        `in ${f.inputTokens} out ${f.outputTokens}, ${f.requestId ?? ''}`
      : '';
    this.log.info(`turn ${turn.id}: ${turn.outcome}${numbers}${turn.error ? ` — ${turn.error.title}` : ''}`);
  }

  private async insertCode(code: string): Promise<void> {
    const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors[0];
    if (!editor) {
      void vscode.window.showInformationMessage('Open an editor to insert the code into.');
      return;
    }
    await editor.edit((b) => {
      for (const sel of editor.selections) b.replace(sel, code);
    });
  }

  private nextTurnId(): string {
    this.turnCounter += 1;
    return `t${Date.now().toString(36)}-${this.turnCounter}`;
  }

  private sendState(): void {
    this.post({ type: 'config', config: this.backend.composerConfig() });
    this.sendConversation();
    this.post({ type: 'chips', chips: this.chips.list().map(chipView) });
  }

  private sendConversation(): void {
    const c = this.conversation;
    const running = this.running;
    const turns = c.turns.map((t) =>
      running?.turn === t
        ? { ...turnView(t), blocks: running.batcher?.snapshot() ?? [], outcome: 'streaming' as const }
        : turnView(t),
    );
    this.post({ type: 'conversation', id: c.id, title: c.title, turns });
  }

  private post(message: HostMessage): void {
    this.view.post(message);
  }
}

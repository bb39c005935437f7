import * as vscode from 'vscode';
import type { Envelope, HostMessage } from '../../shared/protocol';
import { openEnvelope, type OpenedEnvelope } from '../../shared/protocolValidation';
import { chatViewId } from '../commandIds';
import { Disposable } from '../dispose';
import { buildChatHtml } from './webviewHtml';

/** One-off messages kept for a webview that is away; state messages are rebuilt on `ready`. */
const oneOffTypes: ReadonlySet<HostMessage['type']> = new Set(['notice', 'history', 'setDraft']);
/** At most this many one-off messages wait for the webview (the oldest are dropped). */
const maxPending = 50;

/**
 * The sidebar chat view. Owns the webview's lifetime and the ready handshake. While the webview is
 * away (not yet loaded, hidden, or a post was not delivered) only one-off messages are kept, at
 * most `maxPending`: on `ready` the listener sends the whole current state (a snapshot of the
 * streaming turn included), so the deltas in between are not kept at all.
 */
export class ChatViewProvider extends Disposable implements vscode.WebviewViewProvider {
  static readonly viewId = chatViewId;

  private view: vscode.WebviewView | undefined;
  private ready = false;
  private pending: HostMessage[] = [];
  /** The id of the last message posted (each message gets the next; see `Envelope`). */
  private lastId = 0;
  /** Settles after the last post's delivery was confirmed or refused (keeps onDidPost in order). */
  private delivery: Promise<void> = Promise.resolve();
  private readonly onDidReceiveEmitter = this.register(new vscode.EventEmitter<OpenedEnvelope>());
  private readonly onDidBecomeReadyEmitter = this.register(new vscode.EventEmitter<void>());

  /** Messages from the webview, in checked envelopes; the message itself is validated by the listener. */
  readonly onDidReceiveMessage = this.onDidReceiveEmitter.event;
  /** The webview (re)loaded and answered `ready`: the listener sends it the current state. */
  readonly onDidBecomeReady = this.onDidBecomeReadyEmitter.event;
  private readonly onDidPostEmitter = this.register(new vscode.EventEmitter<HostMessage>());
  /**
   * Every message the webview accepted (`postMessage` resolved true), in the order posted; it fires
   * once delivery is confirmed, so after `whenDelivered()` (the extension-host tests read it).
   */
  readonly onDidPost = this.onDidPostEmitter.event;
  private readonly onDidPostEnvelopeEmitter = this.register(new vscode.EventEmitter<Envelope<HostMessage>>());
  /** The same, with each message's envelope (its id, and `replyTo` on an answer). */
  readonly onDidPostEnvelope = this.onDidPostEnvelopeEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.ready = false;
    view.webview.options = {
      enableScripts: true,
      localResourceRoots: [
        vscode.Uri.joinPath(this.extensionUri, 'dist'),
        vscode.Uri.joinPath(this.extensionUri, 'media'),
      ],
    };
    const subscriptions: vscode.Disposable[] = [
      view.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      // Without retainContextWhenHidden a hidden webview is torn down; it says `ready` when shown.
      view.onDidChangeVisibility(() => {
        if (!view.visible && this.view === view) this.ready = false;
      }),
      view.onDidDispose(() => {
        for (const s of subscriptions) s.dispose();
        if (this.view === view) {
          this.view = undefined;
          this.ready = false;
        }
      }),
    ];
    view.webview.html = buildChatHtml(view.webview, this.extensionUri);
  }

  /** True while the view exists and has answered `ready`. */
  get isReady(): boolean {
    return this.view !== undefined && this.ready;
  }

  /** Posts `message`; `replyTo` names the webview's request it answers. */
  post(message: HostMessage, replyTo?: number): void {
    const view = this.view;
    if (!view || !this.ready) {
      this.keep(message);
      return;
    }
    const envelope: Envelope<HostMessage> = {
      id: ++this.lastId,
      ...(replyTo !== undefined ? { replyTo } : {}),
      body: message,
    };
    const delivered = Promise.resolve(view.webview.postMessage(envelope)).then(
      (ok) => ok,
      (e: unknown) => {
        this.log.debug(`posting ${message.type} to the chat webview failed: ${String(e)}`);
        return false;
      },
    );
    this.delivery = this.delivery.then(async () => {
      if (await delivered) {
        this.onDidPostEmitter.fire(message);
        this.onDidPostEnvelopeEmitter.fire(envelope);
        return;
      }
      // Not delivered: the webview is gone or reloading. It gets the whole state when it says ready.
      this.log.debug(`the chat webview did not take ${message.type}; waiting for it to be ready`);
      if (this.view === view) this.ready = false;
      this.keep(message);
    });
  }

  /** Messages kept for the webview while it is away (bounded; tests read it). */
  get pendingCount(): number {
    return this.pending.length;
  }

  /** Resolves once every message posted so far was delivered or refused (tests use it). */
  async whenDelivered(): Promise<void> {
    // A listener of onDidPost may post again meanwhile: wait until nothing is pending.
    for (let pending = this.delivery; ; pending = this.delivery) {
      await pending;
      if (pending === this.delivery) return;
    }
  }

  private keep(message: HostMessage): void {
    if (!oneOffTypes.has(message.type)) return;
    this.pending.push(message);
    if (this.pending.length > maxPending) this.pending.splice(0, this.pending.length - maxPending);
  }

  /** Reveal the view (used by commands that need it visible). */
  async reveal(): Promise<void> {
    if (this.view) this.view.show(true);
    else await vscode.commands.executeCommand(`${ChatViewProvider.viewId}.focus`);
  }

  private receive(raw: unknown): void {
    const opened = openEnvelope(raw);
    if (!opened.ok) {
      this.log.warn(`ignored a message from the webview: ${opened.reason}`);
      return;
    }
    const { body } = opened.envelope;
    const type = (body as { type?: unknown }).type;
    // A live webview that lost a message asks for `resync`: it is there, so treat it as ready.
    if (type === 'ready' || (type === 'resync' && !this.ready && this.view)) {
      this.ready = true;
      this.log.debug(`chat webview ${String(type)}`);
      // The ready listener sends the whole current state (conversation, config, chips); only the
      // kept one-off messages are delivered after it, in order.
      const buffered = this.pending;
      this.pending = [];
      this.onDidBecomeReadyEmitter.fire();
      for (const m of buffered) this.post(m);
      return;
    }
    this.onDidReceiveEmitter.fire(opened.envelope);
  }
}

import * as vscode from 'vscode';
import type { HostMessage, WebviewMessage } from '../../shared/protocol';
import { Disposable } from '../dispose';
import { buildChatHtml } from './webviewHtml';

/**
 * The sidebar chat view. Owns the webview's lifetime and the ready handshake: messages posted
 * before the webview says `ready` are buffered and flushed in order afterwards.
 */
export class ChatViewProvider extends Disposable implements vscode.WebviewViewProvider {
  static readonly viewId = 'thinkfast.chat';

  private view: vscode.WebviewView | undefined;
  private ready = false;
  private pending: HostMessage[] = [];
  private readonly onDidReceiveEmitter = this.register(new vscode.EventEmitter<WebviewMessage>());
  private readonly onDidBecomeReadyEmitter = this.register(new vscode.EventEmitter<void>());

  /** Messages from the webview; untrusted, validated by the listener. */
  readonly onDidReceiveMessage = this.onDidReceiveEmitter.event;
  /** The webview (re)loaded and answered `ready`: the listener sends it the current state. */
  readonly onDidBecomeReady = this.onDidBecomeReadyEmitter.event;
  private readonly onDidPostEmitter = this.register(new vscode.EventEmitter<HostMessage>());
  /** Every message actually delivered to the webview, in order (the extension-host tests read it). */
  readonly onDidPost = this.onDidPostEmitter.event;

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

  post(message: HostMessage): void {
    if (!this.view || !this.ready) {
      this.pending.push(message);
      return;
    }
    void this.view.webview.postMessage(message);
    this.onDidPostEmitter.fire(message);
  }

  /** Reveal the view (used by commands that need it visible). */
  async reveal(): Promise<void> {
    if (this.view) this.view.show(true);
    else await vscode.commands.executeCommand(`${ChatViewProvider.viewId}.focus`);
  }

  private receive(raw: unknown): void {
    const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
    if (type === 'ready') {
      this.ready = true;
      this.log.debug('chat webview ready');
      // The ready listener sends the whole current state (conversation, config, chips), so buffered
      // state updates would only repeat it; one-off messages are still delivered, in order.
      const buffered = this.pending.filter(
        (m) => m.type === 'notice' || m.type === 'history' || m.type === 'setDraft',
      );
      this.pending = [];
      this.onDidBecomeReadyEmitter.fire();
      for (const m of buffered) this.post(m);
      return;
    }
    this.onDidReceiveEmitter.fire(raw as WebviewMessage);
  }
}

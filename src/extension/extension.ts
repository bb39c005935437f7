import { sinceLoadStart } from './activationClock';
import * as vscode from 'vscode';
import type { ChatController } from './chat/chatController';
import { registerChat } from './chat/chatFeature';
import type { ChatViewProvider } from './chat/chatViewProvider';
import type { ConversationStore } from './chat/conversationStore';
import type { Backend } from './connection/backend';
import { registerConnection } from './connection/connectionFeature';
import { registerLog } from './log';
import { registerRefactor } from './refactor/refactorCommand';
import { registerSettings } from './settings/settingsFeature';
import type { SettingsWarnings } from './settings/settingsWarnings';
import { registerStatus } from './status/statusFeature';
import type { LifecycleNotice } from './status/lifecycleNotice';
import type { StatusBar } from './status/statusBar';
import { StreamActivity } from './status/streamActivity';

/**
 * What `activate` returns in the extension-host tests (`ExtensionMode.Test`) only. Anywhere else
 * `activate` returns nothing: these objects reach the key store and clients whose headers carry
 * the key, and every other extension can read `exports`.
 */
export interface ThinkfastTestApi {
  readonly chatView: ChatViewProvider;
  readonly chat: ChatController;
  readonly backend: Backend;
  readonly store: ConversationStore;
  readonly statusBar: StatusBar;
  readonly activity: StreamActivity;
  /** The warnings about bad setting values, each shown once. */
  readonly settingsWarnings: SettingsWarnings;
  /** The one-time deprecation notice. */
  readonly lifecycle: LifecycleNotice;
  /** From the first line of the bundle running to the end of `activate`, in ms. */
  readonly activationMs: number;
}

/** Set while active: saves a streaming turn as interrupted; `deactivate` returns its promise. */
let suspendChat: (() => Promise<void>) | undefined;

/** Wires the features; each registers its own commands and disposables. */
export function activate(context: vscode.ExtensionContext): ThinkfastTestApi | undefined {
  const version = String((context.extension.packageJSON as { version?: string }).version);
  const { log, disposable: logFeature } = registerLog();
  const { settings, disposable: settingsFeature } = registerSettings();
  const { backend, disposable: connection } = registerConnection(
    context.secrets,
    settings,
    log,
    version,
    context.globalState,
  );
  const activity = new StreamActivity();
  const { statusBar, lifecycle, disposable: status } = registerStatus(backend, activity, context.globalState);
  const chat = registerChat(context, backend, activity, log);
  suspendChat = () => chat.chat.suspend();
  context.subscriptions.push(
    logFeature,
    settingsFeature,
    connection,
    activity,
    status,
    chat.disposable,
    registerRefactor(backend, activity, log, context.globalState),
  );
  const activationMs = Math.round(sinceLoadStart() * 10) / 10;
  // The pid tells two windows' extension hosts apart (they share globalStorage).
  log.info(
    `Thinkfast ${version} activated in ${activationMs} ms${backend.simulator ? ' (simulator)' : ''}, extension host pid ${process.pid}`,
  );
  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return {
    chatView: chat.chatView,
    chat: chat.chat,
    backend,
    store: chat.store,
    statusBar,
    activity,
    lifecycle,
    settingsWarnings: settings.warnings,
    activationMs,
  };
}

/**
 * Called before context.subscriptions are disposed: checkpoints the streaming turn as interrupted,
 * and the host waits for the returned save (reload, window close, extension-host shutdown).
 */
export function deactivate(): Promise<void> | undefined {
  const suspend = suspendChat;
  suspendChat = undefined;
  return suspend?.();
}

import { markLoaded, startActivate, type ActivationTimes } from './activationClock';
import * as vscode from 'vscode';
import type { ChatController } from './chat/chatController';
import { registerChat } from './chat/chatFeature';
import type { ChatViewProvider } from './chat/chatViewProvider';
import type { ConversationStore } from './chat/conversationStore';
import type { Backend } from './connection/backend';
import { registerConnection } from './connection/connectionFeature';
import { registerLog } from './log';
import { registerRefactorFeature } from './refactor/refactorFeature';
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
  /** Loading the code plus the activate() call, in ms (activationClock.ts). */
  readonly activationMs: number;
  readonly activation: ActivationTimes;
}

/**
 * What `activate` returns in `ExtensionMode.Test`: the parts that exist at activation, and
 * `loaded()`, which loads the chat as its first use would (showing the view, New Chat) and
 * resolves with the whole test API.
 */
export type ThinkfastActivationApi = Omit<ThinkfastTestApi, 'chatView' | 'chat' | 'store'> & {
  loaded(): Promise<ThinkfastTestApi>;
};

/** Set while active: saves a streaming turn as interrupted; `deactivate` returns its promise. */
let suspendChat: (() => Promise<void>) | undefined;

/**
 * Wires the features; each registers its own commands and disposables. What is not visible at
 * once (the chat, the pickers, the key commands, the refactor) loads its code on first use.
 */
export function activate(context: vscode.ExtensionContext): ThinkfastActivationApi | undefined {
  const activated = startActivate();
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
  const {
    statusBar,
    lifecycle,
    disposable: status,
  } = registerStatus(backend, activity, context.globalState, log);
  const { chat, disposable: chatFeature } = registerChat(context, backend, activity, log);
  // A chat whose code never loaded has no turn to save.
  suspendChat = () => chat.loaded?.chat.suspend() ?? Promise.resolve();
  context.subscriptions.push(
    logFeature,
    settingsFeature,
    connection,
    activity,
    status,
    chatFeature,
    registerRefactorFeature(backend, activity, log, context.globalState),
  );
  const activation = activated();
  log.info(
    // The pid tells two windows' extension hosts apart (they share globalStorage).
    `Thinkfast ${version} activated in ${activation.ms} ms (load ${activation.loadMs} ms, activate ${activation.activateMs} ms; the host waited ${activation.hostWaitMs} ms between them)${backend.simulator ? ' (simulator)' : ''}, extension host pid ${process.pid}`,
  );
  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  const atOnce = {
    backend,
    statusBar,
    activity,
    lifecycle,
    settingsWarnings: settings.warnings,
    activationMs: activation.ms,
    activation,
  };
  return {
    ...atOnce,
    loaded: async () => {
      const { chatView, chat: controller, store } = await chat.get();
      return { ...atOnce, chatView, chat: controller, store };
    },
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

// The last statement of the entry module: everything activation needs has been evaluated.
markLoaded();

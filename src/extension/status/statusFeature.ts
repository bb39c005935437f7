import * as vscode from 'vscode';
import type { Backend } from '../connection/backend';
import { LifecycleNotice } from './lifecycleNotice';
import { registerPickers } from './pickers';
import { registerSpeedToggle } from './speedToggle';
import { StatusBar } from './statusBar';
import type { StreamActivity } from './streamActivity';

/** The status-bar items and the commands they run: Toggle Fast Mode, Set Effort, Select Model. */
export function registerStatus(
  backend: Backend,
  activity: StreamActivity,
  globalState: vscode.Memento,
): { statusBar: StatusBar; lifecycle: LifecycleNotice; disposable: vscode.Disposable } {
  const statusBar = new StatusBar(backend, activity);
  const lifecycle = new LifecycleNotice(backend, globalState);
  return {
    statusBar,
    lifecycle,
    disposable: vscode.Disposable.from(
      statusBar,
      lifecycle,
      registerSpeedToggle(backend, activity.ledger),
      registerPickers(backend, activity.ledger),
    ),
  };
}

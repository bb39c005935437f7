import * as vscode from 'vscode';
import type { Backend } from '../connection/backend';
import { registerPickers } from './pickers';
import { registerSpeedToggle } from './speedToggle';
import { StatusBar } from './statusBar';
import type { StreamActivity } from './streamActivity';

/** The status-bar items and the commands they run: Toggle Fast Mode, Set Effort, Select Model. */
export function registerStatus(
  backend: Backend,
  activity: StreamActivity,
): { statusBar: StatusBar; disposable: vscode.Disposable } {
  const statusBar = new StatusBar(backend, activity);
  return {
    statusBar,
    disposable: vscode.Disposable.from(statusBar, registerSpeedToggle(backend), registerPickers(backend)),
  };
}

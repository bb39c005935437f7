import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import type { Backend } from '../connection/backend';
import { LazyFeature } from '../lazyFeature';
import { LifecycleNotice } from './lifecycleNotice';
import { StatusBar } from './statusBar';
import type { StreamActivity } from './streamActivity';

/**
 * The status-bar items (drawn at activation) and the commands they run: Toggle Fast Mode, Set
 * Effort, Select Model, whose code (the pickers) loads when one of them is first run.
 */
export function registerStatus(
  backend: Backend,
  activity: StreamActivity,
  globalState: vscode.Memento,
  log: vscode.LogOutputChannel,
): { statusBar: StatusBar; lifecycle: LifecycleNotice; disposable: vscode.Disposable } {
  const statusBar = new StatusBar(backend, activity);
  const lifecycle = new LifecycleNotice(backend, globalState);
  const commands = new LazyFeature(
    vscode.commands,
    [CommandIds.toggleFastMode, CommandIds.setEffort, CommandIds.selectModel],
    async () => {
      const [{ registerSpeedToggle }, { registerPickers }] = await Promise.all([
        import('./speedToggle'),
        import('./pickers'),
      ]);
      return () =>
        vscode.Disposable.from(
          registerSpeedToggle(backend, activity.ledger),
          registerPickers(backend, activity.ledger),
        );
    },
    (e) => log.error('loading the status-bar commands failed', e),
  );
  return { statusBar, lifecycle, disposable: vscode.Disposable.from(statusBar, lifecycle, commands) };
}

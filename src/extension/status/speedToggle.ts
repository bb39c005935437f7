import * as vscode from 'vscode';
import type { Backend } from '../connection/backend';
import { CommandIds } from '../commandIds';
import { SettingKeys } from '../settings/settingsTable';
import { writeSetting } from '../settings/settingWriter';

/** What Toggle Fast Mode did (returned to callers such as tests; the user sees a message). */
export interface ToggleResult {
  readonly fastMode: boolean;
  /** Why nothing was switched on, when the model has no fast mode. */
  readonly refused?: string;
}

/** Names the models that have fast mode, for the explanation. */
function fastModelNames(backend: Backend): string {
  const names = backend.catalog
    .all()
    .filter((m) => m.fastMode)
    .map((m) => m.displayName);
  return names.length === 0 ? 'no model known to Thinkfast' : names.join(', ');
}

async function toggleFastMode(backend: Backend): Promise<ToggleResult> {
  const cfg = backend.settings.current;
  const caps = backend.catalog.resolve(cfg.model);
  if (!caps.fastMode) {
    const refused = `${caps.displayName} has no fast mode. It is available on ${fastModelNames(backend)}.`;
    if (cfg.fastMode) {
      // Leaving it on would make every request fail; switching it off is the one useful toggle.
      await writeSetting(SettingKeys.fastMode, false);
      void vscode.window.showInformationMessage(`${refused} Fast mode is now off.`);
      return { fastMode: false, refused };
    }
    void vscode.window.showInformationMessage(refused, 'Select Model').then((choice) => {
      if (choice) void vscode.commands.executeCommand(CommandIds.selectModel);
    });
    return { fastMode: false, refused };
  }
  const fastMode = !cfg.fastMode;
  await writeSetting(SettingKeys.fastMode, fastMode);
  vscode.window.setStatusBarMessage(
    fastMode ? '$(zap) Fast mode on: faster output at a higher price' : 'Fast mode off: standard speed',
    3000,
  );
  return { fastMode };
}

/** Thinkfast: Toggle Fast Mode (status bar, palette, keybinding, chat composer). */
export function registerSpeedToggle(backend: Backend): vscode.Disposable {
  return vscode.commands.registerCommand(CommandIds.toggleFastMode, () => toggleFastMode(backend));
}

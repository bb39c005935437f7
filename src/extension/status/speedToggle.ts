import * as vscode from 'vscode';
import type { Backend } from '../connection/backend';
import { CommandIds } from '../commandIds';
import { SettingKeys } from '../settings/settingsTable';
import { writeSetting } from '../settings/settingWriter';
import type { ServedLedger } from './servedLedger';
import { ledgerSwitchCost } from './switchCost';

/** What Toggle Fast Mode did (returned to callers such as tests; the user sees a message). */
export interface ToggleResult {
  readonly fastMode: boolean;
  /** Why nothing was switched on, when the model has no fast mode. */
  readonly refused?: string;
  /** What the switch cost in lost prompt cache, when something cached was at stake. */
  readonly cacheCost?: string;
}

/** Names the models that have fast mode, for the explanation. */
function fastModelNames(backend: Backend): string {
  const names = backend.catalog
    .all()
    .filter((m) => m.fastMode)
    .map((m) => m.displayName);
  return names.length === 0 ? 'no model known to Thinkfast' : names.join(', ');
}

async function toggleFastMode(backend: Backend, ledger: ServedLedger): Promise<ToggleResult> {
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
  // Said before the next request: fast and standard do not share cached prefixes.
  const cacheCost = ledgerSwitchCost(
    ledger,
    caps,
    { caps, speed: fastMode ? 'fast' : 'standard' },
    cfg.cacheTtl,
  );
  await writeSetting(SettingKeys.fastMode, fastMode);
  const m = caps.fastPrices?.multiplier;
  const price = m === undefined ? 'at a higher price' : `at ${m}x the standard price`;
  const lost = cacheCost ? ` — the next request ${cacheCost}` : '';
  const text = fastMode
    ? `$(zap) Fast mode on: faster output ${price}${lost}`
    : `Fast mode off: standard speed${lost}`;
  vscode.window.setStatusBarMessage(text, cacheCost ? 8000 : 3000);
  return cacheCost ? { fastMode, cacheCost } : { fastMode };
}

/** Thinkfast: Toggle Fast Mode (status bar, palette, keybinding, chat composer). */
export function registerSpeedToggle(backend: Backend, ledger: ServedLedger): vscode.Disposable {
  return vscode.commands.registerCommand(CommandIds.toggleFastMode, () => toggleFastMode(backend, ledger));
}

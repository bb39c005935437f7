import * as vscode from 'vscode';
import type { ModelCapabilities } from '../../anthropic/models';
import type { Effort } from '../../anthropic/types';
import type { Backend } from '../connection/backend';
import { CommandIds } from '../commandIds';
import { SettingKeys } from '../settings/settingsTable';
import { groupLabels, groupModels, retirementText } from './modelGroups';
import { adjustmentsFor } from './modelSwitch';
import { writeSetting } from '../settings/settingWriter';
import { effortDescriptions, modelDetail } from './statusText';
import { showPick } from '../quickPick';
import type { ServedLedger } from './servedLedger';
import { ledgerSwitchCost } from './switchCost';

interface EffortItem extends vscode.QuickPickItem {
  readonly level: Effort;
}

interface ModelItem extends vscode.QuickPickItem {
  /** Empty for a group separator. */
  readonly id: string;
}

function effortItems(caps: ModelCapabilities, current: Effort, switchCost?: string): EffortItem[] {
  return caps.effortLevels.map((level) => {
    const marks = [level === caps.defaultEffort ? 'default' : '', level === current ? 'current' : ''].filter(
      (m) => m !== '',
    );
    // On most models a new effort level starts a new prompt cache.
    const cost = switchCost && level !== current ? ` Switching ${switchCost}.` : '';
    return {
      level,
      label: level,
      description: marks.join(' · '),
      detail: `${effortDescriptions[level]}${cost}`,
    };
  });
}

/**
 * Thinkfast: Set Effort. With a level argument (keyboard shortcuts, tests) it sets that level;
 * otherwise it offers exactly the levels the current model accepts. Resolves with the level set.
 */
async function setEffort(backend: Backend, ledger: ServedLedger, arg: unknown): Promise<Effort | undefined> {
  const cfg = backend.settings.current;
  const caps = backend.catalog.resolve(cfg.model);
  if (caps.effortLevels.length === 0) {
    void vscode.window
      .showInformationMessage(
        `${caps.displayName} has no effort levels: it decides how much to think by itself.`,
        'Select Model',
      )
      .then((choice) => {
        if (choice) void vscode.commands.executeCommand(CommandIds.selectModel);
      });
    return undefined;
  }
  let level: Effort | undefined;
  if (typeof arg === 'string') {
    if (!(caps.effortLevels as string[]).includes(arg)) {
      void vscode.window.showWarningMessage(
        `${caps.displayName} has no “${arg}” effort. Its levels are ${caps.effortLevels.join(', ')}.`,
      );
      return undefined;
    }
    level = arg as Effort;
  } else {
    const speed = cfg.fastMode && caps.fastMode ? 'fast' : 'standard';
    const items = effortItems(
      caps,
      cfg.effort,
      ledgerSwitchCost(ledger, caps, { caps, speed }, cfg.cacheTtl),
    );
    const item = await showPick<EffortItem>((qp) => {
      qp.title = `Effort for ${caps.displayName}`;
      qp.placeholder = `How much the model thinks (now: ${cfg.effort})`;
      qp.items = items;
      qp.activeItems = items.filter((i) => i.level === cfg.effort);
      return undefined;
    });
    level = item?.level;
  }
  if (level === undefined) return undefined;
  if (level !== cfg.effort) await writeSetting(SettingKeys.effort, level);
  return level;
}

/** The models by group (current, legacy, deprecated with the date); retired ones are not offered. */
function modelItems(backend: Backend, current: string, ledger: ServedLedger): ModelItem[] {
  const cfg = backend.settings.current;
  const from = backend.catalog.resolve(current);
  const cost = (caps: ModelCapabilities): string => {
    if (caps.id === current) return '';
    const speed = cfg.fastMode && caps.fastMode ? 'fast' : 'standard';
    const text = ledgerSwitchCost(ledger, from, { caps, speed }, cfg.cacheTtl);
    return text ? ` · switching ${text}` : '';
  };
  return groupModels(backend.catalog.all(), current).flatMap(({ group, models }) => [
    { id: '', label: groupLabels[group], kind: vscode.QuickPickItemKind.Separator },
    ...models.map((caps) => {
      const retires = retirementText(caps);
      const marks = [caps.id, retires, caps.id === current ? 'current' : undefined].filter(Boolean);
      return {
        id: caps.id,
        label: caps.displayName,
        description: marks.join(' · '),
        detail: `${modelDetail(caps)}${cost(caps)}`,
      };
    }),
  ]);
}

/** What Select Model did: the model now set, and the notices about adjusted settings. */
export interface ModelChoice {
  readonly model: string;
  readonly notices: readonly string[];
}

/**
 * Thinkfast: Select Model. Lists the built-in models merged with `GET /v1/models` and overrides
 * (refreshed while the pick is open). A model id argument skips the pick. Switching to a model
 * that lacks the current effort or fast mode changes those settings and says so.
 */
async function selectModel(
  backend: Backend,
  ledger: ServedLedger,
  arg: unknown,
): Promise<ModelChoice | undefined> {
  const cfg = backend.settings.current;
  let id: string | undefined;
  if (typeof arg === 'string' && arg.trim() !== '') {
    id = arg.trim();
  } else {
    const item = await showPick<ModelItem>((qp) => {
      const fill = (): void => {
        const activeId = qp.activeItems[0]?.id ?? cfg.model;
        qp.items = modelItems(backend, cfg.model, ledger);
        qp.activeItems = qp.items.filter((i) => i.id === activeId);
      };
      qp.title = 'Thinkfast: Select Model';
      qp.placeholder = `Model for chat and refactors (now: ${cfg.model})`;
      qp.matchOnDescription = true;
      qp.matchOnDetail = true;
      fill();
      // The server's model list may not have been fetched yet: fetch it and refresh the list.
      qp.busy = true;
      void backend.prepare().finally(() => (qp.busy = false));
      return backend.onDidChange(fill);
    });
    id = item?.id || undefined;
  }
  if (id === undefined) return undefined;
  const caps = backend.catalog.resolve(id);
  if (id !== cfg.model) await writeSetting(SettingKeys.model, id);
  const adjustments = adjustmentsFor(caps, { effort: cfg.effort, fastMode: cfg.fastMode });
  for (const a of adjustments)
    await writeSetting(a.setting === 'effort' ? SettingKeys.effort : SettingKeys.fastMode, a.value);
  const notices = adjustments.map((a) => a.notice);
  if (notices.length > 0) void vscode.window.showInformationMessage(notices.join(' '));
  return { model: id, notices };
}

/** Set Effort and Select Model (status bar, palette, chat composer). */
export function registerPickers(backend: Backend, ledger: ServedLedger): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(CommandIds.setEffort, (arg: unknown) => setEffort(backend, ledger, arg)),
    vscode.commands.registerCommand(CommandIds.selectModel, (arg: unknown) =>
      selectModel(backend, ledger, arg),
    ),
  );
}

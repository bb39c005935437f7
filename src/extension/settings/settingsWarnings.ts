import * as vscode from 'vscode';
import type { SettingProblem } from './settingProblems';
import { configSection } from './settingsTable';

/** A warning as the tests read it. */
export interface SettingWarningShown {
  readonly key: string;
  readonly message: string;
}

export const openSettingsLabel = 'Open Settings';

/**
 * Shows each bad setting value once: a warning with "Open Settings" on that setting. Each source
 * (the settings snapshot, the model's limits) reports its whole current list on every read; a
 * problem is shown when it first appears, and shown again only if it went away (the value was
 * fixed) and came back.
 */
export class SettingsWarnings {
  private readonly current = new Map<string, ReadonlySet<string>>();
  private readonly log: SettingWarningShown[] = [];

  /** Every warning shown in this session, oldest first. */
  get shown(): readonly SettingWarningShown[] {
    return this.log;
  }

  report(source: string, problems: readonly SettingProblem[]): void {
    const before = this.current.get(source) ?? new Set<string>();
    const now = new Set<string>();
    for (const problem of problems) {
      if (!before.has(problem.id) && !now.has(problem.id)) this.show(problem);
      now.add(problem.id);
    }
    this.current.set(source, now);
  }

  private show(problem: SettingProblem): void {
    this.log.push({ key: problem.key, message: problem.message });
    void vscode.window.showWarningMessage(problem.message, openSettingsLabel).then((choice) => {
      if (choice === openSettingsLabel)
        void vscode.commands.executeCommand(
          'workbench.action.openSettings',
          `${configSection}.${problem.key}`,
        );
    });
  }
}

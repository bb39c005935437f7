import * as vscode from 'vscode';
import { configSection, type SettingKey } from './settingsTable';

/**
 * Writes a setting where it takes effect: the workspace when the workspace already sets it
 * (writing the user value would change nothing the user sees), else the user settings.
 */
export async function writeSetting(key: SettingKey, value: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration(configSection);
  const inspected = config.inspect(key);
  const target =
    inspected?.workspaceValue !== undefined
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
  await config.update(key, value, target);
}

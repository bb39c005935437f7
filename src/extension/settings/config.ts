import * as vscode from 'vscode';
import { Disposable } from '../dispose';
import { ConfigSnapshot, type ConfigSource } from './configSnapshot';
import { configSection } from './settingsTable';
import { SettingsWarnings } from './settingsWarnings';

export { ConfigSnapshot };

/**
 * Reads the settings now. Settings that decide where the key is sent come from the user's
 * settings only (a cloned repository's `.vscode/settings.json` must not redirect the key; the
 * manifest marks them application-scoped too), and in an untrusted workspace so does the system
 * prompt. Most code reads the cached {@link Settings.current} instead.
 */
export function readConfig(): ConfigSnapshot {
  const c = vscode.workspace.getConfiguration(configSection);
  const user = (key: string): unknown => {
    const inspected = c.inspect(key);
    return inspected?.globalValue ?? inspected?.defaultValue;
  };
  const source: ConfigSource = {
    get: (key) => c.get(key),
    user,
    trusted: (key) => (vscode.workspace.isTrusted ? c.get(key) : user(key)),
  };
  return new ConfigSnapshot(source);
}

/**
 * The settings, read once and cached until a Thinkfast setting (or workspace trust) changes;
 * `onDidChange` fires only when the new snapshot differs from the old one.
 */
export class Settings extends Disposable {
  private snapshot: ConfigSnapshot;
  private readonly changed = this.register(new vscode.EventEmitter<ConfigSnapshot>());
  readonly onDidChange = this.changed.event;

  /** `warnings` shows each bad value once, on the read that first finds it. */
  constructor(readonly warnings = new SettingsWarnings()) {
    super();
    this.snapshot = readConfig();
    warnings.report('settings', this.snapshot.problems);
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(configSection)) this.refresh();
      }),
    );
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.refresh()));
  }

  get current(): ConfigSnapshot {
    return this.snapshot;
  }

  private refresh(): void {
    const next = readConfig();
    this.warnings.report('settings', next.problems);
    if (next.isEqualTo(this.snapshot)) return;
    this.snapshot = next;
    this.changed.fire(next);
  }
}

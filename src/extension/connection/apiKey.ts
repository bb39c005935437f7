import type * as vscode from 'vscode';

const secretKey = 'thinkfast.apiKey';

/** Where the key came from, for messages (never the key itself). */
export type KeySource = 'secretStorage' | 'environment' | 'simulator';

/**
 * The API key lives only in SecretStorage, or in the ANTHROPIC_API_KEY environment variable.
 * It is never written to settings, logs, the webview or error messages.
 */
export class ApiKeyStore {
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  /** The stored key, else the environment's, else undefined. */
  async get(): Promise<{ key: string; source: KeySource } | undefined> {
    const stored = await this.secrets.get(secretKey);
    if (stored) return { key: stored, source: 'secretStorage' };
    const fromEnv = this.env.ANTHROPIC_API_KEY?.trim();
    if (fromEnv) return { key: fromEnv, source: 'environment' };
    return undefined;
  }

  async set(key: string): Promise<void> {
    await this.secrets.store(secretKey, key.trim());
  }

  async clear(): Promise<void> {
    await this.secrets.delete(secretKey);
  }

  /** Fires when the key changes here or in another window. */
  onDidChange(listener: () => void): vscode.Disposable {
    return this.secrets.onDidChange((e) => {
      if (e.key === secretKey) listener();
    });
  }
}

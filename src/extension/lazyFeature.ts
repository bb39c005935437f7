// A feature whose code loads on first use, so that activation evaluates only what it shows at
// once (the status bar). No vscode import at run time: unit-tested in plain Node.

import type * as vscode from 'vscode';

/** The part of `vscode.commands` a lazy feature uses (a fake one in the unit tests). */
export interface CommandRegistry {
  registerCommand(id: string, run: (...args: unknown[]) => unknown): vscode.Disposable;
  executeCommand(id: string, ...args: unknown[]): Thenable<unknown>;
}

/**
 * Registers the feature's commands at once as stand-ins. The first call of one of them, or
 * `get()`, loads the feature's code; when it is there the stand-ins are withdrawn and `start`
 * registers the real commands in the same turn, so there is never a moment with neither. Every
 * call made meanwhile waits for the load and then runs the real command, in the order the calls
 * came, with their arguments, returning its result: nothing fired before the code arrives is lost.
 * A load that fails rejects the calls waiting for it and is tried again on the next use.
 */
export class LazyFeature<T extends vscode.Disposable> implements vscode.Disposable {
  private loading: Promise<T> | undefined;
  private standIns: vscode.Disposable[];
  private started: T | undefined;
  private disposed = false;

  /**
   * @param load imports the feature's code and returns what starts it (registers its commands).
   * @param onError told when loading or starting fails (the caller's promise rejects too).
   */
  constructor(
    commands: CommandRegistry,
    commandIds: readonly string[],
    private readonly load: () => Promise<() => T>,
    private readonly onError: (e: unknown) => void,
  ) {
    this.standIns = commandIds.map((id) =>
      commands.registerCommand(id, async (...args: unknown[]) => {
        await this.get();
        return commands.executeCommand(id, ...args);
      }),
    );
  }

  /** The started feature, or undefined while its code has not loaded. */
  get loaded(): T | undefined {
    return this.started;
  }

  /** The started feature, loading it first if needed. */
  get(): Promise<T> {
    this.loading ??= this.start().catch((e: unknown) => {
      this.loading = undefined;
      if (!this.disposed) this.onError(e);
      throw e;
    });
    return this.loading;
  }

  dispose(): void {
    this.disposed = true;
    for (const s of this.standIns) s.dispose();
    this.standIns = [];
    this.started?.dispose();
  }

  private async start(): Promise<T> {
    const start = await this.load();
    if (this.disposed) throw new Error('Thinkfast was deactivated while a feature was loading');
    for (const s of this.standIns) s.dispose();
    this.standIns = [];
    this.started = start();
    return this.started;
  }
}

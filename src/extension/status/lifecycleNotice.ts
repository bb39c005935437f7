import * as vscode from 'vscode';
import type { ModelCapabilities } from '../../anthropic/models';
import type { Backend } from '../connection/backend';
import { CommandIds } from '../commandIds';
import { Disposable } from '../dispose';
import { lifecycleNoticeText } from './modelGroups';

const shownKey = 'thinkfast.deprecationNoticesShown';

/** The notice as the tests read it. */
export interface LifecycleNoticeShown {
  readonly model: string;
  readonly message: string;
  /** The button's label, when there is a successor to switch to. */
  readonly action?: string;
  readonly successor?: string;
}

/**
 * Once per model, when the configured model is deprecated: a notice with its retirement date and
 * a one-click switch to its successor (through Select Model, which adjusts effort and speed).
 */
export class LifecycleNotice extends Disposable {
  private last: LifecycleNoticeShown | undefined;

  constructor(
    private readonly backend: Backend,
    private readonly memento: vscode.Memento,
  ) {
    super();
    this.register(backend.onDidChange(() => void this.check()));
    void this.check();
  }

  /** The last notice shown in this session. */
  get lastShown(): LifecycleNoticeShown | undefined {
    return this.last;
  }

  /** Does what the notice's button does. */
  async accept(notice: LifecycleNoticeShown | undefined = this.last): Promise<void> {
    if (notice?.successor) await vscode.commands.executeCommand(CommandIds.selectModel, notice.successor);
  }

  /** Forgets which models were announced (tests). */
  async reset(): Promise<void> {
    this.last = undefined;
    await this.memento.update(shownKey, undefined);
  }

  private async check(): Promise<void> {
    const caps = this.backend.catalog.resolve(this.backend.settings.current.model);
    if (caps.lifecycle.status !== 'deprecated') return;
    const shown = this.memento.get<string[]>(shownKey, []);
    if (shown.includes(caps.id)) return;
    await this.memento.update(shownKey, [...shown, caps.id]);
    if (this.isDisposed) return;
    this.show(caps);
  }

  private show(caps: ModelCapabilities): void {
    const successor = caps.lifecycle.successor;
    const target = successor ? this.backend.catalog.resolve(successor) : undefined;
    const text = lifecycleNoticeText(caps, target);
    const notice: LifecycleNoticeShown = {
      model: caps.id,
      message: text.message,
      ...(text.action && successor ? { action: text.action, successor } : {}),
    };
    this.last = notice;
    const buttons = notice.action ? [notice.action] : [];
    void vscode.window.showWarningMessage(notice.message, ...buttons).then((choice) => {
      if (choice !== undefined) void this.accept(notice);
    });
  }
}

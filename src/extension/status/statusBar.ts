import * as vscode from 'vscode';
import type { RateLimitInfo } from '../../anthropic/types';
import type { Backend } from '../connection/backend';
import { CommandIds } from '../commandIds';
import { Disposable } from '../dispose';
import type { StreamActivity } from './streamActivity';
import { effortView, modelView, speedView, type ItemView } from './statusText';
import { dayTotalLine, ledgerSwitchCost } from './switchCost';

/** What an item shows, as the tests read it. */
export interface ItemSnapshot {
  readonly text: string;
  readonly tooltip: string;
  readonly name: string;
  readonly ariaLabel: string;
}

/** The live rate is redrawn at most this often: each update is a message to the workbench. */
const rateRedrawMs = 250;
/** A stream that sends nothing for this long has ended as far as the speed item is concerned. */
const rateIdleMs = 1_500;
/** How long the finished response's measured tok/s stays in the speed item. */
const finalRateMs = 10_000;

/**
 * The speed, effort and model items. They redraw whenever settings, the model list or the key
 * change (from anywhere), when a response reports rate limits, and while a response streams.
 */
export class StatusBar extends Disposable {
  private readonly speed: vscode.StatusBarItem;
  private readonly effort: vscode.StatusBarItem;
  private readonly model: vscode.StatusBarItem;
  private tokensPerSecond: number | undefined;
  /** `tokensPerSecond` is the finished response's measured figure, not the live estimate. */
  private rateFinal = false;
  /** Today's spend line for the tooltips. */
  private day: string | undefined;
  /** Kept across standard responses, which carry no `anthropic-fast-*` headers. */
  private fastLimits: RateLimitInfo | undefined;
  private redrawTimer: ReturnType<typeof setTimeout> | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly backend: Backend,
    private readonly activity: StreamActivity,
  ) {
    super();
    // Below the editor's own items (priority ~100) so the three stay together, in this order.
    this.speed = this.item('thinkfast.speed', 'Thinkfast Speed', 52, CommandIds.toggleFastMode);
    this.effort = this.item('thinkfast.effort', 'Thinkfast Effort', 51, CommandIds.setEffort);
    this.model = this.item('thinkfast.model', 'Thinkfast Model', 50, CommandIds.selectModel);
    this.register(
      backend.onDidChange(() => {
        // A measured rate belongs to the settings that produced it.
        if (this.rateFinal) this.endRate();
        this.render();
      }),
    );
    this.register(
      activity.onDidRateLimits((limits) => {
        if (limits.fastInputTokens || limits.fastOutputTokens) this.fastLimits = limits;
        this.render();
      }),
    );
    this.register(activity.onDidChangeRate((tps) => this.progress(tps)));
    this.register(
      activity.onDidRespond((metrics) => {
        // The measured figure replaces the live estimate for a moment after the response ends.
        if (metrics.outputTokensPerSecond !== undefined && !metrics.usageEstimated) {
          this.tokensPerSecond = metrics.outputTokensPerSecond;
          this.rateFinal = true;
          clearTimeout(this.idleTimer);
          this.idleTimer = setTimeout(() => this.endRate(), finalRateMs);
        }
        this.render();
      }),
    );
    this.register(activity.onDidChangeConversation(() => this.render()));
    this.register(
      activity.onDidChangeStreaming((streaming) => {
        // The live estimate goes with the stream; a measured final figure stays its while.
        if (!streaming && !this.rateFinal) this.endRate();
      }),
    );
    this.register({
      dispose: () => {
        clearTimeout(this.redrawTimer);
        clearTimeout(this.idleTimer);
      },
    });
    this.fastLimits = activity.lastRateLimits;
    this.render();
    for (const item of [this.speed, this.effort, this.model]) item.show();
  }

  /** The items as they are drawn now (for the extension-host tests). */
  snapshot(): { speed: ItemSnapshot; effort: ItemSnapshot; model: ItemSnapshot } {
    const snap = (item: vscode.StatusBarItem): ItemSnapshot => ({
      text: item.text,
      tooltip:
        item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? ''),
      name: item.name ?? '',
      ariaLabel: item.accessibilityInformation?.label ?? '',
    });
    return { speed: snap(this.speed), effort: snap(this.effort), model: snap(this.model) };
  }

  private item(id: string, name: string, priority: number, command: string): vscode.StatusBarItem {
    const item = this.register(
      vscode.window.createStatusBarItem(id, vscode.StatusBarAlignment.Right, priority),
    );
    item.name = name;
    item.command = command;
    return item;
  }

  private render(): void {
    const cfg = this.backend.settings.current;
    const caps = this.backend.catalog.resolve(cfg.model);
    const fastModels = this.backend.catalog
      .all()
      .filter((m) => m.fastMode)
      .map((m) => m.displayName);
    const refused = this.backend.learned.refusal([caps.id, ...caps.aliases], 'speed');
    const otherSpeed = cfg.fastMode && caps.fastMode ? 'standard' : 'fast';
    const switchCost = caps.fastMode
      ? ledgerSwitchCost(this.activity.ledger, caps, { caps, speed: otherSpeed }, cfg.cacheTtl)
      : undefined;
    this.day = dayTotalLine(this.activity.ledger);
    this.draw(
      this.speed,
      speedView({
        caps,
        fastMode: cfg.fastMode,
        fastModels,
        ...(refused ? { fastRefused: refused } : {}),
        standardServed: this.activity.ledger.standardServed(caps.id),
        ...(switchCost ? { switchCost } : {}),
        ...(this.fastLimits ? { limits: this.fastLimits } : {}),
        ...(this.tokensPerSecond === undefined
          ? {}
          : { tokensPerSecond: this.tokensPerSecond, rateFinal: this.rateFinal }),
      }),
    );
    this.draw(this.effort, effortView(caps, cfg.effort));
    this.draw(this.model, modelView(caps));
  }

  private draw(item: vscode.StatusBarItem, view: ItemView): void {
    item.text = view.text;
    const day = this.day ? `\n\n${this.day}` : '';
    const tooltip = new vscode.MarkdownString(view.tooltip + day, true);
    // Command links in the tooltip may run only our own three commands.
    tooltip.isTrusted = {
      enabledCommands: [CommandIds.toggleFastMode, CommandIds.setEffort, CommandIds.selectModel],
    };
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: view.ariaLabel, role: 'button' };
    item.backgroundColor = view.warning
      ? new vscode.ThemeColor('statusBarItem.warningBackground')
      : undefined;
  }

  private progress(tokensPerSecond: number | undefined): void {
    this.tokensPerSecond = tokensPerSecond ?? this.tokensPerSecond;
    this.rateFinal = false;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.endRate(), rateIdleMs);
    this.redrawTimer ??= setTimeout(() => {
      this.redrawTimer = undefined;
      this.render();
    }, rateRedrawMs);
  }

  private endRate(): void {
    clearTimeout(this.idleTimer);
    this.rateFinal = false;
    if (this.tokensPerSecond === undefined) return;
    this.tokensPerSecond = undefined;
    this.render();
  }
}

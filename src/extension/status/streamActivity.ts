import * as vscode from 'vscode';
import type { RateLimitInfo, ResponseMetrics } from '../../anthropic/types';
import type { BlockDelta } from '../../shared/protocol';
import { Disposable } from '../dispose';
import { LiveRate } from './liveRate';
import { ServedLedger, type ResponseSource } from './servedLedger';

/** Counts one response's streamed characters into the live rate; `chars()` is the count so far. */
export interface Meter {
  (delta: BlockDelta): number | undefined;
  readonly chars: () => number;
}

/**
 * What the responses in flight (chat or refactor) are doing, for the status bar and the refactor
 * notification: whether any streams, one live output-rate estimate, and the last rate limits.
 */
export class StreamActivity extends Disposable {
  private readonly rate = new LiveRate();
  private streams = 0;
  private readonly streamingEmitter = this.register(new vscode.EventEmitter<boolean>());
  private readonly rateEmitter = this.register(new vscode.EventEmitter<number | undefined>());
  private readonly limitsEmitter = this.register(new vscode.EventEmitter<RateLimitInfo>());
  /** True when a response starts streaming, false when the last one ends. */
  readonly onDidChangeStreaming = this.streamingEmitter.event;
  /** The live output tokens/s estimate (undefined while there is too little to go on). */
  readonly onDidChangeRate = this.rateEmitter.event;
  readonly onDidRateLimits = this.limitsEmitter.event;
  lastRateLimits: RateLimitInfo | undefined;
  /** Speed served per model and the day's spend, from each finished response. */
  readonly ledger = new ServedLedger();
  private readonly responseEmitter = this.register(new vscode.EventEmitter<ResponseMetrics>());
  /** A response finished (chat or refactor): the status bar redraws its speed and day total. */
  readonly onDidRespond = this.responseEmitter.event;
  private readonly conversationEmitter = this.register(new vscode.EventEmitter<void>());
  /** Another conversation is shown: no cached prompt is at stake any more (switch warnings go). */
  readonly onDidChangeConversation = this.conversationEmitter.event;

  /** Marks `work` as a streaming response for as long as it runs. */
  async streaming<T>(work: Promise<T>): Promise<T> {
    if (this.streams++ === 0) this.streamingEmitter.fire(true);
    try {
      return await work;
    } finally {
      if (--this.streams === 0) {
        this.rate.reset();
        this.streamingEmitter.fire(false);
      }
    }
  }

  /**
   * A meter for one response: give it each block delta; it counts the streamed characters (the
   * one place they are counted), feeds the live rate and returns the current tok/s estimate.
   */
  meter(now: () => number = Date.now): Meter {
    const started = now();
    let chars = 0;
    let tps: number | undefined;
    const meter = (delta: BlockDelta): number | undefined => {
      if (delta.op !== 'append' || delta.text === '') return tps;
      chars += delta.text.length;
      tps = this.rate.update(chars, now() - started) ?? tps;
      this.rateEmitter.fire(tps);
      return tps;
    };
    return Object.assign(meter, { chars: () => chars });
  }

  /**
   * A finished response: its final figures, and what the live estimate learns from them (`chars`:
   * what the response's meter counted).
   */
  reportResponse(metrics: ResponseMetrics, chars?: number, source: ResponseSource = 'chat'): void {
    if (chars !== undefined && !metrics.usageEstimated)
      this.rate.calibrate(chars, metrics.usage.output_tokens);
    this.ledger.add(metrics, source);
    this.responseEmitter.fire(metrics);
  }

  /** The chat shows another conversation (a new one, or one from history). */
  conversationChanged(): void {
    this.ledger.forgetLast();
    this.conversationEmitter.fire();
  }

  reportRateLimits(limits: RateLimitInfo): void {
    this.lastRateLimits = limits;
    this.limitsEmitter.fire(limits);
  }
}

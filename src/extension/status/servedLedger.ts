// What finished responses said about speed and money: per model, how many fast requests in a row
// were served at standard speed (`usage.speed`), and the spend of the day. No vscode import.

import type { ResponseMetrics, Speed, Usage } from '../../anthropic/types';

/** The last chat response: what its prompt left in the cache, on which model and speed. */
export interface LastResponse {
  readonly model: string;
  readonly speed: Speed;
  readonly usage: Usage;
  /** ms since epoch. */
  readonly at: number;
}

/** Which feature a response served: the chat conversation or a refactor. */
export type ResponseSource = 'chat' | 'refactor';

/** After this many fast requests in a row served at standard speed, the speed item says so. */
export const standardServedStreak = 2;

export class ServedLedger {
  private readonly streaks = new Map<string, number>();
  private day = '';
  private dayUsd = 0;
  private dayResponses = 0;
  private dayUnpriced = 0;
  private lastResponse: LastResponse | undefined;

  constructor(
    private readonly today: () => string = () => new Date().toISOString().slice(0, 10),
    private readonly now: () => number = Date.now,
  ) {}

  /** The last response, while its cached prompt may still live (`ttlMs` after it). */
  last(ttlMs: number): LastResponse | undefined {
    const l = this.lastResponse;
    return l && this.now() - l.at < ttlMs ? l : undefined;
  }

  /** A new conversation starts: nothing cached is at stake any more. */
  forgetLast(): void {
    this.lastResponse = undefined;
  }

  /**
   * A finished response. Every one counts in the day's spend and the served-speed streaks; only a
   * chat response (`source`) is the one whose cached prompt a switch would lose.
   */
  add(m: ResponseMetrics, source: ResponseSource = 'chat'): void {
    if (m.requestedSpeed === 'fast' && !m.fellBack) {
      const served = m.speed ?? 'standard';
      this.streaks.set(m.model, served === 'standard' ? (this.streaks.get(m.model) ?? 0) + 1 : 0);
    }
    if (source === 'chat')
      this.lastResponse = { model: m.model, speed: m.speed ?? 'standard', usage: m.usage, at: this.now() };
    this.roll();
    this.dayResponses += 1;
    if (m.cost) this.dayUsd += m.cost.totalUsd;
    else this.dayUnpriced += 1;
  }

  /** True when `model`'s fast requests keep being served at standard speed. */
  standardServed(model: string): boolean {
    return (this.streaks.get(model) ?? 0) >= standardServedStreak;
  }

  /** Today's spend (local responses of this window), and how many responses had no known price. */
  dayTotal(): { usd: number; responses: number; unpriced: number } {
    this.roll();
    return { usd: this.dayUsd, responses: this.dayResponses, unpriced: this.dayUnpriced };
  }

  private roll(): void {
    const today = this.today();
    if (today === this.day) return;
    this.day = today;
    this.dayUsd = 0;
    this.dayResponses = 0;
    this.dayUnpriced = 0;
  }
}

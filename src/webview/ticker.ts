// One shared once-a-second clock for thinking timers and retry countdowns, running only while
// something is listening, so an idle panel costs nothing.

export type TickListener = (now: number) => void;

export class Ticker {
  private readonly listeners = new Set<TickListener>();
  private timer: ReturnType<typeof setInterval> | undefined;

  /** Calls `listener` every second until the returned function is called. */
  add(listener: TickListener): () => void {
    this.listeners.add(listener);
    this.timer ??= setInterval(() => this.tick(), 1000);
    return () => this.remove(listener);
  }

  private remove(listener: TickListener): void {
    this.listeners.delete(listener);
    if (this.listeners.size === 0 && this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private tick(): void {
    const now = Date.now();
    for (const listener of [...this.listeners]) listener(now);
  }
}

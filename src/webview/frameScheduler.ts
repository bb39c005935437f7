// Batches DOM writes to one per animation frame. Deltas may arrive faster than frames (or while
// the view is hidden and frames stop); they only mark work as dirty, and the work runs once.

export interface Flushable {
  flush(): void;
}

export class FrameScheduler {
  private readonly dirty = new Set<Flushable>();
  private requested = false;

  /** `afterFlush` runs after each frame's writes, e.g. to keep the view scrolled to the bottom. */
  constructor(private readonly afterFlush: () => void) {}

  schedule(item: Flushable): void {
    this.dirty.add(item);
    if (this.requested) return;
    this.requested = true;
    requestAnimationFrame(() => this.flushNow());
  }

  /** Runs pending work immediately (a turn ended and its final state should show at once). */
  flushNow(): void {
    this.requested = false;
    if (this.dirty.size === 0) return;
    const items = [...this.dirty];
    this.dirty.clear();
    for (const item of items) item.flush();
    this.afterFlush();
  }
}

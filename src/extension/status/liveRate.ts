// A live output-speed estimate while a response streams, from the characters seen so far. The
// exact count arrives only with the final usage; until then characters are turned into tokens at
// a ratio learned from finished responses (visible characters per billed output token, which also
// covers thinking that is billed but not shown), starting from ~4 characters per token. So the
// live number moves toward the footer's final figure response by response. No vscode import.

export const charsPerToken = 4;

/** Samples older than this fall out of the window, so the number follows the stream's pace. */
const windowMs = 2_000;
/** Below this much elapsed time a rate is noise (the first batch arrives all at once). */
const minSpanMs = 250;

interface Sample {
  readonly chars: number;
  readonly ms: number;
}

/** How much each finished response moves the learned ratio (an exponential moving average). */
const learnWeight = 0.5;

export class LiveRate {
  private samples: Sample[] = [];
  /** Visible characters per billed output token, learned from finished responses. */
  private ratio = charsPerToken;

  /**
   * Learns from a finished response: `chars` visible characters were streamed for `outputTokens`
   * billed tokens. Ignores responses too small to say anything.
   */
  calibrate(chars: number, outputTokens: number): void {
    if (chars < 200 || outputTokens < 50) return;
    const observed = Math.min(Math.max(chars / outputTokens, 0.5), 12);
    this.ratio = this.ratio + learnWeight * (observed - this.ratio);
  }

  get charsPerToken(): number {
    return this.ratio;
  }

  /**
   * Adds a sample (characters streamed so far, ms since the request started) and returns the
   * estimated output tokens per second, or undefined while there is too little to go on. A
   * sample that goes backwards starts a new stream.
   */
  update(chars: number, elapsedMs: number): number | undefined {
    const last = this.samples.at(-1);
    if (last && (elapsedMs < last.ms || chars < last.chars)) this.samples = [];
    this.samples.push({ chars, ms: elapsedMs });
    while (this.samples.length > 2 && elapsedMs - (this.samples[1]?.ms ?? elapsedMs) >= windowMs)
      this.samples.shift();
    return this.current();
  }

  current(): number | undefined {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (!first || !last || last.ms - first.ms < minSpanMs) return undefined;
    return (last.chars - first.chars) / this.ratio / ((last.ms - first.ms) / 1000);
  }

  reset(): void {
    this.samples = [];
  }
}

// The rate-limit headers the API sends on every messages response. Limits are per minute; usage
// is counted in a fixed one-minute window (the real API refills continuously — close enough for a
// client that only displays the numbers and honours retry-after).

export interface RateLimitSettings {
  requestsPerMinute: number;
  inputTokensPerMinute: number;
  outputTokensPerMinute: number;
  /** Fast mode has its own limits (`anthropic-fast-*`). */
  fastInputTokensPerMinute: number;
  fastOutputTokensPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  requestsPerMinute: 4_000,
  inputTokensPerMinute: 2_000_000,
  outputTokensPerMinute: 400_000,
  fastInputTokensPerMinute: 1_000_000,
  fastOutputTokensPerMinute: 200_000,
};

/** RFC 3339 without milliseconds, as the API writes it. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

interface Window {
  start: number;
  requests: number;
  input: number;
  output: number;
  fastInput: number;
  fastOutput: number;
}

export class RateLimiter {
  private window: Window = { start: 0, requests: 0, input: 0, output: 0, fastInput: 0, fastOutput: 0 };

  constructor(private readonly settings: () => RateLimitSettings) {}

  /** Counts a request as it arrives. */
  noteRequest(inputTokens: number, fast: boolean): void {
    const w = this.current();
    w.requests += 1;
    w.input += inputTokens;
    if (fast) w.fastInput += inputTokens;
  }

  /** Counts the output once it is known. */
  noteOutput(outputTokens: number, fast: boolean): void {
    const w = this.current();
    w.output += outputTokens;
    if (fast) w.fastOutput += outputTokens;
  }

  /**
   * Headers for a response. `exhausted` reports 0 remaining: the requests window for a standard
   * 429, the fast windows for a fast one.
   */
  headers(fast: boolean, exhausted = false): Record<string, string> {
    const s = this.settings();
    const w = this.current();
    const reset = rfc3339(w.start + 60_000);
    const out: Record<string, string> = {};
    const put = (prefix: string, limit: number, used: number, empty: boolean): void => {
      out[`${prefix}-limit`] = String(limit);
      out[`${prefix}-remaining`] = String(empty ? 0 : Math.max(0, limit - used));
      out[`${prefix}-reset`] = reset;
    };
    put('anthropic-ratelimit-requests', s.requestsPerMinute, w.requests, exhausted && !fast);
    put(
      'anthropic-ratelimit-tokens',
      s.inputTokensPerMinute + s.outputTokensPerMinute,
      w.input + w.output,
      false,
    );
    put('anthropic-ratelimit-input-tokens', s.inputTokensPerMinute, w.input, false);
    put('anthropic-ratelimit-output-tokens', s.outputTokensPerMinute, w.output, false);
    if (fast) {
      put('anthropic-fast-input-tokens', s.fastInputTokensPerMinute, w.fastInput, exhausted);
      put('anthropic-fast-output-tokens', s.fastOutputTokensPerMinute, w.fastOutput, exhausted);
    }
    return out;
  }

  private current(): Window {
    const start = Math.floor(Date.now() / 60_000) * 60_000;
    if (this.window.start !== start) {
      this.window = { start, requests: 0, input: 0, output: 0, fastInput: 0, fastOutput: 0 };
    }
    return this.window;
  }
}

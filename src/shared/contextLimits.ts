// When the composer's context meter counts exactly, warns, and offers a fresh chat from a summary,
// as fractions of the model's context window. Shared by the host (which refuses to count below
// `count`) and the webview (which asks for a count only above it). Pure.

export const contextThresholds = {
  /** From here on the estimate is replaced by a count_tokens figure. */
  count: 0.7,
  /** The meter warns that the next request is near the limit. */
  warn: 0.8,
  /** The meter offers a new chat that starts from a summary of this one. */
  summarize: 0.9,
} as const;

// The rough token size of text before anything is counted exactly: about four characters per
// token for English and code. Shared by the host (chip sizes) and the webview (the draft). Pure.

export const estimatedCharsPerToken = 4;

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / estimatedCharsPerToken);
}

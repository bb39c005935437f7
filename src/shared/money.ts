// The one money formatter, used by the host (cost lines, notices, status-bar tooltips) and the
// webview (footer). Pure: no vscode, no Node, no DOM.

/** Dollars with enough digits that a cheap response does not show as $0.00. */
export function formatUsd(usd: number): string {
  if (usd === 0) return '$0';
  const size = Math.abs(usd);
  if (size < 0.01) return `$${usd.toFixed(4)}`;
  if (size < 1) return `$${usd.toFixed(3)}`;
  return `$${usd.toFixed(2)}`;
}

/** A list price per million tokens: `$5`, `$2.50`. */
export function formatUsdPerMTok(usd: number): string {
  return `$${Number.isInteger(usd) ? usd : usd.toFixed(2)}`;
}

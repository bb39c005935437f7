// Money lines that add up: a breakdown (input, cache writes, cache read, output) shown at one
// precision whose displayed lines sum exactly to the displayed total. Pure; used by host and webview.
//
// Method: each amount is taken in integer nano-dollars, rounded (half up) to the display unit
// (10^-decimals dollars), and the total is the sum of the rounded lines — so the figures on the
// screen add up by construction. The displayed total may differ from the unrounded sum by at
// most half a unit per line.

/** Decimals for an amount: four below a cent, three below a dollar, else two (as `formatUsd`). */
export function usdDecimals(usd: number): number {
  const size = Math.abs(usd);
  if (size !== 0 && size < 0.01) return 4;
  if (size !== 0 && size < 1) return 3;
  return 2;
}

export interface MoneyColumn {
  decimals: number;
  /** Each line in display units (10^-decimals dollars), rounded. */
  units: number[];
  /** Each line as shown, e.g. `$0.0091`. */
  lines: string[];
  /** The sum of the rounded lines, as shown. */
  total: string;
  /** The sum of the rounded lines in dollars. */
  totalUsd: number;
}

const NANO = 1_000_000_000;

function roundedUnits(usd: number, decimals: number): number {
  const nano = Math.round(usd * NANO);
  const per = 10 ** (9 - decimals);
  const sign = nano < 0 ? -1 : 1;
  const abs = Math.abs(nano);
  return sign * (Math.floor(abs / per) + (abs % per >= per / 2 ? 1 : 0));
}

/** An amount in display units as dollars text: `$0.0091`, `-$0.50`. */
export function formatUnits(units: number, decimals: number): string {
  const sign = units < 0 ? '-' : '';
  const abs = Math.abs(units);
  const scale = 10 ** decimals;
  const whole = Math.floor(abs / scale);
  const frac = String(abs % scale).padStart(decimals, '0');
  return `${sign}$${whole}.${frac}`;
}

/**
 * A column of amounts at one precision (default: the precision of their unrounded sum) whose
 * lines add up exactly to its total.
 */
export function moneyColumn(amountsUsd: readonly number[], decimals?: number): MoneyColumn {
  const d = decimals ?? usdDecimals(amountsUsd.reduce((s, a) => s + a, 0));
  const units = amountsUsd.map((a) => roundedUnits(a, d));
  const sum = units.reduce((s, u) => s + u, 0);
  return {
    decimals: d,
    units,
    lines: units.map((u) => formatUnits(u, d)),
    total: formatUnits(sum, d),
    totalUsd: sum / 10 ** d,
  };
}

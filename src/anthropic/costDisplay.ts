// A cost breakdown as the user reads it: every line and the total at one precision, the lines
// adding up exactly to the total (rounded per line, total = sum of the rounded lines; see
// src/shared/moneyColumn.ts), plus the cache saving. Pure.

import { formatUsd } from '../shared/money';
import { moneyColumn } from '../shared/moneyColumn';
import type { CostBreakdown, CostKind } from './types';

export interface CostDisplayLine {
  kind: CostKind;
  label: string;
  tokens: number;
  usdPerMTok: number;
  /** The line's amount at the breakdown's precision, e.g. `$0.009`. */
  text: string;
}

export interface CostDisplay {
  lines: CostDisplayLine[];
  /** The sum of the shown lines, at the same precision; `~` in front when the usage is an estimate. */
  total: string;
  /** Digits after the point for every figure of the breakdown. */
  decimals: number;
  /** `cache saved $0.031`, or undefined when nothing was read from the cache. */
  saved?: string;
}

export function displayCost(cost: CostBreakdown): CostDisplay {
  const column = moneyColumn(cost.lines.map((l) => l.usd));
  const lines = cost.lines.map((l, i) => ({
    kind: l.kind,
    label: l.label,
    tokens: l.tokens,
    usdPerMTok: l.usdPerMTok,
    text: column.lines[i] ?? '',
  }));
  const display: CostDisplay = {
    lines,
    total: `${cost.estimated ? '~' : ''}${column.total}`,
    decimals: column.decimals,
  };
  if (cost.cacheSavedUsd > 0) display.saved = `cache saved ${formatUsd(cost.cacheSavedUsd)}`;
  return display;
}

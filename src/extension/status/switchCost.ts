// What switching model, speed, effort or thinking costs in lost prompt cache, in the words the
// toggle and the pickers show before the switch, and the day's spend for the tooltips. No vscode.

import { estimateSwitchCost } from '../../anthropic/cacheCost';
import type { ModelCapabilities } from '../../anthropic/models';
import type { CacheTtl, Speed } from '../../anthropic/types';
import { formatUsd } from '../../shared/money';
import type { LastResponse, ServedLedger } from './servedLedger';

export const ttlMs: Readonly<Record<CacheTtl, number>> = { '5m': 5 * 60_000, '1h': 60 * 60_000 };

/**
 * `re-writes ≈ 12,400 cached tokens ≈ $0.062`, or undefined when nothing cached is at stake (no
 * recent response, or nothing was cached).
 */
export function switchCostText(
  last: LastResponse | undefined,
  from: ModelCapabilities,
  to: { caps: ModelCapabilities; speed: Speed },
  ttl: CacheTtl,
): string | undefined {
  if (!last) return undefined;
  const cost = estimateSwitchCost(last.usage, { caps: from, speed: last.speed }, to, ttl);
  if (cost === 'unknown') return 're-sends the cached prompt (price unknown)';
  return cost.tokens > 0 ? cost.text : undefined;
}

/** The switch cost from the ledger's last response, at the configured TTL. */
export function ledgerSwitchCost(
  ledger: ServedLedger,
  from: ModelCapabilities,
  to: { caps: ModelCapabilities; speed: Speed },
  ttl: CacheTtl,
): string | undefined {
  return switchCostText(ledger.last(ttlMs[ttl]), from, to, ttl);
}

/** `Today: $0.42 over 12 responses` (chat in this window), with unpriced ones counted apart. */
export function dayTotalLine(ledger: ServedLedger): string | undefined {
  const d = ledger.dayTotal();
  if (d.responses === 0) return undefined;
  const unpriced = d.unpriced > 0 ? ` (${d.unpriced} without a known price)` : '';
  return `Today: ${formatUsd(d.usd)} over ${d.responses} response${d.responses === 1 ? '' : 's'}${unpriced}`;
}

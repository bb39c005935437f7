// What has to change when the user picks a model that cannot honour the current effort level or
// speed, and the notice that says so. No vscode import.

import type { ModelCapabilities } from '../../anthropic/models';
import { EFFORTS, type Effort } from '../../anthropic/types';

export type Adjustment =
  | { readonly setting: 'effort'; readonly value: Effort; readonly notice: string }
  | { readonly setting: 'fastMode'; readonly value: false; readonly notice: string };

const order: readonly Effort[] = EFFORTS;

/**
 * The supported level closest to `wanted`: the model's default when it has one, else the highest
 * level below the wanted one, else its lowest level.
 */
export function nearestEffort(caps: ModelCapabilities, wanted: Effort): Effort | undefined {
  const levels = caps.effortLevels;
  if (levels.length === 0) return undefined;
  if (levels.includes(wanted)) return wanted;
  if (caps.defaultEffort && levels.includes(caps.defaultEffort)) return caps.defaultEffort;
  const below = levels.filter((l) => order.indexOf(l) < order.indexOf(wanted));
  return below.at(-1) ?? levels[0];
}

/**
 * The settings to change so the next request to `caps` is valid. A model without effort levels
 * needs no change: the effort setting is simply not sent to it.
 */
export function adjustmentsFor(
  caps: ModelCapabilities,
  current: { effort: Effort; fastMode: boolean },
): Adjustment[] {
  const out: Adjustment[] = [];
  const effort = nearestEffort(caps, current.effort);
  if (effort !== undefined && effort !== current.effort) {
    out.push({
      setting: 'effort',
      value: effort,
      notice: `${caps.displayName} has no ${current.effort} effort: effort set to ${effort}.`,
    });
  }
  if (current.fastMode && !caps.fastMode) {
    out.push({
      setting: 'fastMode',
      value: false,
      notice: `${caps.displayName} has no fast mode: switched to standard speed.`,
    });
  }
  return out;
}

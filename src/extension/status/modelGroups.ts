// The model picker's groups (current / legacy / deprecated with its date; retired hidden) and the
// words of the one-time deprecation notice. No vscode import: unit-tested in plain Node.

import type { ModelCapabilities } from '../../anthropic/models';

export type ModelGroup = 'current' | 'legacy' | 'deprecated' | 'other';

export const groupLabels: Readonly<Record<ModelGroup, string>> = {
  current: 'Current',
  legacy: 'Legacy',
  deprecated: 'Deprecated',
  other: 'Other models',
};

const groupOrder: readonly ModelGroup[] = ['current', 'legacy', 'deprecated', 'other'];

export function groupOf(caps: ModelCapabilities): ModelGroup | undefined {
  switch (caps.lifecycle.status) {
    case 'active':
      return 'current';
    case 'legacy':
      return 'legacy';
    case 'deprecated':
      return 'deprecated';
    case 'retired':
      return undefined;
    case 'unknown':
      // A model only the server describes, or one whose status nobody sourced.
      return 'other';
  }
}

/** `retires 2027-01-22`, `retirement was due 2026-11-30`, or undefined. */
export function retirementText(
  caps: ModelCapabilities,
  today = new Date().toISOString().slice(0, 10),
): string | undefined {
  const l = caps.lifecycle;
  if (l.retiresAt)
    return l.retiresAt < today ? `retirement was due ${l.retiresAt}` : `retires ${l.retiresAt}`;
  if (l.retiresNotBefore && l.status === 'deprecated') return `retires not before ${l.retiresNotBefore}`;
  return undefined;
}

/**
 * The models to offer, grouped in order, retired ones left out — except the configured one,
 * which stays visible (under its group or "other") so the user sees what is set.
 */
export function groupModels(
  all: readonly ModelCapabilities[],
  current: string,
): { group: ModelGroup; models: ModelCapabilities[] }[] {
  const groups = new Map<ModelGroup, ModelCapabilities[]>();
  for (const caps of all) {
    const group = groupOf(caps) ?? (caps.id === current ? 'other' : undefined);
    if (!group) continue;
    groups.set(group, [...(groups.get(group) ?? []), caps]);
  }
  return groupOrder.filter((g) => groups.has(g)).map((g) => ({ group: g, models: groups.get(g) ?? [] }));
}

/** The deprecation notice for `caps`, with the switch to its successor when there is one. */
export function lifecycleNoticeText(
  caps: ModelCapabilities,
  successor: ModelCapabilities | undefined,
  today?: string,
): { message: string; action?: string } {
  const when = retirementText(caps, today);
  const base = `${caps.displayName} is deprecated${when ? ` (${when})` : ''}: after retirement the API refuses it.`;
  if (!successor) return { message: `${base} Pick another model with “Thinkfast: Select Model”.` };
  return {
    message: `${base} Its successor is ${successor.displayName}.`,
    action: `Switch to ${successor.displayName}`,
  };
}

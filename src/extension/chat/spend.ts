// What a conversation has cost so far, and when the spend limit (`thinkfast.spendLimitPerConversation`)
// asks before the next turn: once the total has passed it, or when the next turn, if it costs what
// the last one did, would pass it. No vscode import: unit-tested in plain Node.

import { formatUsd } from '../../shared/money';
import type { Conversation } from './conversation';

export interface ConversationSpend {
  usd: number;
  /** Some turn's cost is an estimate (shown with `~`). */
  estimated: boolean;
  /** The last priced turn's cost. */
  lastUsd: number;
  /** Turns that produced something without a known price (not counted, never $0). */
  unpriced: number;
}

export function conversationSpend(c: Conversation): ConversationSpend {
  const out: ConversationSpend = { usd: 0, estimated: false, lastUsd: 0, unpriced: 0 };
  for (const t of c.turns) {
    const f = t.footer;
    if (!f) continue;
    if (f.costUsd === undefined) {
      out.unpriced += 1;
      continue;
    }
    out.usd += f.costUsd;
    out.lastUsd = f.costUsd;
    if (f.estimated) out.estimated = true;
  }
  return out;
}

/** The question to ask before the next turn, or undefined when the limit is off or far. */
export function spendQuestion(spend: ConversationSpend, limitUsd: number): string | undefined {
  if (!(limitUsd > 0)) return undefined;
  const total = `${spend.estimated ? '~' : ''}${formatUsd(spend.usd)}`;
  const limit = formatUsd(limitUsd);
  if (spend.usd >= limitUsd)
    return `This conversation has cost ${total}, past your limit of ${limit} (thinkfast.spendLimitPerConversation). Send the next turn anyway?`;
  if (spend.lastUsd > 0 && spend.usd + spend.lastUsd > limitUsd)
    return `This conversation has cost ${total} of your ${limit} limit; if the next turn costs what the last one did (${formatUsd(spend.lastUsd)}), it passes the limit. Send it anyway?`;
  return undefined;
}

// The line of facts under a finished response: what ran, how fast, how many tokens, what it cost.
import type { FooterView } from '../shared/protocol';
import { el, uniqueId } from './dom';
import { formatUsd } from '../shared/money';
import { formatCount, formatMs } from './format';

export function renderFooter(footer: FooterView): HTMLElement {
  const parts: (HTMLElement | string)[] = [el('span', { class: 'footer-model' }, footer.model)];
  if (footer.effort) parts.push(el('span', {}, `effort ${footer.effort}`));
  parts.push(
    el(
      'span',
      { class: footer.speed === 'fast' ? 'footer-speed fast' : 'footer-speed' },
      footer.speed === 'fast' ? '⚡ fast' : 'standard',
    ),
  );
  if (footer.fellBack) {
    parts.push(
      el(
        'span',
        {
          class: 'footer-fallback',
          title: 'Fast mode was rate-limited, so the request was re-sent at standard speed.',
        },
        'fell back to standard',
      ),
    );
  }
  if (footer.ttftMs !== undefined)
    parts.push(el('span', { title: 'Time to first token' }, `TTFT ${formatMs(footer.ttftMs)}`));
  if (footer.outputTokensPerSecond !== undefined) {
    parts.push(
      el('span', { title: 'Output tokens per second' }, `${footer.outputTokensPerSecond.toFixed(0)} tok/s`),
    );
  }
  parts.push(el('span', { title: 'Input tokens' }, `in ${formatCount(footer.inputTokens)}`));
  parts.push(
    el('span', { title: 'Output tokens (thinking included)' }, `out ${formatCount(footer.outputTokens)}`),
  );
  if (footer.cacheReadTokens > 0 || footer.cacheWriteTokens > 0) {
    parts.push(
      el(
        'span',
        { title: 'Prompt cache: tokens read / written' },
        `cache ${formatCount(footer.cacheReadTokens)} read / ${formatCount(footer.cacheWriteTokens)} written`,
      ),
    );
  }
  const cost = footer.costUsd !== undefined ? costElements(footer) : undefined;
  if (cost) parts.push(cost.cost);
  if (footer.simulator) parts.push(el('span', { class: 'badge simulator-badge' }, 'simulator'));
  const line = el('div', { class: 'footer', role: 'group', 'aria-label': 'Response details' });
  parts.forEach((part, i) => {
    if (i > 0) line.append(el('span', { class: 'footer-sep', 'aria-hidden': 'true' }, '·'));
    line.append(part);
  });
  if (cost?.description) line.append(cost.description);
  return line;
}

/** The cost with its breakdown as a tooltip and, for screen readers, as a description. */
function costElements(footer: FooterView): { cost: HTMLElement; description?: HTMLElement } {
  const lines = footer.costBreakdown.join('\n');
  const descriptionId = uniqueId('cost');
  const cost = el(
    'span',
    {
      class: 'footer-cost',
      tabindex: 0,
      title: lines || undefined,
      'aria-describedby': lines ? descriptionId : undefined,
    },
    formatUsd(footer.costUsd ?? 0),
  );
  if (!lines) return { cost };
  return {
    cost,
    description: el('span', { id: descriptionId, class: 'visually-hidden' }, footer.costBreakdown.join('; ')),
  };
}

/** Why the answer ended early, if it did, and what to do about it. */
export function describeStopReason(
  stopReason: string | undefined,
): { message: string; canContinue: boolean } | undefined {
  switch (stopReason) {
    case undefined:
    case 'end_turn':
    case 'stop_sequence':
      return undefined;
    case 'max_tokens':
      return {
        message:
          'The response hit max_tokens. Thinking and the answer share that budget, so deep thinking can crowd out ' +
          'the answer. Continue, or raise max_tokens or lower the effort for next time.',
        canContinue: true,
      };
    case 'refusal':
      return { message: 'The model declined to answer this request (refusal).', canContinue: false };
    default:
      return { message: `The response stopped early (${stopReason}).`, canContinue: false };
  }
}

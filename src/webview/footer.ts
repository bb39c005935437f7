// The line of facts under a finished response. It reads on one line in a narrow sidebar — model,
// speed, tokens, cost — and carries everything else (effort, timing, cache, thinking billed,
// request id) on hover and, for screen readers, as its description.
import type { FooterView } from '../shared/protocol';
import { el, uniqueId } from './dom';
import { formatUsd } from '../shared/money';
import { formatCount, formatMs } from './format';

export { describeStopReason } from './stopReasons';

/** Counts up to 9,999 in full, larger ones as `12.4K` / `1.2M`: the line must stay short. */
export function compactCount(n: number): string {
  if (n < 10_000) return formatCount(n);
  if (n < 1_000_000) return `${(n / 1000).toFixed(1).replace(/\.0$/, '')}K`;
  return `${(n / 1_000_000).toFixed(1).replace(/\.0$/, '')}M`;
}

function speedText(f: FooterView): { text: string; fast: boolean } {
  if (f.fellBack) return { text: 'fell back to standard', fast: false };
  if (f.requestedSpeed === 'fast' && f.speed === 'standard')
    return { text: 'fast requested · standard served', fast: false };
  return f.speed === 'fast' ? { text: '⚡ fast', fast: true } : { text: 'standard', fast: false };
}

/** Everything not on the line, one fact per line (the hover and the screen-reader description). */
export function footerDetails(f: FooterView): string[] {
  const est = f.estimated ? '~' : '';
  const lines = [
    `Model: ${f.model}${f.answeredBy ? ` · answered by ${f.answeredBy} (server-side fallback)` : ''}${f.effort ? ` · effort ${f.effort}` : ''}`,
  ];
  if (f.fellBack) lines.push('Fast mode was rate-limited, so the request was re-sent at standard speed.');
  else if (f.requestedSpeed === 'fast' && f.speed === 'standard')
    lines.push('Fast mode was requested, but the API served (and billed) standard speed.');
  const timing = [
    f.ttftMs === undefined ? '' : `TTFT ${formatMs(f.ttftMs)}`,
    f.outputTokensPerSecond === undefined ? '' : `${f.outputTokensPerSecond.toFixed(0)} tok/s`,
    f.totalMs === undefined ? '' : `total ${formatMs(f.totalMs)}`,
  ].filter((t) => t !== '');
  if (timing.length > 0) lines.push(timing.join(' · '));
  const thinking = f.thinkingTokens === undefined ? '' : ` (thinking ${formatCount(f.thinkingTokens)})`;
  lines.push(
    `Input ${formatCount(f.inputTokens)} tok · output ${est}${formatCount(f.outputTokens)} tok${thinking}`,
  );
  if (f.thinkingHidden && f.thinkingTokens !== undefined)
    lines.push(`Thinking hidden · ${formatCount(f.thinkingTokens)} tok billed`);
  if (f.cacheReadTokens > 0 || f.cacheWriteTokens > 0)
    lines.push(`Cache ${formatCount(f.cacheReadTokens)} read / ${formatCount(f.cacheWriteTokens)} written`);
  const cache = [f.cacheNote, f.cacheSaved].filter((t): t is string => Boolean(t));
  if (cache.length > 0) lines.push(cache.join(' · '));
  if (f.estimated)
    lines.push('~ The turn ended before the final usage arrived: output estimated from what arrived.');
  if (f.requestId) lines.push(`Request ${f.requestId}`);
  return lines;
}

export function renderFooter(footer: FooterView): HTMLElement {
  const speed = speedText(footer);
  const model = footer.answeredBy ? `answered by ${footer.answeredBy}` : (footer.modelLabel ?? footer.model);
  const est = footer.estimated ? '~' : '';
  const parts: HTMLElement[] = [
    el('span', { class: 'footer-model' }, model),
    el('span', { class: speed.fast ? 'footer-speed fast' : 'footer-speed' }, speed.text),
    el(
      'span',
      { class: 'footer-tokens' },
      `${compactCount(footer.inputTokens + footer.cacheReadTokens + footer.cacheWriteTokens)} in · ${est}${compactCount(footer.outputTokens)} out`,
    ),
  ];
  const cost = costElements(footer);
  parts.push(cost.cost);
  if (footer.simulator) parts.push(el('span', { class: 'badge simulator-badge' }, 'simulator'));
  const details = footerDetails(footer);
  const detailsId = uniqueId('footer');
  const line = el('div', {
    class: 'footer',
    role: 'group',
    'aria-label': 'Response details',
    title: details.join('\n'),
    'aria-describedby': detailsId,
  });
  parts.forEach((part, i) => {
    if (i > 0) line.append(el('span', { class: 'footer-sep', 'aria-hidden': 'true' }, '·'));
    line.append(part);
  });
  line.append(el('span', { id: detailsId, class: 'visually-hidden' }, details.join('; ')));
  if (cost.description) line.append(cost.description);
  return line;
}

/** The cost with its breakdown as a tooltip and, for screen readers, as a description. */
function costElements(footer: FooterView): { cost: HTMLElement; description?: HTMLElement } {
  if (footer.costUsd === undefined) {
    return {
      cost: el(
        'span',
        { class: 'footer-cost unknown', tabindex: 0, title: footer.costBreakdown.join('\n') },
        'price unknown',
      ),
    };
  }
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
    footer.costText ?? `${footer.estimated ? '~' : ''}${formatUsd(footer.costUsd)}`,
  );
  if (!lines) return { cost };
  return {
    cost,
    description: el('span', { id: descriptionId, class: 'visually-hidden' }, footer.costBreakdown.join('; ')),
  };
}

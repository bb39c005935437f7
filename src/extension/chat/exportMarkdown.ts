// A conversation as a Markdown document: title, then each prompt and answer, the thinking when asked
// for (as a quoted block), and the figures of the footer. Pure: tested in plain Node.

import type { ContentBlock } from '../../anthropic/types';
import type { FooterView } from '../../shared/protocol';
import { formatUsd } from '../../shared/money';
import type { Conversation, Turn } from './conversation';

export interface ExportOptions {
  readonly thinking: boolean;
}

/** A file name for the export: the title without characters file systems refuse. */
export function exportFileName(c: Conversation): string {
  const printable = [...c.title].map((ch) => (ch.charCodeAt(0) < 32 ? ' ' : ch)).join('');
  const base =
    printable
      .replace(/[\\/:*?"<>|]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80) || 'conversation';
  return `${base}.md`;
}

export function conversationMarkdown(c: Conversation, options: ExportOptions): string {
  const parts = [`# ${c.title}`, `_${new Date(c.updatedAt).toISOString().slice(0, 10)} · ${c.model}_`];
  for (const turn of c.turns) parts.push(...turnMarkdown(turn, options));
  return `${parts.join('\n\n')}\n`;
}

function turnMarkdown(turn: Turn, options: ExportOptions): string[] {
  const out: string[] = [];
  if (!turn.continuation) {
    const chips = turn.attachments.map((a) => `\`${a.label}\``).join(', ');
    out.push(`## You\n\n${turn.prompt}${chips ? `\n\n_Context: ${chips}_` : ''}`);
  }
  out.push('## Claude');
  for (const block of turn.content) {
    const text = blockMarkdown(block, options);
    if (text) out.push(text);
  }
  if (turn.outcome !== 'complete') out.push(`_Answer ${turn.outcome}._`);
  if (turn.footer) out.push(`<sub>${footerLine(turn.footer)}</sub>`);
  return out;
}

function blockMarkdown(block: ContentBlock, options: ExportOptions): string | undefined {
  if (block.type === 'text') return (block as { text: string }).text;
  if (block.type === 'thinking' && options.thinking) {
    const thinking = (block as { thinking: string }).thinking.trim();
    if (!thinking) return undefined;
    return `> **Thinking**\n>\n${thinking
      .split('\n')
      .map((l) => (l ? `> ${l}` : '>'))
      .join('\n')}`;
  }
  if (block.type === 'redacted_thinking' && options.thinking) return '> **Thinking** (redacted by the API)';
  return undefined;
}

function footerLine(f: FooterView): string {
  const items = [f.model, f.effort ? `effort ${f.effort}` : undefined, f.speed];
  if (f.ttftMs !== undefined) items.push(`TTFT ${Math.round(f.ttftMs)} ms`);
  if (f.outputTokensPerSecond !== undefined) items.push(`${Math.round(f.outputTokensPerSecond)} tok/s`);
  items.push(`in ${f.inputTokens.toLocaleString('en-US')}`, `out ${f.outputTokens.toLocaleString('en-US')}`);
  if (f.cacheReadTokens > 0) items.push(`cache read ${f.cacheReadTokens.toLocaleString('en-US')}`);
  if (f.costUsd !== undefined) items.push(formatUsd(f.costUsd));
  return items.filter((i) => i !== undefined).join(' · ');
}

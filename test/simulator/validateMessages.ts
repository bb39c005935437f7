// The shape half of request validation: messages, content blocks, system, cache_control and the
// signatures of thinking blocks sent back. Empty and whitespace-only text is refused, as the API does.

import type { MessageParam, TextBlockParam } from '../../src/anthropic/types';
import type { Signer } from './signatures';
import { isObject, refuse } from './validateRules';

export function checkCacheControl(raw: unknown, where: string): { ttl?: string } | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isObject(raw) || raw.type !== 'ephemeral') refuse(`${where}.type: Input should be 'ephemeral'`);
  if (raw.ttl !== undefined && raw.ttl !== '5m' && raw.ttl !== '1h') {
    refuse(`${where}.ttl: Input should be '5m' or '1h'`);
  }
  return raw;
}

export function checkMessages(raw: unknown): MessageParam[] {
  if (raw === undefined) refuse('messages: Field required');
  if (!Array.isArray(raw)) refuse('messages: Input should be a valid list');
  if (raw.length === 0) refuse('messages: at least one message is required');
  raw.forEach((m: unknown, i) => {
    if (!isObject(m)) refuse(`messages.${i}: Input should be a valid dictionary`);
    if (m.role !== 'user' && m.role !== 'assistant') {
      refuse(`messages.${i}.role: Input should be 'user' or 'assistant'`);
    }
    if (i === 0 && m.role !== 'user') refuse('messages: first message must use the "user" role');
    const prev = i > 0 ? (raw[i - 1] as { role?: unknown }) : undefined;
    if (prev && prev.role === m.role) {
      refuse(
        `messages: roles must alternate between "user" and "assistant", but found multiple "${m.role}" roles in a row`,
      );
    }
    const isFinal = i === raw.length - 1;
    if (typeof m.content === 'string') {
      if (m.content === '' && !(isFinal && m.role === 'assistant')) {
        refuse(`messages.${i}: ${m.role} messages must have non-empty content`);
      }
      if (m.content !== '') checkText(m.content, `messages.${i}.content`);
      if (isFinal && m.role === 'assistant') checkPrefillText(m.content);
    } else if (Array.isArray(m.content)) {
      if (m.content.length === 0 && !(isFinal && m.role === 'assistant')) {
        refuse(`messages.${i}: ${m.role} messages must have non-empty content`);
      }
      m.content.forEach((b: unknown, j) => checkBlock(b, `messages.${i}.content.${j}`, m.role as string));
      const lastBlock: unknown = m.content[m.content.length - 1];
      if (isFinal && m.role === 'assistant' && isObject(lastBlock) && typeof lastBlock.text === 'string') {
        checkPrefillText(lastBlock.text);
      }
    } else {
      refuse(`messages.${i}.content: Input should be a valid string or list`);
    }
  });
  return raw as MessageParam[];
}

/** The API refuses empty and whitespace-only text, wherever it appears. */
function checkText(text: string, where: string): void {
  if (text === '') refuse(`${where}: text content blocks must be non-empty`);
  if (text.trim() === '') refuse(`${where}: text content blocks must contain non-whitespace text`);
}

function checkPrefillText(text: string): void {
  if (text !== '' && text.trimEnd() !== text) {
    refuse('messages: final assistant content cannot end with trailing whitespace');
  }
}

function checkBlock(b: unknown, where: string, role: string): void {
  if (!isObject(b) || typeof b.type !== 'string') refuse(`${where}.type: Field required`);
  if (b.type === 'text' && typeof b.text !== 'string') refuse(`${where}.text: Field required`);
  if (b.type === 'text') checkText(b.text as string, where);
  checkCacheControl(b.cache_control, `${where}.cache_control`);
  if ((b.type === 'thinking' || b.type === 'redacted_thinking') && role !== 'assistant') {
    refuse(`${where}: \`${b.type}\` blocks are only allowed in assistant messages`);
  }
}

export function checkSystem(raw: unknown): string | TextBlockParam[] | undefined {
  if (raw === undefined || typeof raw === 'string') return raw;
  if (!Array.isArray(raw)) refuse('system: Input should be a valid string or list');
  raw.forEach((b: unknown, i) => {
    if (!isObject(b) || b.type !== 'text' || typeof b.text !== 'string') {
      refuse(`system.${i}: Input should be a text block`);
    }
    checkText(b.text, `system.${i}`);
    checkCacheControl(b.cache_control, `system.${i}.cache_control`);
  });
  return raw as TextBlockParam[];
}

/** Every thinking block sent back must be one this server signed, unmodified. */
export function checkSignatures(messages: MessageParam[], signer: Signer): void {
  messages.forEach((m, i) => {
    if (m.role !== 'assistant' || typeof m.content === 'string') return;
    m.content.forEach((b, j) => {
      const where = `messages.${i}.content.${j}`;
      const block = b as unknown as Record<string, unknown>;
      if (block.type === 'thinking') {
        if (typeof block.thinking !== 'string') refuse(`${where}.thinking.thinking: Field required`);
        if (typeof block.signature !== 'string' || block.signature === '') {
          refuse(`${where}.thinking.signature: Field required`);
        }
        if (!signer.verifyThinking(block.thinking, block.signature)) {
          refuse(`${where}: Invalid \`signature\` in \`thinking\` block`);
        }
      } else if (block.type === 'redacted_thinking') {
        if (typeof block.data !== 'string' || !signer.verifyRedacted(block.data)) {
          refuse(`${where}: Invalid \`data\` in \`redacted_thinking\` block`);
        }
      }
    });
  });
}

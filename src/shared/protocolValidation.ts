// Validation of messages from the webview. The webview renders model output, so the host treats
// everything it posts as untrusted: unknown types, wrong field types and oversized strings are
// refused rather than coerced.

import { httpUrlPattern, isId } from './patterns';
import type { TurnAction, WebviewMessage } from './protocol';
import { maxTurnsPerPage } from './turnPages';

/** An envelope whose numbers were checked; its `body` is still unchecked. */
export interface OpenedEnvelope {
  readonly id: number;
  readonly replyTo?: number;
  readonly body: unknown;
}

const isMessageId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;

/** Checks the envelope around a message (see `Envelope`), or says why it is refused. */
export function openEnvelope(
  raw: unknown,
): { ok: true; envelope: OpenedEnvelope } | { ok: false; reason: string } {
  if (typeof raw !== 'object' || raw === null) return { ok: false, reason: 'not an envelope' };
  const e = raw as Record<string, unknown>;
  if (!isMessageId(e.id)) return { ok: false, reason: 'envelope: invalid id' };
  if (e.replyTo !== undefined && !isMessageId(e.replyTo))
    return { ok: false, reason: 'envelope: invalid replyTo' };
  if (typeof e.body !== 'object' || e.body === null) return { ok: false, reason: 'envelope: no message' };
  return {
    ok: true,
    envelope: {
      id: e.id,
      ...(e.replyTo !== undefined ? { replyTo: e.replyTo } : {}),
      body: e.body,
    },
  };
}

/** Upper bound for any text the webview may send (prompts, code for copy/insert). */
export const maxMessageText = 1_000_000;

/** What may follow an `@` in a mention query. */
export const maxMentionQuery = 200;

const actions: readonly TurnAction[] = [
  'setApiKey',
  'retry',
  'continue',
  'openSettings',
  'showLog',
  'resendWithout',
  'selectModel',
];
const commands = ['toggleFast', 'setEffort', 'selectModel', 'setApiKey', 'openSettings'] as const;

type Result = { ok: true; message: WebviewMessage } | { ok: false; reason: string };

function isText(v: unknown, max = maxMessageText): v is string {
  return typeof v === 'string' && v.length <= max;
}

/** Returns the message with only its known fields, or why it was refused. */
export function validateWebviewMessage(raw: unknown): Result {
  if (typeof raw !== 'object' || raw === null) return { ok: false, reason: 'not an object' };
  const m = raw as Record<string, unknown>;
  const bad = (field: string): Result => ({ ok: false, reason: `${String(m.type)}: invalid ${field}` });
  switch (m.type) {
    case 'ready':
    case 'stop':
    case 'regenerate':
    case 'newChat':
    case 'listHistory':
    case 'resync':
    case 'summarize':
      return { ok: true, message: { type: m.type } };
    case 'send':
      if (!isText(m.text) || m.text.trim() === '') return bad('text');
      return { ok: true, message: { type: m.type, text: m.text } };
    case 'editPrompt':
      if (!isId(m.turnId)) return bad('turnId');
      if (!isText(m.text) || m.text.trim() === '') return bad('text');
      return { ok: true, message: { type: 'editPrompt', turnId: m.turnId, text: m.text } };
    case 'switchVersion':
      if (!isId(m.turnId)) return bad('turnId');
      if (typeof m.index !== 'number' || !Number.isInteger(m.index) || m.index < 0 || m.index > 10_000)
        return bad('index');
      return { ok: true, message: { type: 'switchVersion', turnId: m.turnId, index: m.index } };
    case 'loadTurns':
      if (!isId(m.conversationId)) return bad('conversationId');
      if (!isId(m.beforeTurnId)) return bad('beforeTurnId');
      if (!Number.isInteger(m.count) || (m.count as number) < 1 || (m.count as number) > maxTurnsPerPage)
        return bad('count');
      return {
        ok: true,
        message: {
          type: 'loadTurns',
          conversationId: m.conversationId,
          beforeTurnId: m.beforeTurnId,
          count: m.count as number,
        },
      };
    case 'action':
      if (!isId(m.turnId)) return bad('turnId');
      if (!actions.includes(m.action as TurnAction)) return bad('action');
      return { ok: true, message: { type: 'action', turnId: m.turnId, action: m.action as TurnAction } };
    case 'retryAtEffort':
      if (!isId(m.turnId)) return bad('turnId');
      if (typeof m.effort !== 'string' || !/^[a-z]{1,16}$/.test(m.effort)) return bad('effort');
      return { ok: true, message: { type: 'retryAtEffort', turnId: m.turnId, effort: m.effort } };
    case 'undoDelete':
      if (!isId(m.id)) return bad('id');
      return { ok: true, message: { type: 'undoDelete', id: m.id } };
    case 'renameConversation':
      if (!isId(m.id)) return bad('id');
      if (!isText(m.title, 1000)) return bad('title');
      return { ok: true, message: { type: 'renameConversation', id: m.id, title: m.title } };
    case 'searchHistory':
      if (!isText(m.query, 1000)) return bad('query');
      if (typeof m.thinking !== 'boolean') return bad('thinking');
      return { ok: true, message: { type: 'searchHistory', query: m.query, thinking: m.thinking } };
    case 'exportConversation':
      if (!isId(m.id)) return bad('id');
      if (typeof m.thinking !== 'boolean') return bad('thinking');
      return { ok: true, message: { type: 'exportConversation', id: m.id, thinking: m.thinking } };
    case 'openConversation':
    case 'deleteConversation':
    case 'removeContext':
    case 'addMention':
      if (!isId(m.id)) return bad('id');
      return { ok: true, message: { type: m.type, id: m.id } };
    case 'addContext':
      if (m.kind !== 'selection' && m.kind !== 'file') return bad('kind');
      return { ok: true, message: { type: 'addContext', kind: m.kind } };
    case 'countContext':
      if (!isText(m.draft)) return bad('draft');
      return { ok: true, message: { type: 'countContext', draft: m.draft } };
    case 'newChatFromSummary':
      if (!isText(m.summary) || m.summary.trim() === '') return bad('summary');
      return { ok: true, message: { type: 'newChatFromSummary', summary: m.summary } };
    case 'mentionQuery':
      if (!isText(m.query, maxMentionQuery)) return bad('query');
      return { ok: true, message: { type: 'mentionQuery', query: m.query } };
    case 'copyCode':
      if (!isText(m.code)) return bad('code');
      return { ok: true, message: { type: 'copyCode', code: m.code } };
    case 'insertCode':
    case 'openCode':
      if (!isText(m.code)) return bad('code');
      if (m.languageId !== undefined && !isText(m.languageId, 100)) return bad('languageId');
      return {
        ok: true,
        message: {
          type: m.type,
          code: m.code,
          ...(m.languageId === undefined ? {} : { languageId: m.languageId }),
        },
      };
    case 'openLink':
      if (!isText(m.href, 8192)) return bad('href');
      return { ok: true, message: { type: 'openLink', href: m.href } };
    case 'command':
      if (!commands.includes(m.command as (typeof commands)[number])) return bad('command');
      return { ok: true, message: { type: 'command', command: m.command as (typeof commands)[number] } };
    default:
      return { ok: false, reason: `unknown message type ${JSON.stringify(String(m.type)).slice(0, 40)}` };
  }
}

/** Links from model output open only when they are http(s) URLs. */
export function safeExternalUrl(href: string): URL | undefined {
  try {
    return httpUrlPattern.test(href.trim()) ? new URL(href) : undefined;
  } catch {
    return undefined;
  }
}

// Shared helpers for the simulator suites: real HTTP over loopback with Node's fetch, and a small
// SSE reader that keeps the raw text so framing can be asserted too.

import type { StreamEvent } from '../../../src/anthropic/types';
import type { Simulator } from '../../simulator/server';

export const KEY = 'sk-ant-test-secret-key-5678';

/** Rates high enough that every suite runs in milliseconds. */
export const FAST_TEST_SETTINGS = { tokensPerSecond: 200_000, firstTokenDelayMs: 0, pingIntervalMs: 0 };

export interface Call {
  body?: unknown;
  headers?: Record<string, string>;
  betas?: string[];
  /** null sends no key at all. */
  key?: string | null;
}

export function userTurn(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    model: 'claude-opus-4-6',
    max_tokens: 4000,
    stream: true,
    messages: [{ role: 'user', content: text }],
    ...extra,
  };
}

export async function post(sim: Simulator, path: string, call: Call = {}): Promise<Response> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'anthropic-version': '2023-06-01',
    ...call.headers,
  };
  if (call.key !== null) headers['x-api-key'] = call.key ?? KEY;
  if (call.betas) headers['anthropic-beta'] = call.betas.join(',');
  return fetch(`${sim.url}${path}`, { method: 'POST', headers, body: JSON.stringify(call.body ?? {}) });
}

export interface SseEvent {
  event: string;
  data: string;
}

/** Parses SSE text per the spec's line rules (enough for what the simulator sends). */
export function parseSse(text: string): SseEvent[] {
  const out: SseEvent[] = [];
  let event = '';
  let data: string[] = [];
  // The piece after the last line break is not a complete line (and never a blank one).
  const lines = text.split(/\r\n|\r|\n/).slice(0, -1);
  for (const line of lines) {
    if (line === '') {
      if (data.length > 0) out.push({ event: event || 'message', data: data.join('\n') });
      event = '';
      data = [];
    } else if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  return out;
}

export interface StreamRead {
  res: Response;
  raw: string;
  events: StreamEvent[];
}

/** Reads the whole stream (a dropped connection is reported as `error`). */
export async function readStream(res: Response): Promise<StreamRead & { error?: unknown }> {
  let raw = '';
  let error: unknown;
  try {
    raw = await res.text();
  } catch (e) {
    error = e;
  }
  const events = parseSse(raw).map((e) => JSON.parse(e.data) as StreamEvent);
  return { res, raw, events, error };
}

export async function stream(sim: Simulator, call: Call): Promise<StreamRead> {
  const res = await post(sim, '/v1/messages', call);
  if (res.status !== 200) throw new Error(`status ${res.status}: ${await res.text()}`);
  return readStream(res);
}

export const types = (events: readonly StreamEvent[]): string[] => events.map((e) => e.type);

export async function errorOf(res: Response): Promise<{ type: string; message: string; requestId?: string }> {
  const body = (await res.json()) as {
    type: string;
    error: { type: string; message: string };
    request_id?: string;
  };
  return { type: body.error.type, message: body.error.message, requestId: body.request_id };
}

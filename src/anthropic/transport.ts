// HTTP plumbing for one base URL: the kept-alive undici dispatcher (direct or through a proxy),
// the request headers, and the decision whether a proxy applies. Only src/anthropic imports undici.

import type * as UndiciModule from 'undici';
import type { Dispatcher } from 'undici';
import { isLoopbackHost } from '../shared/patterns';

/**
 * Per-attempt time limits, always from the caller (the settings own the defaults). The stream body
 * has no undici timeout: the client's idle timer owns it.
 */
export interface Timeouts {
  /** TCP + TLS connect. */
  connectMs: number;
  /** From sending the request to the response headers (covers the server queueing the request). */
  headersMs: number;
  /** Longest silence on the stream body (pings count as bytes) before the attempt ends. */
  idleMs: number;
}

/** An explicit proxy (from VS Code's `http.proxy` / `http.proxyStrictSSL`) or env overrides. */
export interface ProxyOptions {
  /** Proxy URL; when absent, HTTPS_PROXY / HTTP_PROXY (either case) apply. */
  url?: string;
  /** Verify TLS certificates (the proxy's and the server's). Default true. */
  strictSSL?: boolean;
  /** Hosts that bypass the proxy (NO_PROXY syntax); when absent, NO_PROXY / no_proxy apply. */
  noProxy?: string;
}

export type Auth = { apiKey: string } | { bearer: string };

type Undici = typeof UndiciModule;
let undici: Undici | undefined;

/**
 * undici, loaded with the first dispatcher rather than at activation: it is most of the extension's
 * code, and the extension bundle ships it as a separate file (`dist/undici.js`, see esbuild.js).
 */
function loadUndici(): Undici {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  undici ??= require('undici') as Undici;
  return undici;
}

/** Keep sockets for a while between chat turns; the server may close first, which undici handles. */
const KEEP_ALIVE_MS = 60_000;
const KEEP_ALIVE_MAX_MS = 10 * 60_000;

/** Whether `NO_PROXY`-style `list` exempts `url` (`*`, exact hosts, `.suffix`/`*.suffix`, `host:port`). */
export function matchesNoProxy(url: URL, list: string | undefined): boolean {
  if (!list) return false;
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of list.split(/[\s,]+/)) {
    let entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    // `host:port` (not a bare IPv6 address, which has several colons).
    const withPort = /^\[?([^\]]+?)\]?:(\d+)$/.exec(entry);
    if (withPort && (withPort[1] ?? '').split(':').length <= 1) {
      if (withPort[2] !== port) continue;
      entry = withPort[1] ?? entry;
    }
    entry = entry.replace(/^\*/, '').replace(/^\[|\]$/g, '');
    const suffix = entry.startsWith('.') ? entry : `.${entry}`;
    if (host === suffix.slice(1) || host.endsWith(suffix)) return true;
  }
  return false;
}

/** How requests to the base URL travel. */
export type RoutePlan =
  { kind: 'direct'; strictSSL: boolean } | { kind: 'proxy'; proxyUrl: string; strictSSL: boolean };

/**
 * Decides once per client: loopback → direct; else the explicit proxy URL or the env proxy for the
 * base URL's scheme (HTTPS_PROXY falling back to HTTP_PROXY for https, as curl-like tools do),
 * unless NO_PROXY exempts the host.
 */
export function planRoute(
  baseUrl: string,
  proxy: ProxyOptions | undefined,
  env: NodeJS.ProcessEnv = process.env,
): RoutePlan {
  const url = new URL(baseUrl);
  const strictSSL = proxy?.strictSSL ?? true;
  if (isLoopbackHost(url.hostname)) return { kind: 'direct', strictSSL };
  const fromEnv =
    url.protocol === 'https:'
      ? (env.HTTPS_PROXY ?? env.https_proxy ?? env.HTTP_PROXY ?? env.http_proxy)
      : (env.HTTP_PROXY ?? env.http_proxy);
  const proxyUrl = proxy?.url || fromEnv;
  if (!proxyUrl) return { kind: 'direct', strictSSL };
  if (matchesNoProxy(url, proxy?.noProxy ?? env.NO_PROXY ?? env.no_proxy))
    return { kind: 'direct', strictSSL };
  return { kind: 'proxy', proxyUrl, strictSSL };
}

/** One kept-alive dispatcher for all requests of a client: connections are reused across turns. */
export function createDispatcher(plan: RoutePlan, timeouts: Timeouts): Dispatcher {
  const common = {
    headersTimeout: timeouts.headersMs,
    // 0 = off: a long thinking phase is silent for minutes apart from pings; our idle timer decides.
    bodyTimeout: 0,
    keepAliveTimeout: KEEP_ALIVE_MS,
    keepAliveMaxTimeout: KEEP_ALIVE_MAX_MS,
  };
  const tls = { timeout: timeouts.connectMs, rejectUnauthorized: plan.strictSSL };
  const { Agent, ProxyAgent } = loadUndici();
  if (plan.kind === 'direct') return new Agent({ ...common, connect: tls });
  return new ProxyAgent({ ...common, uri: plan.proxyUrl, requestTls: tls, proxyTls: tls });
}

/** Secrets a route carries (proxy credentials), for the redactor. */
export function routeSecrets(plan: RoutePlan): string[] {
  if (plan.kind !== 'proxy') return [];
  try {
    const u = new URL(plan.proxyUrl);
    return [u.password, decodeURIComponent(u.password)].filter((s) => s.length > 0);
  } catch {
    return [];
  }
}

/**
 * The `anthropic-version` sent: 2023-06-01, which every server and gateway accepts. Requests are
 * built to be valid under 2026-10-21 too (no sampling parameters, no document blocks in assistant
 * turns, no citations in user text), so a server on either answers the same. See ARCHITECTURE.md.
 */
export const ANTHROPIC_VERSION = '2023-06-01';

/** What every request carries. */
export interface HeaderInput {
  auth: Auth;
  anthropicVersion: string;
  userAgent: string;
  betas?: readonly string[];
  /** JSON body follows. */
  json?: boolean;
  /** Ask for Server-Sent Events. */
  stream?: boolean;
}

/** Request headers: auth, version, user agent; `anthropic-beta` only when there are betas. */
export function buildHeaders(input: HeaderInput): Record<string, string> {
  const h: Record<string, string> = {
    'anthropic-version': input.anthropicVersion,
    'user-agent': input.userAgent,
    accept: input.stream ? 'text/event-stream' : 'application/json',
  };
  if ('apiKey' in input.auth) h['x-api-key'] = input.auth.apiKey;
  else h.authorization = `Bearer ${input.auth.bearer}`;
  if (input.json) h['content-type'] = 'application/json';
  if (input.betas && input.betas.length > 0) h['anthropic-beta'] = input.betas.join(',');
  return h;
}

// ---------------------------------------------------------------------------------------------
// GET /v1/models paging

/** The one call paging needs; AnthropicClient implements it. */
export interface JsonGetter {
  getJson(path: string, signal?: AbortSignal): Promise<unknown>;
}

interface Page<T> {
  data?: T[];
  has_more?: boolean;
  last_id?: string | null;
}

/** Most pages fetched: a guard against a server that keeps saying has_more. */
const MAX_PAGES = 50;

/**
 * Fetches every page of `GET /v1/models` (server order: newest first); entries without a string
 * `id` are skipped. `lifecycle` asks for those states too (the default is active + deprecated).
 * Errors propagate.
 */
export async function listModelPages<T extends { id: string }>(
  transport: JsonGetter,
  signal?: AbortSignal,
  lifecycle?: readonly string[],
): Promise<T[]> {
  const all: T[] = [];
  let afterId: string | undefined;
  const states = (lifecycle ?? []).map((l) => `&lifecycle[]=${encodeURIComponent(l)}`).join('');
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = `limit=100${states}${afterId ? `&after_id=${encodeURIComponent(afterId)}` : ''}`;
    const body = (await transport.getJson(`/v1/models?${query}`, signal)) as Page<T>;
    const data = Array.isArray(body.data) ? body.data.filter((m) => typeof m?.id === 'string') : [];
    all.push(...data);
    const next = body.last_id ?? data.at(-1)?.id;
    if (!body.has_more || !next || next === afterId) break;
    afterId = next;
  }
  return all;
}

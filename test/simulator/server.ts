// The in-process Messages API simulator: a loopback HTTP server that speaks the wire protocol of
// the Messages API. Tests, benchmarks and the offline demo start it with startSimulator().

import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { failure, sendJson } from './apiErrors';
import { type ServerFault } from './faults';
import {
  type Exchange,
  type RouteContext,
  handleCountTokens,
  handleMessages,
  newId,
  replyFailure,
} from './messagesRoute';
import { getModel, listModels } from './modelsRoute';
import {
  DEFAULT_SETTINGS,
  type SimulatorConfig,
  type SimulatorOptions,
  type SimulatorSettings,
  mergeSettings,
} from './options';
import { PromptCache } from './promptCache';
import { RateLimiter } from './rateLimits';
import { type LoggedRequest, apiKeyOf, authKind, betasOf } from './requestLog';
import { DEFAULT_SIGNING_SECRET, Signer } from './signatures';
import { API_VERSIONS } from './validateRules';
import { CacheDiagnostics } from './cacheDiagnostics';

/** The versions the server speaks: the SDK's default and the one older clients pin. */
export { API_VERSIONS } from './validateRules';
/** Bodies above this are refused with 413, as the API refuses oversized requests. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface Simulator {
  /** `http://127.0.0.1:PORT`, the base URL for a client. */
  readonly url: string;
  readonly port: number;
  /** Requests received so far, oldest first. Entries fill in (status, outcome) as responses go out. */
  readonly requests: readonly LoggedRequest[];
  /** The settings in force. */
  readonly settings: Readonly<SimulatorSettings>;
  /** Changes settings for later requests, e.g. `configure({fault: '429;times=1;fast-only'})`. */
  configure(change: SimulatorConfig): void;
  clearRequests(): void;
  /** Stops listening and destroys open connections (stalled streams included). */
  close(): Promise<void>;
}

/** Starts a simulator on 127.0.0.1 (`port` 0 = a free port). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const { port = 0, signingSecret = DEFAULT_SIGNING_SECRET, ...config } = options;
  const sim = new SimulatorServer(mergeSettings(DEFAULT_SETTINGS, config), new Signer(signingSecret));
  await sim.listen(port);
  return sim;
}

class SimulatorServer implements Simulator, RouteContext {
  private readonly server: Server;
  private readonly log: LoggedRequest[] = [];
  private readonly closing = new AbortController();
  readonly cache = new PromptCache(() => this.current.clock());
  readonly diagnostics = new CacheDiagnostics();
  readonly limiter: RateLimiter;
  port = 0;

  constructor(
    private current: SimulatorSettings,
    readonly signer: Signer,
  ) {
    this.limiter = new RateLimiter(() => this.current.rateLimits);
    this.server = createServer({ keepAlive: true, noDelay: true }, (req, res) => {
      this.handle(req, res).catch((e: unknown) => this.crash(res, e));
    });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get requests(): readonly LoggedRequest[] {
    return this.log;
  }

  get settings(): Readonly<SimulatorSettings> {
    return this.current;
  }

  listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.port = (this.server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  configure(change: SimulatorConfig): void {
    this.current = mergeSettings(this.current, change);
  }

  settingsNow(): SimulatorSettings {
    return this.current;
  }

  clearRequests(): void {
    this.log.length = 0;
  }

  close(): Promise<void> {
    this.closing.abort();
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  takeServerFault(fast: boolean): ServerFault | undefined {
    const f = this.current.fault;
    if (!f || (f.fastOnly && !fast)) return undefined;
    if (f.times !== undefined) {
      const left = f.times - 1;
      this.current = { ...this.current, fault: left > 0 ? { ...f, times: left } : null };
    }
    return f;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const startedAt = performance.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const entry: LoggedRequest = {
      requestId: newId('req_sim_'),
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headerNames: Object.keys(req.headers),
      auth: authKind(req.headers),
      betas: betasOf(req.headers),
      status: 0,
      receivedAt: Date.now(),
    };
    const version = req.headers['anthropic-version'];
    if (typeof version === 'string') entry.anthropicVersion = version;
    this.log.push(entry);
    res.setHeader('request-id', entry.requestId);

    const aborter = new AbortController();
    const abort = (): void => aborter.abort();
    res.on('close', abort);
    this.closing.signal.addEventListener('abort', abort, { once: true });
    res.on('close', () => this.closing.signal.removeEventListener('abort', abort));

    const raw = await readBody(req);
    const x: Exchange = {
      headers: req.headers,
      body: undefined,
      betas: entry.betas,
      res,
      entry,
      signal: aborter.signal,
      startedAt,
    };
    if (raw === undefined)
      return replyFailure(x, failure(413, 'Request exceeds the maximum allowed number of bytes.'));

    const route = `${entry.method} ${entry.path}`;
    const modelMatch = /^GET \/v1\/models\/([^/]+)$/.exec(route);
    const known =
      route === 'GET /v1/models' ||
      modelMatch ||
      route === 'POST /v1/messages' ||
      route === 'POST /v1/messages/count_tokens';
    if (!known) return replyFailure(x, failure(404, `Not found: ${entry.method} ${entry.path}`));

    // `x-api-key` wins over `Authorization: Bearer` when both are sent, as on the API.
    const key = apiKeyOf(req.headers);
    if (key === undefined)
      return replyFailure(x, failure(401, 'x-api-key or Authorization: Bearer header is required'));
    const keys = this.current.apiKeys;
    if (keys !== undefined && !keys.includes(key)) return replyFailure(x, failure(401, 'invalid x-api-key'));
    if (entry.anthropicVersion === undefined)
      return replyFailure(x, failure(400, 'anthropic-version: header is required'));
    if (!API_VERSIONS.includes(entry.anthropicVersion)) {
      return replyFailure(
        x,
        failure(400, `anthropic-version: unknown version \`${entry.anthropicVersion}\``),
      );
    }

    if (entry.method === 'GET') {
      const rules = this.current.modelRules;
      const answer = modelMatch ? getModel(modelMatch[1] ?? '', rules) : listModels(url.searchParams, rules);
      if (!answer.ok) return replyFailure(x, answer.failure);
      entry.status = 200;
      entry.outcome = 'complete';
      return sendJson(res, 200, answer.body);
    }

    try {
      x.body = JSON.parse(raw.toString('utf8'));
    } catch {
      return replyFailure(
        x,
        failure(400, 'There was an error parsing the body of your request: it is not valid JSON.'),
      );
    }
    entry.body = x.body;
    if (entry.path === '/v1/messages') return handleMessages(x, this);
    return handleCountTokens(x, this);
  }

  /** A bug in the simulator: answer 500 api_error rather than hang the client. */
  private crash(res: ServerResponse, e: unknown): void {
    console.error('simulator error:', e);
    if (!res.headersSent)
      sendJson(res, 500, { type: 'error', error: { type: 'api_error', message: 'Simulator bug' } });
    else res.destroy();
  }
}

/** The body as a Buffer, or undefined when it is over the size limit. */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

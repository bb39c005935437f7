import * as vscode from 'vscode';
// The client and its HTTP stack (undici) are loaded on first use, not at activation.
import type { AnthropicClient, AnthropicClientOptions } from '../../anthropic/client';
import type { ModelCapabilities } from '../../anthropic/models';
import type { ComposerConfigView, ErrorView } from '../../shared/protocol';
import { Disposable } from '../dispose';
import type { ConfigSnapshot, Settings } from '../settings/config';
import { maxTokensNote } from '../settings/settingProblems';
import type { ApiKeyStore } from './apiKey';
import { checkBaseUrl } from './baseUrl';
import { ClientLeases, clientIdentity, type Lease } from './clientLease';
import { LearnedStore, type LearnedMemento } from './learnedStore';
import { ModelCatalog, overridesFromSettings } from './modelCatalog';

/** Set by `npm start` (and the tests): talk to the local Messages API simulator at this URL. */
export const simulatorEnvVar = 'THINKFAST_SIMULATOR_URL';

export type Prepared =
  | { client: AnthropicClient; caps: ModelCapabilities; settings: ConfigSnapshot; simulator: boolean }
  | { error: ErrorView };

/** A prepared request whose client stays open until `release()` (a turn and all its retries). */
export type LeasedPrepared =
  (Extract<Prepared, { client: AnthropicClient }> & { readonly release: () => void }) | { error: ErrorView };

/** A response may take this long to start (long prompts at high effort think before the headers). */
const headersTimeoutMs = 10 * 60_000;

/**
 * Turns settings + key into a ready client, reusing it (and its kept-alive connections) until
 * something that matters changes. Also the one place that knows whether we talk to the simulator.
 */
export class Backend extends Disposable {
  readonly catalog = new ModelCatalog();
  /** The client and who holds it; a replaced one is closed when its last holder releases it. */
  private readonly leases = new ClientLeases<AnthropicClient>((e) =>
    this.log.debug(`closing a client failed: ${(e as Error).message}`),
  );
  private hasKey = false;
  private modelsFetched = false;
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Settings, key or model list changed: views re-read `composerConfig()`. */
  readonly onDidChange = this.changed.event;
  /** What the API refused per model, persisted; the catalogue applies it. */
  readonly learned: LearnedStore;

  constructor(
    private readonly keys: ApiKeyStore,
    readonly settings: Settings,
    private readonly log: vscode.LogOutputChannel,
    private readonly version: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
    memento?: LearnedMemento,
  ) {
    super();
    this.register({ dispose: () => this.leases.dispose() });
    this.learned = new LearnedStore(memento, (facts) => {
      this.catalog.setLearned(facts);
      this.changed.fire();
    });
    this.catalog.setLearned(this.learned.current);
    this.applyOverrides();
    this.register(this.changed.event(() => this.checkModelLimits()));
    this.checkModelLimits();
    this.register(
      settings.onDidChange(() => {
        this.applyOverrides();
        this.changed.fire();
      }),
    );
    this.register(keys.onDidChange(() => this.refreshKeyStateLogged()));
    this.refreshKeyStateLogged();
  }

  /** True when requests go to the local simulator (`npm start` without a key, and the tests). */
  get simulator(): boolean {
    return Boolean(this.env[simulatorEnvVar]);
  }

  composerConfig(): ComposerConfigView {
    const cfg = this.settings.current;
    const caps = this.catalog.resolve(cfg.model);
    return {
      model: cfg.model,
      modelLabel: caps.displayName,
      ...(caps.effortLevels.length > 0 ? { effort: cfg.effort } : {}),
      speed: cfg.fastMode && caps.fastMode ? 'fast' : 'standard',
      fastSupported: caps.fastMode,
      thinkingDisplay: cfg.chatThinkingView,
      codeWrap: cfg.chatCodeWrap,
      simulator: this.simulator,
      hasApiKey: this.hasKey || this.simulator,
    };
  }

  /**
   * Everything a request needs, with the client held until `release()`, or an inline error that
   * says how to fix what is missing. Never rejects.
   */
  async lease(): Promise<LeasedPrepared> {
    const settings = this.settings.current;
    const ready = await this.clientFor(settings);
    if ('error' in ready) return ready;
    if (!this.modelsFetched) await this.refreshModels(ready.client, 1500);
    return {
      client: ready.client,
      release: ready.release,
      caps: this.catalog.resolve(settings.model),
      settings,
      simulator: this.simulator,
    };
  }

  /** Like `lease()` but the client is not held (for one-off calls and the model list). Never rejects. */
  async prepare(): Promise<Prepared> {
    const ready = await this.lease();
    if ('error' in ready) return ready;
    ready.release();
    const { client, caps, settings, simulator } = ready;
    return { client, caps, settings, simulator };
  }

  /** Opens the connection ahead of the first request (called when the chat view opens). Never rejects. */
  async warm(): Promise<void> {
    const ready = await this.clientFor(this.settings.current);
    if ('error' in ready) return;
    try {
      if (!this.isDisposed) await ready.client.warm();
    } catch (e) {
      this.log.debug(`warm-up failed: ${(e as Error).message}`);
    }
    try {
      if (!this.modelsFetched && !this.isDisposed) await this.refreshModels(ready.client, 5000);
    } finally {
      ready.release();
    }
  }

  /** The client for other features (refactor, key validation), held until `release()`. Never rejects. */
  async clientFor(settings: ConfigSnapshot): Promise<Lease<AnthropicClient> | { error: ErrorView }> {
    try {
      return await this.ensureClient(settings);
    } catch (e) {
      this.log.error('preparing the client failed', e);
      return {
        error: {
          title: 'Could not prepare the request',
          message: (e as Error).message,
          actions: ['showLog'],
        },
      };
    }
  }

  /** A max tokens above what the configured model writes is lowered to it, with one note. */
  private checkModelLimits(): void {
    const cfg = this.settings.current;
    const note = maxTokensNote(cfg.maxTokens, this.catalog.resolve(cfg.model));
    this.settings.warnings.report('model limits', note ? [note] : []);
  }

  private applyOverrides(): void {
    const cfg = this.settings.current;
    this.catalog.setOverrides(overridesFromSettings(cfg.modelOverrides, cfg.priceOverrides));
  }

  private refreshKeyStateLogged(): void {
    this.refreshKeyState().catch((e: unknown) =>
      this.log.warn(`reading the API key state failed: ${(e as Error).message}`),
    );
  }

  private async refreshKeyState(): Promise<void> {
    const had = this.hasKey;
    const hasKey = (await this.keys.get()) !== undefined;
    if (this.isDisposed) return;
    this.hasKey = hasKey;
    if (had !== this.hasKey) this.changed.fire();
  }

  private async refreshModels(client: AnthropicClient, timeoutMs: number): Promise<void> {
    try {
      const models = await client.listModels(AbortSignal.timeout(timeoutMs));
      if (this.isDisposed || this.leases.client !== client) return; // a newer client took over
      this.catalog.setServerModels(models);
      this.modelsFetched = true;
      this.changed.fire();
    } catch (e) {
      // The built-in table still works; try again with the next request.
      this.log.debug(`GET /v1/models failed: ${(e as Error).message}`);
    }
  }

  private async ensureClient(
    settings: ConfigSnapshot,
  ): Promise<Lease<AnthropicClient> | { error: ErrorView }> {
    const simulatorUrl = this.env[simulatorEnvVar];
    const stored = await this.keys.get();
    const key = stored?.key ?? (simulatorUrl ? 'thinkfast-simulator' : undefined);
    if (!key) {
      return {
        error: {
          title: 'No API key',
          message:
            'Set your Anthropic API key with “Thinkfast: Set API Key” (stored in VS Code’s secret storage), or set the ANTHROPIC_API_KEY environment variable.',
          actions: ['setApiKey'],
        },
      };
    }
    const base = checkBaseUrl(simulatorUrl ?? settings.baseUrl);
    if (!base.ok)
      return { error: { title: 'Base URL refused', message: base.message, actions: ['openSettings'] } };

    const http = vscode.workspace.getConfiguration('http');
    const proxyUrl = (http.get<string>('proxy') ?? '').trim();
    const options: AnthropicClientOptions = {
      baseUrl: base.url,
      auth: settings.authHeader === 'bearer' ? { bearer: key } : { apiKey: key },
      userAgent: `thinkfast/${this.version} (vscode ${vscode.version})`,
      timeouts: {
        connectMs: settings.connectTimeoutMs,
        headersMs: headersTimeoutMs,
        idleMs: settings.idleTimeoutMs,
      },
      maxRetries: settings.maxRetries,
      log: (line) => this.log.debug(line),
      ...(proxyUrl
        ? { proxy: { url: proxyUrl, strictSSL: http.get<boolean>('proxyStrictSSL') ?? true } }
        : {}),
    };
    // The key is part of the identity, but only as a SHA-256 digest: the cache never holds it raw.
    const identity = clientIdentity({ ...options, log: undefined, auth: settings.authHeader, key });
    const { AnthropicClient } = await import('../../anthropic/client');
    if (this.isDisposed) return { error: { title: 'Thinkfast is shutting down', message: '', actions: [] } };
    const { lease, created } = this.leases.acquire(identity, () => new AnthropicClient(options));
    if (created) {
      this.modelsFetched = false;
      this.log.info(
        `client for ${base.url}${simulatorUrl ? ' (simulator)' : ''}${proxyUrl ? ' via proxy' : ''}`,
      );
    }
    return lease;
  }
}

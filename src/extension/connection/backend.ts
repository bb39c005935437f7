import * as vscode from 'vscode';
import { AnthropicClient, type AnthropicClientOptions } from '../anthropic/client';
import type { ModelCapabilities } from '../anthropic/models';
import type { RateLimitInfo } from '../anthropic/types';
import type { ComposerConfigView, ErrorView } from '../shared/protocol';
import type { ApiKeyStore } from './apiKey';
import { checkBaseUrl } from './baseUrl';
import { onDidChangeConfig, readConfig, type ConfigSnapshot } from './config';
import { Disposable } from './dispose';
import { ModelCatalog, overridesFromSettings } from './modelCatalog';

/** Set by `npm start` (and the tests): talk to the local Messages API simulator at this URL. */
export const simulatorEnvVar = 'THINKFAST_SIMULATOR_URL';

export type Prepared =
  | { client: AnthropicClient; caps: ModelCapabilities; settings: ConfigSnapshot; simulator: boolean }
  | { error: ErrorView };

/** Live numbers of the streaming response, for the status bar. */
export interface Progress {
  readonly chars: number;
  readonly elapsedMs: number;
}

/**
 * Turns settings + key into a ready client, reusing it (and its kept-alive connections) until
 * something that matters changes. Also the one place that knows whether we talk to the simulator.
 */
export class Backend extends Disposable {
  readonly catalog = new ModelCatalog();
  private client: AnthropicClient | undefined;
  private clientKey = '';
  private hasKey = false;
  private modelsFetched = false;
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  private readonly rateLimitsEmitter = this.register(new vscode.EventEmitter<RateLimitInfo>());
  private readonly progressEmitter = this.register(new vscode.EventEmitter<Progress>());
  /** Settings, key or model list changed: views re-read `composerConfig()`. */
  readonly onDidChange = this.changed.event;
  readonly onDidRateLimits = this.rateLimitsEmitter.event;
  readonly onDidProgress = this.progressEmitter.event;
  private readonly streamingEmitter = this.register(new vscode.EventEmitter<boolean>());
  private streams = 0;
  /** True when a response (chat or refactor) starts streaming, false when the last one ends. */
  readonly onDidChangeStreaming = this.streamingEmitter.event;
  lastRateLimits: RateLimitInfo | undefined;

  constructor(
    private readonly keys: ApiKeyStore,
    private readonly log: vscode.LogOutputChannel,
    private readonly version: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    super();
    this.applyOverrides();
    this.register(
      onDidChangeConfig(() => {
        this.applyOverrides();
        this.changed.fire();
      }),
    );
    this.register(
      keys.onDidChange(() => {
        void this.refreshKeyState();
      }),
    );
    this.register({ dispose: () => void this.client?.close() });
    void this.refreshKeyState();
  }

  /** True when requests go to the local simulator (`npm start` without a key, and the tests). */
  get simulator(): boolean {
    return Boolean(this.env[simulatorEnvVar]);
  }

  composerConfig(): ComposerConfigView {
    const cfg = readConfig();
    const caps = this.catalog.resolve(cfg.model);
    return {
      model: cfg.model,
      modelLabel: caps.displayName,
      ...(caps.effortLevels.length > 0 ? { effort: cfg.effort } : {}),
      speed: cfg.fastMode && caps.fastMode ? 'fast' : 'standard',
      fastSupported: caps.fastMode,
      thinkingDisplay: cfg.chatThinkingView,
      simulator: this.simulator,
      hasApiKey: this.hasKey || this.simulator,
    };
  }

  /** Everything a request needs, or an inline error that says how to fix what is missing. */
  async prepare(): Promise<Prepared> {
    const settings = readConfig();
    const client = await this.ensureClient(settings);
    if ('error' in client) return client;
    if (!this.modelsFetched) await this.refreshModels(client.client, 1500);
    return {
      client: client.client,
      caps: this.catalog.resolve(settings.model),
      settings,
      simulator: this.simulator,
    };
  }

  /** Opens the connection ahead of the first request (called when the chat view opens). */
  async warm(): Promise<void> {
    const ready = await this.ensureClient(readConfig());
    if ('error' in ready) return;
    try {
      await ready.client.warm();
    } catch (e) {
      this.log.debug(`warm-up failed: ${(e as Error).message}`);
    }
    if (!this.modelsFetched) await this.refreshModels(ready.client, 5000);
  }

  /** The client for other features (refactor, key validation). */
  async clientFor(settings: ConfigSnapshot): Promise<{ client: AnthropicClient } | { error: ErrorView }> {
    return this.ensureClient(settings);
  }

  reportRateLimits(limits: RateLimitInfo): void {
    this.lastRateLimits = limits;
    this.rateLimitsEmitter.fire(limits);
  }

  /** Marks `work` as a streaming response for as long as it runs (the status bar shows live tok/s). */
  async streaming<T>(work: Promise<T>): Promise<T> {
    if (this.streams++ === 0) this.streamingEmitter.fire(true);
    try {
      return await work;
    } finally {
      if (--this.streams === 0) this.streamingEmitter.fire(false);
    }
  }

  reportProgress(chars: number, elapsedMs: number): void {
    this.progressEmitter.fire({ chars, elapsedMs });
  }

  private applyOverrides(): void {
    const cfg = readConfig();
    this.catalog.setOverrides(overridesFromSettings(cfg.modelOverrides, cfg.priceOverrides));
  }

  private async refreshKeyState(): Promise<void> {
    const had = this.hasKey;
    this.hasKey = (await this.keys.get()) !== undefined;
    if (had !== this.hasKey) this.changed.fire();
  }

  private async refreshModels(client: AnthropicClient, timeoutMs: number): Promise<void> {
    try {
      const models = await client.listModels(AbortSignal.timeout(timeoutMs));
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
  ): Promise<{ client: AnthropicClient } | { error: ErrorView }> {
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
        headersMs: 10 * 60_000,
        idleMs: settings.idleTimeoutMs,
      },
      maxRetries: settings.maxRetries,
      log: (line) => this.log.debug(line),
      ...(proxyUrl
        ? { proxy: { url: proxyUrl, strictSSL: http.get<boolean>('proxyStrictSSL') ?? true } }
        : {}),
    };
    // The key is part of the identity but never logged: compare a digest-free fingerprint in memory only.
    const identity = JSON.stringify({ ...options, log: undefined, auth: settings.authHeader, key });
    if (!this.client || identity !== this.clientKey) {
      void this.client?.close();
      this.client = new AnthropicClient(options);
      this.clientKey = identity;
      this.modelsFetched = false;
      this.log.info(
        `client for ${base.url}${simulatorUrl ? ' (simulator)' : ''}${proxyUrl ? ' via proxy' : ''}`,
      );
    }
    return { client: this.client };
  }
}

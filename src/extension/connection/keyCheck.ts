// What Set API Key checks, against what, and how it says so (issue 10 #12). No vscode: the plain-Node
// tests run it against the simulator. The simulator accepts any key, so it never "accepts" one.

import type { AnthropicClient, AnthropicClientOptions } from '../../anthropic/client';
import { checkBaseUrl } from './baseUrl';

export interface KeyCheckInput {
  key: string;
  /** The configured `thinkfast.baseUrl`, and whether the user set it (not the default). */
  baseUrl: string;
  baseUrlIsSet: boolean;
  /** Where requests go now when the simulator runs (THINKFAST_SIMULATOR_URL), else undefined. */
  simulatorUrl: string | undefined;
  authHeader: 'x-api-key' | 'bearer';
  model: string;
  /** Client options apart from the URL and auth (timeouts, user agent, proxy). */
  client: Omit<AnthropicClientOptions, 'baseUrl' | 'auth'>;
  /** Makes the one-off client (the command loads the HTTP stack lazily; tests pass a constructor). */
  createClient(options: AnthropicClientOptions): Promise<AnthropicClient> | AnthropicClient;
}

export interface KeyCheckResult {
  level: 'info' | 'warning';
  message: string;
}

/** Checks `key` with a free `count_tokens` call at the configured endpoint, never at the simulator. */
export async function checkKey(input: KeyCheckInput): Promise<KeyCheckResult> {
  const sim = input.simulatorUrl;
  if (sim && !input.baseUrlIsSet) {
    return {
      level: 'info',
      message: `Thinkfast: API key saved, not checked. Requests go to the local simulator (${sim}), which accepts any key; the key is checked by ${input.baseUrl} when Thinkfast talks to it (set thinkfast.baseUrl to check it against another endpoint now).`,
    };
  }
  const base = checkBaseUrl(input.baseUrl);
  if (!base.ok) return { level: 'warning', message: `Thinkfast: key saved, not checked: ${base.message}` };
  const whereNow = sim ? ` (requests go to the local simulator at ${sim} for now)` : '';
  const client = await input.createClient({
    ...input.client,
    baseUrl: base.url,
    auth: input.authHeader === 'bearer' ? { bearer: input.key } : { apiKey: input.key },
    maxRetries: 0,
  });
  try {
    // count_tokens is free and needs a valid key: a cheap, honest check.
    await client.countTokens({
      model: input.model,
      max_tokens: 1,
      messages: [{ role: 'user', content: 'ping' }],
    });
    return {
      level: 'info',
      message: `Thinkfast: API key saved and accepted by ${base.url} (a free count_tokens request)${whereNow}.`,
    };
  } catch (e) {
    return {
      level: 'warning',
      message: `Thinkfast: key saved, but ${base.url} refused the check: ${(e as Error).message}${whereNow}`,
    };
  } finally {
    await client.close();
  }
}

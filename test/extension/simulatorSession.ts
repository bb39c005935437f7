import * as vscode from 'vscode';
import type { LoggedRequest } from '../simulator/requestLog';
import { startSimulator, type Simulator } from '../simulator/server';
import type { SimulatorOptions } from '../simulator/options';
export { thinkfast } from './thinkfastExtension';

const simulatorEnvVar = 'THINKFAST_SIMULATOR_URL';

/**
 * A simulator in this process that the extension talks to. The tests share the extension host
 * with the extension, so setting the environment variable here redirects the backend's next
 * client; `stop()` puts the previous value back.
 */
export async function useSimulator(
  options: SimulatorOptions = {},
): Promise<{ sim: Simulator; stop(): Promise<void> }> {
  const sim = await startSimulator({
    tokensPerSecond: 2_000,
    firstTokenDelayMs: 0,
    pingIntervalMs: 1_000,
    ...options,
  });
  const previous = process.env[simulatorEnvVar];
  process.env[simulatorEnvVar] = sim.url;
  return {
    sim,
    async stop() {
      if (previous === undefined) delete process.env[simulatorEnvVar];
      else process.env[simulatorEnvVar] = previous;
      await sim.close();
    },
  };
}

/** `POST /v1/messages` requests the simulator received, oldest first. */
export function messageRequests(sim: Simulator): LoggedRequest[] {
  return sim.requests.filter((r) => r.method === 'POST' && r.path === '/v1/messages');
}

/** Writes a user (global) setting; `undefined` removes it. */
export async function setUserSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('thinkfast').update(key, value, vscode.ConfigurationTarget.Global);
}

/** Removes the given settings from the user and workspace settings. */
export async function resetSettings(keys: readonly string[]): Promise<void> {
  const config = vscode.workspace.getConfiguration('thinkfast');
  for (const key of keys) {
    const inspected = config.inspect(key);
    if (inspected?.globalValue !== undefined)
      await config.update(key, undefined, vscode.ConfigurationTarget.Global);
    if (inspected?.workspaceValue !== undefined)
      await config.update(key, undefined, vscode.ConfigurationTarget.Workspace);
  }
}

/** Polls until `probe` returns something truthy; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => T | undefined | null | false,
  what: string,
  timeoutMs = 25_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

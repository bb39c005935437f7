import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from './freePort';
import { ensureCodeServer, hostEnv } from './installCodeServer';
import { delay, spawnGroup } from './processGroup';

export interface CodeServerOptions {
  /** Start with `--vscode-option enable-smoke-test-driver` so the workbench honours a test payload. */
  readonly smokeDriver?: boolean;
  /** Extensions folder (defaults to an empty one under the server's own folder). */
  readonly extensionsDir?: string;
  /** Extra environment for the server and so for the extension host (e.g. THINKFAST_SIMULATOR_URL). */
  readonly env?: NodeJS.ProcessEnv;
  /** Folder the workbench opens (defaults to an empty temporary workspace). */
  readonly folder?: string;
  /** Keep user data here instead of a fresh temporary folder (so `npm start` remembers layout). */
  readonly dataDir?: string;
  /** User settings over the quiet defaults, written when the user-data folder has none yet. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Where server output goes, line by line (defaults to nowhere: it is chatty). */
  readonly log?: (line: string) => void;
}

export interface CodeServer {
  /** Workbench URL with the folder already in the query. */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly folder: string;
  readonly dataDir: string;
  /** Stops the server and its children; safe to call twice. */
  stop(): Promise<void>;
}

const healthTimeoutMs = 60_000;

/** Settings that keep the workbench quiet: nothing opens, updates or phones home on its own. */
const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
};

/**
 * Starts code-server (installing it on first use) in its own process group on a free port with
 * its own user-data-dir, and resolves once `/healthz` answers.
 */
export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const install = await ensureCodeServer();
  const port = await freePort();
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'thinkfast-code-server-'));
  const ownsDataDir = options.dataDir === undefined;
  const folder = options.folder ?? path.join(dataDir, 'workspace');
  const extensionsDir = options.extensionsDir ?? path.join(dataDir, 'exts');
  for (const dir of [folder, extensionsDir, path.join(dataDir, 'user', 'User')])
    fs.mkdirSync(dir, { recursive: true });
  const settingsFile = path.join(dataDir, 'user', 'User', 'settings.json');
  if (!fs.existsSync(settingsFile))
    fs.writeFileSync(settingsFile, `${JSON.stringify({ ...quietSettings, ...options.settings }, null, 2)}\n`);
  // An explicit config file keeps code-server from writing a password config into ~/.config.
  fs.writeFileSync(path.join(dataDir, 'config.yaml'), 'auth: none\ncert: false\n');

  const args = [
    install.entry,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    path.join(dataDir, 'user'),
    '--extensions-dir',
    extensionsDir,
    '--config',
    path.join(dataDir, 'config.yaml'),
    ...(options.smokeDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ];
  const server = spawnGroup(install.node, args, { env: hostEnv(install.nodeDir, options.env) });
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      output.push(line);
      if (output.length > 50) output.shift();
      options.log?.(line);
    }
  };
  server.child.stdout?.on('data', collect);
  server.child.stderr?.on('data', collect);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.stop();
    if (ownsDataDir) fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
  };
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(origin, server.exited, () => output.join('\n'));
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `${origin}/?folder=${encodeURIComponent(folder)}`, origin, port, folder, dataDir, stop };
}

async function waitForHealth(
  origin: string,
  exited: Promise<number | string>,
  output: () => string,
): Promise<void> {
  let exitCode: number | string | undefined;
  void exited.then((code) => (exitCode = code));
  const deadline = Date.now() + healthTimeoutMs;
  while (Date.now() < deadline) {
    if (exitCode !== undefined)
      throw new Error(`code-server exited (${exitCode}) before it was ready:\n${output()}`);
    if (await isHealthy(`${origin}/healthz`)) return;
    await delay(250);
  }
  throw new Error(
    `code-server did not answer ${origin}/healthz within ${healthTimeoutMs / 1000} s:\n${output()}`,
  );
}

function isHealthy(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.once('timeout', () => request.destroy());
    request.once('error', () => resolve(false));
  });
}

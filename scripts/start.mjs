// `npm start`: build, start the Messages API simulator when there is no API key, and open VS Code
// with the extension loaded from this folder — desktop VS Code when `code` is on PATH, otherwise
// code-server in the browser. Ctrl+C stops everything this script started.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import process from 'node:process';
import { setTimeout, clearTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const stops = [];

async function main() {
  build();
  // Keep dist/ current while you work: reload the window (or restart the host) to pick changes up.
  const watch = spawn(process.execPath, ['esbuild.js', '--watch'], {
    cwd: root,
    detached: true,
    stdio: 'inherit',
  });
  stops.push(() => killGroup(watch.pid));
  const env = {};
  if (process.env.ANTHROPIC_API_KEY) {
    console.log('[start] ANTHROPIC_API_KEY is set: the extension talks to the real API');
  } else {
    const url = await startSimulator();
    if (url) env.THINKFAST_SIMULATOR_URL = url;
  }
  const code = findOnPath('code');
  if (code) await openDesktop(code, env);
  else await openCodeServer(env);
}

function build() {
  console.log('[start] building the extension and the simulator');
  execFileSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, ['esbuild.js', '--tests', 'test/simulator', 'test/host'], {
    cwd: root,
    stdio: 'inherit',
  });
}

/** Starts the simulator on a free port; resolves with its URL, or undefined if it is not built. */
async function startSimulator() {
  const cli = join(root, 'out', 'test', 'simulator', 'cli.js');
  if (!existsSync(cli)) {
    console.log(
      '[start] no API key and no simulator yet (out/test/simulator/cli.js): chat requests will fail',
    );
    return undefined;
  }
  const { freePort } = require(join(root, 'out', 'test', 'host', 'freePort.js'));
  const port = await freePort();
  const child = spawn(process.execPath, [cli, '--port', String(port)], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  stops.push(() => killGroup(child.pid));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the simulator printed no URL within 15 s')), 15_000);
    let seen = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(`[simulator] ${chunk}`);
      seen += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.once('exit', (code) => reject(new Error(`the simulator exited (${code}) before printing its URL`)));
  });
  console.log(`[start] no ANTHROPIC_API_KEY: using the simulator at ${url}`);
  return url;
}

/** Desktop VS Code: an Extension Development Host window; `--wait` keeps us alive until it closes. */
async function openDesktop(code, env) {
  console.log(`[start] opening VS Code (${code}) with the extension from ${root}`);
  const child = spawn(code, ['--new-window', '--wait', `--extensionDevelopmentPath=${root}`], {
    env: { ...process.env, ...env },
    stdio: 'inherit',
    detached: true,
  });
  stops.push(() => killGroup(child.pid));
  await new Promise((resolve) => child.once('exit', resolve));
}

/**
 * code-server: the extension is linked into a dev extensions folder (an installed extension that
 * points at this checkout; reload the window after rebuilding). User data stays in
 * .vscode-test/dev so the layout survives restarts.
 */
async function openCodeServer(env) {
  const { startCodeServer } = require(join(root, 'out', 'test', 'host', 'codeServer.js'));
  const { version, publisher, name } = require(join(root, 'package.json'));
  const { hostCacheDir } = require(join(root, 'out', 'test', 'host', 'paths.js'));
  const devDir = join(hostCacheDir, 'dev');
  const extensionsDir = join(devDir, 'exts');
  const link = join(extensionsDir, `${publisher}.${name}-${version}`);
  rmSync(extensionsDir, { recursive: true, force: true });
  mkdirSync(extensionsDir, { recursive: true });
  symlinkSync(root, link, 'dir');
  const server = await startCodeServer({ extensionsDir, env, folder: root, dataDir: join(devDir, 'data') });
  stops.push(() => server.stop());
  console.log(`\n[start] code-server is ready: ${server.url}\n[start] Ctrl+C stops it.`);
  await new Promise(() => undefined);
}

function findOnPath(command) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, command))) return join(dir, command);
  }
  return undefined;
}

function killGroup(pid) {
  try {
    if (pid !== undefined) process.kill(-pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
}

async function stopAll() {
  for (const stop of stops.splice(0).reverse()) await Promise.resolve(stop()).catch(() => undefined);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.log('\n[start] stopping');
    void stopAll().then(() => process.exit(0));
  });
}

main()
  .then(stopAll)
  .catch(async (error) => {
    console.error(`[start] ${error instanceof Error ? error.message : error}`);
    await stopAll();
    process.exitCode = 1;
  });

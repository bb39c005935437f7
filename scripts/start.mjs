// `npm start`: build, start the Messages API simulator when there is no API key, and open VS Code
// on the sample workspace (sample/) with the extension loaded from this folder — desktop VS Code
// when `code` is on PATH, otherwise code-server in the browser (its first install needs system
// packages: provision.mjs gets them). Ctrl+C stops everything this script started.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import process from 'node:process';
import { setTimeout, clearTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { provision } from './provision.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** What the window opens: a few small files to chat about and refactor, not this repository. */
const sampleFolder = join(root, 'sample');
const require = createRequire(import.meta.url);
const stops = [];
// Built by buildTools() before first use: the same process-group handling the test runners use,
// so that Ctrl+C (or a crash) takes every child group down with this script.
const hostModule = (name) => require(join(root, 'out', 'test', 'host', `${name}.js`));
const spawnGroup = (...args) => hostModule('processGroup').spawnGroup(...args);

async function main() {
  try {
    provision('start', { log: console.log });
  } catch (error) {
    // Its message is complete (what is missing, why, the command to run): print it as it is.
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
    return;
  }
  buildTools();
  await watchExtension();
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

/** The simulator and the host launcher are test code, transpiled into out/ like the tests. */
function buildTools() {
  console.log('[start] building the simulator and the host launcher');
  execFileSync(process.execPath, ['esbuild.js', '--tests', 'test/simulator', 'test/host'], {
    cwd: root,
    stdio: 'inherit',
  });
}

/**
 * Builds dist/ in watch mode and resolves after the first build, so the host never loads a
 * half-written bundle. Later edits rebuild on their own; reload the window to pick them up.
 */
function watchExtension() {
  console.log('[start] building the extension (watching for changes)');
  const { child: watch, stop } = spawnGroup(process.execPath, ['esbuild.js', '--watch'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  stops.push(() => stop(2000));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the first build did not finish within 120 s')), 120_000);
    // esbuild.js watches two bundles (extension, webview); each reports its own first build.
    let finished = 0;
    watch.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      finished += chunk.toString().split('build finished').length - 1;
      if (finished >= 2) {
        clearTimeout(timer);
        resolve();
      }
    });
    watch.once('exit', (code) => reject(new Error(`esbuild --watch exited (${code})`)));
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
  const { freePort } = hostModule('freePort');
  const port = await freePort();
  const { child, stop } = spawnGroup(process.execPath, [cli, '--port', String(port)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  stops.push(() => stop(2000));
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
  console.log(`[start] opening VS Code (${code}) on ${sampleFolder} with the extension from ${root}`);
  const readme = join(sampleFolder, 'README.md');
  const args = ['--new-window', '--wait', `--extensionDevelopmentPath=${root}`, sampleFolder, readme];
  const vscode = spawnGroup(code, args, {
    env: { ...process.env, ...env },
    stdio: 'inherit',
  });
  stops.push(() => vscode.stop());
  await vscode.exited;
}

/**
 * code-server: the extension is linked into a dev extensions folder (an installed extension that
 * points at this checkout; reload the window after rebuilding). User data stays in
 * .vscode-test/dev so the layout survives restarts.
 */
async function openCodeServer(env) {
  const { startCodeServer } = hostModule('codeServer');
  const { version, publisher, name } = require(join(root, 'package.json'));
  const { hostCacheDir } = hostModule('paths');
  const devDir = join(hostCacheDir, 'dev');
  const extensionsDir = join(devDir, 'exts');
  const link = join(extensionsDir, `${publisher}.${name}-${version}`);
  rmSync(extensionsDir, { recursive: true, force: true });
  mkdirSync(extensionsDir, { recursive: true });
  symlinkSync(root, link, 'dir');
  const server = await startCodeServer({
    extensionsDir,
    env,
    folder: sampleFolder,
    dataDir: join(devDir, 'data'),
    // The sample's README (what to try) opens with the workspace.
    settings: { 'workbench.startupEditor': 'readme' },
  });
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

/** Stops everything at once: the quick kills must not wait behind code-server's graceful stop. */
async function stopAll() {
  await Promise.all(stops.splice(0).map((stop) => Promise.resolve(stop()).catch(() => undefined)));
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

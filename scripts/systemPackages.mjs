// The one place that knows what Thinkfast's test hosts and `npm start` need from the operating
// system: which Debian packages, why, how to see that each is present without asking apt (files
// it installs), and what to do when some are missing. Decisions only, no side effects:
// provision.mjs gathers the facts, acts on the plan and is what npm start, npm test and .ci/run call.
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Debian's Chromium unless CHROME_PATH points elsewhere (test/host/chromium.ts uses the same rule). */
export const defaultChromium = '/usr/bin/chromium';

/**
 * Every package, what it is for, and its probe: commands that must be on PATH and files that
 * must exist. `browser` packages serve the suites; `hostBuild` packages compile code-server's
 * native modules, so they matter only until the code-server host is installed in its cache.
 */
export const systemPackages = [
  {
    name: 'chromium',
    group: 'browser',
    why: 'the headless browser that runs the webview, extension-host and end-to-end suites',
    files: [defaultChromium],
  },
  {
    name: 'build-essential',
    group: 'hostBuild',
    why: "C/C++ compiler and make, to build code-server's native modules",
    commands: ['g++', 'make'],
  },
  {
    name: 'python3',
    group: 'hostBuild',
    why: 'node-gyp, which builds those modules, runs on Python',
    commands: ['python3'],
  },
  {
    name: 'pkg-config',
    group: 'hostBuild',
    why: 'node-gyp finds the libraries below through it',
    commands: ['pkg-config'],
  },
  {
    name: 'libkrb5-dev',
    group: 'hostBuild',
    why: "Kerberos (GSSAPI) headers for VS Code's kerberos module",
    files: ['/usr/include/gssapi/gssapi.h'],
  },
  {
    name: 'libsecret-1-dev',
    group: 'hostBuild',
    why: "libsecret headers for VS Code's credential-store module",
    files: ['/usr/include/libsecret-1/libsecret/secret.h'],
  },
  {
    name: 'libx11-dev',
    group: 'hostBuild',
    why: 'X11 headers for native-keymap (keyboard layouts)',
    files: ['/usr/include/X11/Xlib.h'],
  },
  {
    name: 'libxkbfile-dev',
    group: 'hostBuild',
    why: 'xkbfile headers for native-keymap',
    files: ['/usr/include/X11/extensions/XKBfile.h'],
  },
];

/** Node and code-server versions of the test host; test/host/installCodeServer.ts reads the same file. */
export function hostVersions() {
  return JSON.parse(readFileSync(join(repoRoot, 'test', 'host', 'hostVersions.json'), 'utf8'));
}

export function hostCacheDir(env) {
  return env.THINKFAST_HOST_CACHE ? resolve(env.THINKFAST_HOST_CACHE) : join(repoRoot, '.vscode-test');
}

/** The code-server host is installed when both parts carry the marker a finished install writes. */
export function hostInstalled(env, exists = existsSync) {
  const { node, codeServer } = hostVersions();
  const cache = hostCacheDir(env);
  return [`node-${node}`, `code-server-${codeServer}`].every((dir) =>
    exists(join(cache, dir, '.thinkfast-installed')),
  );
}

/**
 * Which packages are missing for the given groups, by their probes (only existsSync: no
 * process is started). `THINKFAST_PRETEND_MISSING=chromium,libkrb5-dev` reports those as
 * missing whatever is installed, to try the paths below without removing anything.
 */
export function missingPackages(groups, env, exists = existsSync) {
  const pretend = new Set((env.THINKFAST_PRETEND_MISSING ?? '').split(',').map((s) => s.trim()));
  return systemPackages.filter((p) => {
    if (!groups.includes(p.group)) return false;
    if (pretend.has(p.name)) return true;
    // A browser of the user's choosing replaces Debian's.
    const files = p.name === 'chromium' && env.CHROME_PATH ? [env.CHROME_PATH] : (p.files ?? []);
    return !files.every((f) => exists(f)) || !(p.commands ?? []).every((c) => onPath(c, env, exists));
  });
}

export function onPath(command, env, exists = existsSync) {
  return (env.PATH ?? '').split(delimiter).some((dir) => dir && exists(join(dir, command)));
}

/**
 * What to do about `missing`, given the facts about this machine: `{debian, apt, root, sudo,
 * chromePath, retry}` (chromePath: CHROME_PATH when set; retry: the command to run afterwards).
 * Returns `{action: 'ready'}`, `{action: 'install', lines, commands}` (argv lists to run in
 * order) or `{action: 'fail', lines}`.
 */
export function plan(missing, facts) {
  if (missing.length === 0) return { action: 'ready', lines: [] };
  const names = missing.map((p) => p.name);
  const lines = [
    `[setup] Thinkfast needs ${names.length === 1 ? 'a system package that is' : 'system packages that are'} missing:`,
  ];
  for (const p of missing) lines.push(`[setup]   ${p.name.padEnd(16)} ${p.why}`);
  if (facts.chromePath && names.includes('chromium')) {
    return fail(lines, [
      `CHROME_PATH is set to ${facts.chromePath}, which does not exist.`,
      "Point CHROME_PATH at a Chromium or Chrome binary, or unset it to use Debian's chromium.",
    ]);
  }
  const apt = `apt-get install -y ${names.join(' ')}`;
  const again = facts.retry ? `\`${facts.retry}\` again` : 'the same command again';
  if (!facts.debian || !facts.apt) {
    return fail(lines, [
      `${facts.debian ? 'apt-get is not on PATH' : 'This is not a Debian-based system'}, so Thinkfast cannot install them itself.`,
      'On Debian or Ubuntu the command would be:',
      `  sudo apt-get update && sudo ${apt}`,
      'Elsewhere install the equivalents with your package manager (a C/C++ toolchain, Python 3,',
      'pkg-config, the Kerberos, libsecret, X11 and xkbfile development headers, Chromium),',
      `or set CHROME_PATH to a Chromium or Chrome binary. Then run ${again}.`,
    ]);
  }
  if (!facts.root && !facts.sudo) {
    return fail(lines, [
      'Installing needs root, and this user is not root and has no passwordless sudo. Run:',
      `  sudo apt-get update && sudo ${apt}`,
      `(or as root: apt-get update && ${apt}), then run ${again}.`,
    ]);
  }
  // sudo drops the environment, so the non-interactive frontend is passed through `env`.
  const prefix = facts.root ? [] : ['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive'];
  lines.push(`[setup] installing with apt-get${facts.root ? '' : ' (through sudo)'}: ${names.join(' ')}`);
  return {
    action: 'install',
    lines,
    commands: [
      [...prefix, 'apt-get', 'update'],
      [...prefix, 'apt-get', 'install', '-y', ...names],
    ],
  };
}

function fail(lines, reasons) {
  return { action: 'fail', lines: [...lines, ...reasons.map((r) => `[setup] ${r}`)] };
}

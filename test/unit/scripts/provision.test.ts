// The provisioning decisions of scripts/systemPackages.mjs and scripts/provision.mjs: which
// packages count as missing, and what is done or printed about them. No apt-get is run here:
// probes get a fake `exists`, and plan() only returns argv lists.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

interface SystemPackage {
  readonly name: string;
  readonly group: 'browser' | 'hostBuild';
  readonly why: string;
}
type Exists = (file: string) => boolean;
interface Facts {
  debian: boolean;
  apt: boolean;
  root: boolean;
  sudo: boolean;
  chromePath?: string;
  retry?: string;
}
interface Plan {
  readonly action: 'ready' | 'install' | 'fail';
  readonly lines: string[];
  readonly commands?: string[][];
}
interface SystemPackagesModule {
  systemPackages: SystemPackage[];
  missingPackages(groups: string[], env: NodeJS.ProcessEnv, exists?: Exists): SystemPackage[];
  hostInstalled(env: NodeJS.ProcessEnv, exists?: Exists): boolean;
  plan(missing: SystemPackage[], facts: Facts): Plan;
}
interface ProvisionModule {
  groupsFor(purpose: string, env: NodeJS.ProcessEnv, platform: string): string[];
}

const repoRoot = path.join(__dirname, '..', '..', '..', '..');
const load = async <T>(file: string) =>
  (await import(pathToFileURL(path.join(repoRoot, 'scripts', file)).href)) as T;

describe('system packages (scripts/provision.mjs)', () => {
  let sys: SystemPackagesModule;
  let prov: ProvisionModule;
  const names = () => sys.systemPackages.map((p) => p.name);
  const pick = (...wanted: string[]) => sys.systemPackages.filter((p) => wanted.includes(p.name));
  const debianRoot: Facts = { debian: true, apt: true, root: true, sudo: false };
  const env = { PATH: '/usr/bin' };

  before(async () => {
    sys = await load<SystemPackagesModule>('systemPackages.mjs');
    prov = await load<ProvisionModule>('provision.mjs');
  });

  it('knows the browser and the build packages for code-server, each with a reason', () => {
    for (const name of [
      'chromium',
      'build-essential',
      'python3',
      'pkg-config',
      'libkrb5-dev',
      'libsecret-1-dev',
      'libx11-dev',
      'libxkbfile-dev',
    ])
      assert.ok(names().includes(name), name);
    for (const p of sys.systemPackages) assert.ok(p.why.length > 10, p.name);
  });

  it('finds nothing missing when every probed file exists, and everything when none does', () => {
    assert.deepEqual(
      sys.missingPackages(['browser', 'hostBuild'], env, () => true),
      [],
    );
    assert.deepEqual(
      sys.missingPackages(['browser', 'hostBuild'], env, () => false).map((p) => p.name),
      names(),
    );
    assert.deepEqual(
      sys.missingPackages(['browser'], env, () => false).map((p) => p.name),
      ['chromium'],
    );
  });

  it('probes headers by file and tools on PATH', () => {
    const present = new Set([
      '/usr/bin/chromium',
      '/opt/tools/g++',
      '/opt/tools/make',
      '/usr/include/X11/Xlib.h',
    ]);
    const missing = sys.missingPackages(['browser', 'hostBuild'], { PATH: '/opt/tools' }, (f) =>
      present.has(f),
    );
    assert.deepEqual(
      missing.map((p) => p.name),
      ['python3', 'pkg-config', 'libkrb5-dev', 'libsecret-1-dev', 'libxkbfile-dev'],
    );
  });

  it('takes CHROME_PATH instead of Debian’s chromium', () => {
    const custom = { ...env, CHROME_PATH: '/opt/chrome/chrome' };
    assert.deepEqual(
      sys.missingPackages(['browser'], custom, (f) => f === '/opt/chrome/chrome'),
      [],
    );
    assert.equal(sys.missingPackages(['browser'], custom, (f) => f === '/usr/bin/chromium').length, 1);
  });

  it('reports what THINKFAST_PRETEND_MISSING names even when it is installed', () => {
    const pretend = { ...env, THINKFAST_PRETEND_MISSING: 'chromium, libkrb5-dev' };
    assert.deepEqual(
      sys.missingPackages(['browser', 'hostBuild'], pretend, () => true).map((p) => p.name),
      ['chromium', 'libkrb5-dev'],
    );
  });

  it('does nothing when nothing is missing', () => {
    assert.equal(sys.plan([], debianRoot).action, 'ready');
  });

  it('as root on Debian: says what and why, then apt-get update and install of exactly the missing', () => {
    const result = sys.plan(pick('chromium', 'libkrb5-dev'), debianRoot);
    assert.equal(result.action, 'install');
    assert.deepEqual(result.commands, [
      ['apt-get', 'update'],
      ['apt-get', 'install', '-y', 'chromium', 'libkrb5-dev'],
    ]);
    const text = result.lines.join('\n');
    assert.match(text, /chromium +the headless browser/);
    assert.match(text, /libkrb5-dev +Kerberos/);
    assert.doesNotMatch(text, /libx11-dev/);
  });

  it('with passwordless sudo: the same through sudo -n, non-interactive', () => {
    const result = sys.plan(pick('python3'), { ...debianRoot, root: false, sudo: true });
    assert.equal(result.action, 'install');
    assert.deepEqual(result.commands?.[1], [
      'sudo',
      '-n',
      'env',
      'DEBIAN_FRONTEND=noninteractive',
      'apt-get',
      'install',
      '-y',
      'python3',
    ]);
  });

  it('without root or sudo: fails with the exact command and runs nothing', () => {
    const facts = { ...debianRoot, root: false, retry: 'npm test' };
    const result = sys.plan(pick('chromium', 'libsecret-1-dev'), facts);
    assert.equal(result.action, 'fail');
    assert.equal(result.commands, undefined);
    const text = result.lines.join('\n');
    assert.match(text, /not root and has no passwordless sudo/);
    assert.ok(text.includes('sudo apt-get update && sudo apt-get install -y chromium libsecret-1-dev'), text);
    assert.match(text, /then run `npm test` again/);
  });

  it('off Debian or without apt-get: fails with the Debian command and what to get elsewhere', () => {
    for (const facts of [
      { ...debianRoot, debian: false },
      { ...debianRoot, apt: false },
    ]) {
      const result = sys.plan(pick('libx11-dev'), facts);
      assert.equal(result.action, 'fail');
      const text = result.lines.join('\n');
      assert.ok(text.includes('sudo apt-get update && sudo apt-get install -y libx11-dev'), text);
      assert.match(text, /your package manager/);
      assert.match(text, /CHROME_PATH/);
    }
  });

  it('does not install Debian’s Chromium when CHROME_PATH names a browser that is not there', () => {
    const result = sys.plan(pick('chromium'), { ...debianRoot, chromePath: '/opt/chrome/chrome' });
    assert.equal(result.action, 'fail');
    assert.match(
      result.lines.join('\n'),
      /CHROME_PATH is set to \/opt\/chrome\/chrome, which does not exist/,
    );
  });

  describe('what each command needs', () => {
    let cache: string;
    let bin: string;
    beforeEach(() => {
      cache = fs.mkdtempSync(path.join(os.tmpdir(), 'thinkfast-provision-'));
      bin = path.join(cache, 'bin');
      fs.mkdirSync(bin);
    });
    afterEach(() => fs.rmSync(cache, { recursive: true, force: true }));

    const markInstalled = () => {
      const versions = JSON.parse(
        fs.readFileSync(path.join(repoRoot, 'test', 'host', 'hostVersions.json'), 'utf8'),
      ) as { node: string; codeServer: string };
      for (const dir of [`node-${versions.node}`, `code-server-${versions.codeServer}`]) {
        fs.mkdirSync(path.join(cache, dir), { recursive: true });
        fs.writeFileSync(path.join(cache, dir, '.thinkfast-installed'), 'x');
      }
    };

    it('tests need the browser, and the build packages until the host is installed', () => {
      const hostEnv = { PATH: bin, THINKFAST_HOST_CACHE: cache };
      assert.deepEqual(prov.groupsFor('test', hostEnv, 'linux'), ['browser', 'hostBuild']);
      assert.deepEqual(prov.groupsFor('host', hostEnv, 'linux'), ['hostBuild']);
      assert.equal(sys.hostInstalled(hostEnv), false);
      markInstalled();
      assert.equal(sys.hostInstalled(hostEnv), true);
      assert.deepEqual(prov.groupsFor('test', hostEnv, 'linux'), ['browser']);
      assert.deepEqual(prov.groupsFor('host', hostEnv, 'linux'), []);
    });

    it('npm start needs nothing with desktop VS Code on PATH, else the build packages', () => {
      const hostEnv = { PATH: bin, THINKFAST_HOST_CACHE: cache };
      assert.deepEqual(prov.groupsFor('start', hostEnv, 'linux'), ['hostBuild']);
      fs.writeFileSync(path.join(bin, 'code'), '');
      assert.deepEqual(prov.groupsFor('start', hostEnv, 'linux'), []);
    });

    it('outside Linux only the browser is checked', () => {
      assert.deepEqual(prov.groupsFor('test', { PATH: bin, THINKFAST_HOST_CACHE: cache }, 'darwin'), [
        'browser',
      ]);
    });
  });

  it('the READMEs give the same apt-get command as the list', () => {
    const command = `apt-get install -y ${names().join(' ')}`;
    for (const file of ['README.md', path.join('test', 'host', 'README.md')]) {
      const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
      assert.ok(text.includes(command), `${file} should contain: ${command}`);
    }
  });
});

import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { repoRoot } from '../../host/paths';
import { probeCommand, probeId, probeTitle } from './probeNames';

const run = promisify(execFile);

/** Packages the key probe (its compiled files next to this one) as a .vsix in `dir`. */
export async function packageKeyProbe(dir: string): Promise<string> {
  const src = path.join(dir, 'key-probe');
  fs.mkdirSync(src, { recursive: true });
  for (const file of ['extension.js', 'probeNames.js'])
    fs.copyFileSync(path.join(__dirname, file), path.join(src, file));
  const [publisher, name] = probeId.split('.');
  const manifest = {
    name,
    publisher,
    displayName: 'Thinkfast Key Probe (test)',
    description: 'Looks for the Thinkfast API key from a second extension.',
    version: '0.0.1',
    license: 'UNLICENSED',
    engines: { vscode: '^1.90.0' },
    main: './extension.js',
    activationEvents: [`onCommand:${probeCommand}`],
    contributes: { commands: [{ command: probeCommand, title: probeTitle }] },
  };
  fs.writeFileSync(path.join(src, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(src, 'README.md'), '# Key probe\n\nA test extension.\n');
  const out = path.join(dir, 'key-probe.vsix');
  const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  try {
    await run(
      process.execPath,
      [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out],
      {
        cwd: src,
        timeout: 120_000,
      },
    );
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`packaging the key probe failed:\n${stdout}${stderr}`);
  }
  return out;
}

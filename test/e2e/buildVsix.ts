import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../host/paths';

const run = promisify(execFile);

/**
 * Packages the extension exactly as it would ship. vsce runs `vscode:prepublish`
 * (check-types + production bundles) itself, so what we test is what a user installs.
 */
export async function buildVsix(outFile: string): Promise<void> {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.rmSync(outFile, { force: true });
  const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  try {
    await run(
      process.execPath,
      [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', outFile],
      {
        cwd: repoRoot,
        timeout: 5 * 60_000,
        maxBuffer: 16 * 1024 * 1024,
      },
    );
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`vsce package failed:\n${stdout}${stderr}`);
  }
}

import { ensureCodeServer, hostEnv } from './installCodeServer';
import { spawnGroup, withTimeout } from './processGroup';

/**
 * Installs a .vsix into an extensions folder with code-server's own CLI, the way a user's
 * `--install-extension` would, so the e2e run exercises the packaged artefact and not the sources.
 */
export async function installExtension(vsix: string, extensionsDir: string): Promise<void> {
  const install = await ensureCodeServer();
  const cli = spawnGroup(
    install.node,
    [install.entry, '--extensions-dir', extensionsDir, '--install-extension', vsix],
    {
      env: hostEnv(install.nodeDir),
    },
  );
  let output = '';
  cli.child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  cli.child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    const code = await withTimeout(cli.exited, 120_000, `installing ${vsix}`);
    if (code !== 0) throw new Error(`installing ${vsix} failed (${code}):\n${output}`);
  } finally {
    await cli.stop(1000);
  }
}

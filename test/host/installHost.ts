import { ensureCodeServer } from './installCodeServer';

// `node out/test/host/installHost.js`: install (or verify) the cached code-server host ahead of a run.
ensureCodeServer()
  .then((install) => console.log(`[host] ready: ${install.entry}`))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });

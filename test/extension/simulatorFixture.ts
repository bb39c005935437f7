// One Messages API simulator for the whole extension-host run, started on first use. The
// extension reads THINKFAST_SIMULATOR_URL whenever it builds a client, so setting it here (the
// tests share the extension host's process) points the extension at the simulator.

import { startSimulator, type Simulator } from '../simulator/server';

let shared: Promise<Simulator> | undefined;

export function sharedSimulator(): Promise<Simulator> {
  shared ??= startSimulator({ tokensPerSecond: 400, firstTokenDelayMs: 50 }).then((sim) => {
    process.env.THINKFAST_SIMULATOR_URL = sim.url;
    return sim;
  });
  return shared;
}

after(async () => {
  if (shared) await (await shared).close();
});

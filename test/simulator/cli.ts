// `npm run simulator -- --port N --rate R --first-token-ms M [--fast-rate F] [--ping-ms P]
//  [--fault SPEC] [--api-key KEY] [--model-rules JSON]`: runs the simulator until SIGINT/SIGTERM (the offline demo and
// manual testing). Prints one line with the URL; never prints a key.

import { parseArgs } from 'node:util';
import type { SimulatorOptions } from './options';
import { startSimulator } from './server';

function num(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} must be a non-negative number, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      rate: { type: 'string' },
      'fast-rate': { type: 'string' },
      'first-token-ms': { type: 'string' },
      'ping-ms': { type: 'string' },
      fault: { type: 'string' },
      'api-key': { type: 'string', multiple: true },
      'model-rules': { type: 'string' },
    },
  });
  const options: SimulatorOptions = {};
  const port = num(values.port, '--port');
  if (port !== undefined) options.port = port;
  const rate = num(values.rate, '--rate');
  if (rate !== undefined) options.tokensPerSecond = rate;
  const fastRate = num(values['fast-rate'], '--fast-rate');
  if (fastRate !== undefined) options.fastTokensPerSecond = fastRate;
  const ttft = num(values['first-token-ms'], '--first-token-ms');
  if (ttft !== undefined) options.firstTokenDelayMs = ttft;
  const ping = num(values['ping-ms'], '--ping-ms');
  if (ping !== undefined) options.pingIntervalMs = ping;
  if (values.fault !== undefined) options.fault = values.fault;
  if (values['api-key'] !== undefined) options.apiKeys = values['api-key'];
  // e.g. '{"claude-opus-5-5":{"fastMode":"removed"}}': the same overrides as startSimulator's.
  if (values['model-rules'] !== undefined) {
    options.modelRules = JSON.parse(values['model-rules']) as SimulatorOptions['modelRules'];
  }

  const sim = await startSimulator(options);
  console.log(`Thinkfast simulator listening on ${sim.url}`);
  const stop = (): void => {
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

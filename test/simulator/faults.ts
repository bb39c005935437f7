// Fault injection: the names, their parameters, and the three ways to ask for one — the
// `x-sim-fault` header, a `[sim:NAME k=v]` directive in the last user prompt, or a server-wide
// fault set with `configure({fault})`. See README.md for what each fault does.

export const FAULT_NAMES = [
  '429',
  '529',
  '500',
  'http',
  'stream-error',
  'drop',
  'stall',
  'drip',
  'malformed',
  'no-message-stop',
  'no-final-blank',
  'delay',
  'serve-standard',
] as const;

export type FaultName = (typeof FAULT_NAMES)[number];

export interface Fault {
  name: FaultName;
  /** `key=value` parameters; a bare `key` means `key=true`. */
  params: Readonly<Record<string, string>>;
}

/** A server-wide fault: optionally limited to the next `times` requests and/or fast requests. */
export interface ServerFault extends Fault {
  /** Apply to this many more matching requests, then clear itself. Unlimited when absent. */
  times?: number;
  /** Only `speed: "fast"` requests match (the fast-mode fallback tests). */
  fastOnly?: boolean;
}

export function isFaultName(name: string): name is FaultName {
  return (FAULT_NAMES as readonly string[]).includes(name);
}

/** Thrown for a fault spec the simulator does not know; the server answers 400 with its message. */
export class FaultSpecError extends Error {}

/**
 * Parses `NAME;k=v;k2=v2` (header and configure syntax). Words separated by `;` or whitespace.
 * `times=N` and `fast-only` become the ServerFault fields.
 */
export function parseFaultSpec(spec: string): ServerFault {
  const [name = '', ...rest] = spec
    .split(/[;\s]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return makeFault(name, parseParams(rest));
}

export function parseParams(words: readonly string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const word of words) {
    const eq = word.indexOf('=');
    if (eq < 0) params[word] = 'true';
    else params[word.slice(0, eq)] = word.slice(eq + 1);
  }
  return params;
}

export function makeFault(name: string, params: Record<string, string>): ServerFault {
  if (!isFaultName(name)) {
    throw new FaultSpecError(`unknown simulator fault "${name}"; known: ${FAULT_NAMES.join(', ')}`);
  }
  const { times, 'fast-only': fastOnly, ...rest } = params;
  const fault: ServerFault = { name, params: rest };
  if (times !== undefined) {
    const n = Number(times);
    if (!Number.isInteger(n) || n < 1)
      throw new FaultSpecError(`fault ${name}: times must be a positive integer`);
    fault.times = n;
  }
  if (fastOnly !== undefined && fastOnly !== 'false') fault.fastOnly = true;
  return fault;
}

/** A numeric parameter, or the default when absent or not a number. */
export function numParam(fault: Fault, key: string, fallback: number): number {
  const raw = fault.params[key];
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(n) ? n : fallback;
}

/** `429;retry-after=2` style, for the request log. */
export function describeFault(fault: Fault): string {
  const params = Object.entries(fault.params).map(([k, v]) => `${k}=${v}`);
  return [fault.name, ...params].join(';');
}

// Helpers for the client tests: a TCP relay in front of the simulator that counts connections and
// records the raw request bytes (the simulator's log keeps header names, not values), and a
// one-host CONNECT proxy for the proxy test.

import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { AnthropicClient, type AnthropicClientOptions } from '../../../src/anthropic/client';
import type { DeltaSink } from '../../../src/anthropic/reducer';
import type { ClientEvent } from '../../../src/anthropic/types';
import type { BlockDelta } from '../../../src/shared/protocol';

/** A key shaped like a real one, so the shape-based redaction is exercised too. */
export const TEST_KEY = 'sk-ant-api03-TESTKEY0123456789abcdef';

export interface Relay {
  url: string;
  /** TCP connections accepted so far. */
  connections: number;
  /** Everything clients sent, as latin1 text. */
  sent: string;
  close(): Promise<void>;
}

/** Relays every connection to `targetPort` on loopback. */
export async function startRelay(targetPort: number): Promise<Relay> {
  const sockets = new Set<Socket>();
  const relay: Relay = { url: '', connections: 0, sent: '', close: () => closeServer(server, sockets) };
  const server = createServer((client) => {
    relay.connections++;
    const upstream = connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    client.on('data', (d: Buffer) => (relay.sent += d.toString('latin1')));
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await listen(server);
  relay.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return relay;
}

export interface ConnectProxy {
  url: string;
  /** `host:port` targets of the CONNECT requests received. */
  targets: string[];
  close(): Promise<void>;
}

/** An HTTP CONNECT proxy that sends every tunnel to loopback `targetPort`, whatever host was asked. */
export async function startConnectProxy(targetPort: number): Promise<ConnectProxy> {
  const sockets = new Set<Socket>();
  const proxy: ConnectProxy = { url: '', targets: [], close: () => closeServer(server, sockets) };
  const server = createServer((client) => {
    sockets.add(client);
    client.on('error', () => undefined);
    client.on('close', () => sockets.delete(client));
    let head = '';
    const onData = (d: Buffer): void => {
      head += d.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      client.off('data', onData);
      const m = /^CONNECT (\S+) HTTP/.exec(head);
      if (!m) return void client.end('HTTP/1.1 405 Method Not Allowed\r\n\r\n');
      proxy.targets.push(m[1] ?? '');
      const upstream = connect(targetPort, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        const rest = Buffer.from(head.slice(end + 4), 'latin1');
        if (rest.length > 0) upstream.write(rest);
        client.pipe(upstream).pipe(client);
      });
      sockets.add(upstream);
      upstream.on('error', () => client.destroy());
      upstream.on('close', () => {
        sockets.delete(upstream);
        client.destroy();
      });
    };
    client.on('data', onData);
  });
  await listen(server);
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
}

function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const s of sockets) s.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A client for tests: short timeouts, a sleep that records and skips waits unless `realSleep`. */
export function testClient(
  baseUrl: string,
  extra: Partial<AnthropicClientOptions> = {},
): { client: AnthropicClient; sleeps: number[]; logs: string[] } {
  const sleeps: number[] = [];
  const logs: string[] = [];
  const client = new AnthropicClient({
    baseUrl,
    auth: { apiKey: TEST_KEY },
    userAgent: 'thinkfast/0.1.0 (test)',
    timeouts: { connectMs: 2_000, headersMs: 5_000, idleMs: 5_000 },
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    log: (line) => logs.push(line),
    ...extra,
  });
  return { client, sleeps, logs };
}

/** Collects the events and block deltas of one call. */
export function recorder(): {
  events: ClientEvent[];
  deltas: { delta: BlockDelta; block: string | undefined }[];
  onEvent: (e: ClientEvent) => void;
  onDelta: DeltaSink;
  text: () => string;
} {
  const events: ClientEvent[] = [];
  const deltas: { delta: BlockDelta; block: string | undefined }[] = [];
  return {
    events,
    deltas,
    onEvent: (e) => events.push(e),
    onDelta: (delta, message) => deltas.push({ delta, block: message.content[delta.index]?.type }),
    text: () =>
      deltas
        .map(({ delta, block }) => (delta.op === 'append' && block === 'text' ? delta.text : ''))
        .join(''),
  };
}

// A ChatSession in plain Node: the real session, store (in a temporary folder), turn runner and
// client against the simulator; only the vscode-bound parts (backend lease, status activity, chips,
// log) are small stand-ins. Counts how many requests stream at once.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AnthropicClient } from '../../../src/anthropic/client';
import { resolveModel } from '../../../src/anthropic/models';
import type { BuiltRequest } from '../../../src/anthropic/types';
import {
  ChatSession,
  type OpenConversationMemory,
  type SessionDeps,
} from '../../../src/extension/chat/chatSession';
import { ConversationStore } from '../../../src/extension/chat/conversationStore';
import type { TurnSettings } from '../../../src/extension/chat/turnRunner';
import type { HostMessage } from '../../../src/shared/protocol';

export const turnSettings: TurnSettings = {
  model: 'claude-opus-4-6',
  effort: 'high',
  fastMode: false,
  fastModeOn429: 'wait',
  maxTokens: 8000,
  thinkingMode: 'adaptive',
  thinkingBudgetTokens: 4000,
  thinkingDisplay: 'summarized',
  systemPrompt: '',
};

export interface SessionRig {
  readonly session: ChatSession;
  readonly store: ConversationStore;
  readonly posted: HostMessage[];
  readonly logged: string[];
  /** The most requests streaming at the same time so far. */
  maxConcurrent(): number;
  /** Waits until `count` turns have ended (turnEnd posted) and nothing runs any more. */
  settled(count: number, timeoutMs?: number): Promise<void>;
  dispose(): Promise<void>;
}

export function tempStorage(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'thinkfast-session-'));
}

export function sessionRig(
  simUrl: string,
  opts: {
    dir?: string;
    store?: ConversationStore;
    memory?: OpenConversationMemory;
    checkpointMs?: number;
    /** Sees each message as it is posted, synchronously. */
    onPost?: (m: HostMessage) => void;
  } = {},
): SessionRig {
  const dir = opts.dir ?? tempStorage();
  const store = opts.store ?? new ConversationStore(dir);
  const client = new AnthropicClient({
    baseUrl: simUrl,
    auth: { apiKey: 'sk-test' },
    userAgent: 'thinkfast-test',
    timeouts: { connectMs: 5_000, headersMs: 30_000, idleMs: 30_000 },
  });
  let now = 0;
  let max = 0;
  const stream = client.stream.bind(client);
  client.stream = async (built: BuiltRequest, o) => {
    max = Math.max(max, ++now);
    try {
      return await stream(built, o);
    } finally {
      now--;
    }
  };
  const posted: HostMessage[] = [];
  const logged: string[] = [];
  const line = (level: string) => (m: string, e?: unknown) =>
    void logged.push(`${level} ${m}${e instanceof Error ? ` ${e.message}` : ''}`);
  const deps = {
    store,
    backend: {
      settings: { current: turnSettings },
      learned: { record: () => Promise.resolve(true) },
      lease: () =>
        Promise.resolve({
          client,
          caps: resolveModel(turnSettings.model),
          settings: turnSettings,
          simulator: true,
          release: () => undefined,
        }),
    },
    activity: {
      streaming: <T>(p: Promise<T>) => p,
      meter: () => Object.assign(() => undefined, { chars: () => 0 }),
      reportRateLimits: () => undefined,
      reportResponse: () => undefined,
      conversationChanged: () => undefined,
    },
    chips: { take: () => [], clear: () => undefined },
    log: { info: line('info'), warn: line('warn'), error: line('error'), debug: line('debug') },
    openConversation: opts.memory,
    checkpointMs: opts.checkpointMs,
    post: (m: HostMessage) => {
      posted.push(m);
      opts.onPost?.(m);
    },
  } as unknown as SessionDeps;
  const session = new ChatSession(deps);
  return {
    session,
    store,
    posted,
    logged,
    maxConcurrent: () => max,
    async settled(count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await session.idle();
        if (posted.filter((m) => m.type === 'turnEnd').length >= count) break;
        if (Date.now() > deadline) throw new Error(`fewer than ${count} turns ended`);
        await new Promise((r) => setTimeout(r, 20));
      }
      await new Promise((r) => setTimeout(r, 50));
      await session.idle();
      await store.flush();
    },
    async dispose() {
      session.dispose();
      await store.flush();
      await client.close();
    },
  };
}

// Shared by the extension-host suites that drive whole chat turns against the simulator: one
// simulator and the chat view for the suite; per test a new chat, a record of what the host posted
// to the webview, and the `touched` settings reset afterwards.

import * as assert from 'node:assert/strict';
import type { HostMessage } from '../../src/shared/protocol';
import type { LoggedRequest } from '../simulator/requestLog';
import type { SimulatorOptions } from '../simulator/options';
import type { Simulator } from '../simulator/server';
import { messageRequests, resetSettings, useSimulator } from './simulatorSession';
import { openChat, type ThinkfastTestApi } from './thinkfastExtension';

export type TurnEnd = Extract<HostMessage, { type: 'turnEnd' }>;

/** What a chat suite works with; filled in by its hooks. */
export interface ChatSuite {
  api: ThinkfastTestApi;
  sim: Simulator;
  /** What the host posted to the webview during the current test. */
  posted: HostMessage[];
  /** The turn ends posted during the current test. */
  ends(this: void): TurnEnd[];
  /** Sends `prompt`, waits for the turn to end; its turn end and the Messages requests it made. */
  send(this: void, prompt: string): Promise<{ end: TurnEnd; requests: LoggedRequest[] }>;
}

export function useChatSuite(
  touched: readonly string[],
  hooks: { options?: SimulatorOptions; beforeEach?(): Promise<void>; afterEach?(): Promise<void> } = {},
): ChatSuite {
  let session: Awaited<ReturnType<typeof useSimulator>>;
  let sub: { dispose(): void } | undefined;
  const suite: ChatSuite = {
    api: undefined as unknown as ThinkfastTestApi,
    sim: undefined as unknown as Simulator,
    posted: [],
    ends: () => suite.posted.filter((m): m is TurnEnd => m.type === 'turnEnd'),
    async send(prompt) {
      const before = messageRequests(suite.sim).length;
      await suite.api.chat.send(prompt);
      await suite.api.chat.idle();
      const end = suite.ends().at(-1);
      assert.ok(end, 'the turn ended');
      return { end, requests: messageRequests(suite.sim).slice(before) };
    },
  };
  before(async () => {
    session = await useSimulator(hooks.options);
    suite.sim = session.sim;
    suite.api = await openChat();
    await resetSettings(touched);
  });
  beforeEach(async () => {
    await suite.api.chat.newChat();
    suite.posted = [];
    sub = suite.api.chatView.onDidPost((m) => suite.posted.push(m));
    await hooks.beforeEach?.();
  });
  afterEach(async () => {
    sub?.dispose();
    await suite.api.chat.stop();
    await hooks.afterEach?.();
    await resetSettings(touched);
  });
  after(async () => {
    await session.stop();
  });
  return suite;
}

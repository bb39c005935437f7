import * as assert from 'node:assert/strict';
import type { ContentBlock, Message, StreamEvent, Usage } from '../../../src/anthropic/types';
import { REFACTOR_NOTE, refactorCode } from '../../simulator/answers';
import { fastRate } from '../../simulator/options';
import { type Simulator, startSimulator } from '../../simulator/server';
import { FAST_TEST_SETTINGS, post, stream, types, userTurn } from './helpers';

const FAST_BETA = ['fast-mode-2026-02-01'];

/** Rebuilds the final content from the events, as a client reducer would. */
function assemble(events: readonly StreamEvent[]): {
  content: ContentBlock[];
  usage?: Partial<Usage>;
  stop?: string | null;
} {
  const content: ContentBlock[] = [];
  let usage: Partial<Usage> | undefined;
  let stop: string | null | undefined;
  for (const e of events) {
    if (e.type === 'content_block_start') content[e.index] = { ...e.content_block };
    else if (e.type === 'content_block_delta') {
      const b = content[e.index] as Record<string, string>;
      const d = e.delta as Record<string, string>;
      if (d.type === 'text_delta') b.text += d.text;
      if (d.type === 'thinking_delta') b.thinking += d.thinking;
      if (d.type === 'signature_delta') b.signature = d.signature ?? '';
    } else if (e.type === 'message_delta') {
      usage = e.usage;
      stop = e.delta.stop_reason;
    }
  }
  return { content, usage, stop };
}

describe('simulator: streaming messages', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator(FAST_TEST_SETTINGS);
  });
  after(() => sim.close());

  it('frames every event as `event: NAME\\ndata: JSON\\n\\n` with text/event-stream and a request-id', async () => {
    const { res, raw, events } = await stream(sim, {
      body: userTurn('Explain closures in JavaScript', { thinking: { type: 'adaptive' } }),
    });
    assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
    assert.match(res.headers.get('request-id') ?? '', /^req_sim_/);
    assert.ok(raw.endsWith('\n\n'));
    for (const chunk of raw.slice(0, -2).split('\n\n')) {
      const m = /^event: ([a-z_]+)\ndata: (.*)$/.exec(chunk);
      assert.ok(m, `bad frame ${JSON.stringify(chunk)}`);
      assert.equal((JSON.parse(m[2] ?? '') as { type: string }).type, m[1]);
    }
    assert.ok(events.length > 10);
  });

  it('orders events message_start → (block start, deltas, stop)* → message_delta → message_stop, with a ping', async () => {
    const { events } = await stream(sim, {
      body: userTurn('Explain closures in JavaScript', { thinking: { type: 'adaptive' } }),
    });
    const seq = types(events).filter((t) => t !== 'ping');
    assert.equal(seq[0], 'message_start');
    assert.deepEqual(seq.slice(-2), ['message_delta', 'message_stop']);
    assert.ok(types(events).includes('ping'));
    let open: number | undefined;
    let next = 0;
    for (const e of events.slice(1, -2)) {
      if (e.type === 'content_block_start') {
        assert.equal(open, undefined);
        assert.equal(e.index, next);
        open = e.index;
      } else if (e.type === 'content_block_delta') assert.equal(e.index, open);
      else if (e.type === 'content_block_stop') {
        assert.equal(e.index, open);
        open = undefined;
        next++;
      }
    }
    assert.equal(next, 2);
    const start = events[0] as Extract<StreamEvent, { type: 'message_start' }>;
    assert.deepEqual(start.message.content, []);
  });

  it('streams thinking (many deltas, signature just before stop) then a markdown answer', async () => {
    const { events } = await stream(sim, {
      body: userTurn('How do I parse JSON safely in Python?', { thinking: { type: 'adaptive' } }),
    });
    const thinkingDeltas = events.filter((e) => e.type === 'content_block_delta' && e.index === 0);
    assert.ok(thinkingDeltas.length > 20);
    const last = thinkingDeltas[thinkingDeltas.length - 1] as Extract<
      StreamEvent,
      { type: 'content_block_delta' }
    >;
    assert.equal(last.delta.type, 'signature_delta');
    const { content, stop } = assemble(events);
    assert.equal(content[0]?.type, 'thinking');
    assert.match((content[0] as { thinking: string }).thinking, /parse JSON safely in Python/);
    const text = (content[1] as { text: string }).text;
    assert.match(text, /^## /);
    assert.match(text, /^- /m);
    assert.match(text, /```python\n[\s\S]+\n```/);
    assert.equal(stop, 'end_turn');
  });

  it('reports cumulative usage: output = billed thinking + text, input ≈ chars/4', async () => {
    const prompt = 'Explain closures in JavaScript with an example';
    const { events } = await stream(sim, { body: userTurn(prompt, { thinking: { type: 'adaptive' } }) });
    const deltas = events.filter((e) => e.type === 'content_block_delta');
    const thinkingTokens = deltas.filter((e) => e.delta.type === 'thinking_delta').length * 2;
    const textTokens = deltas.filter((e) => e.delta.type === 'text_delta').length;
    const { usage } = assemble(events);
    assert.equal(usage?.output_tokens, thinkingTokens + textTokens);
    assert.equal(usage?.input_tokens, Math.ceil(prompt.length / 4) + 3);
    assert.equal(usage?.cache_read_input_tokens, 0);
    assert.equal(usage?.speed, 'standard');
    assert.equal(
      (usage?.output_tokens_details as { thinking_tokens?: number } | undefined)?.thinking_tokens,
      thinkingTokens,
    );
  });

  it('reports usage.speed "fast" for fast requests and "standard" for the others', async () => {
    const fast = await stream(sim, {
      body: userTurn('hello there', { model: 'claude-opus-5-5', speed: 'fast' }),
    });
    const start = fast.events[0] as Extract<StreamEvent, { type: 'message_start' }>;
    assert.equal(start.message.usage.speed, 'fast');
    assert.equal(assemble(fast.events).usage?.speed, 'fast');
    assert.equal(fast.res.headers.get('anthropic-fast-output-tokens-limit'), '200000');
    const standard = await stream(sim, { body: userTurn('hello there') });
    assert.equal(assemble(standard.events).usage?.speed, 'standard');
    assert.equal(standard.res.headers.get('anthropic-fast-output-tokens-limit'), null);
  });

  it('stops at max_tokens with stop_reason max_tokens and output_tokens = max_tokens', async () => {
    const { events } = await stream(sim, {
      body: userTurn('Explain closures in JavaScript', { max_tokens: 25 }),
    });
    const { content, usage, stop } = assemble(events);
    assert.equal(stop, 'max_tokens');
    assert.equal(usage?.output_tokens, 25);
    assert.equal((content[0] as { text: string }).text.length, 100);
  });

  it('caps manual thinking at budget_tokens', async () => {
    const body = userTurn('Explain closures in JavaScript', {
      model: 'claude-sonnet-4-5',
      max_tokens: 3000,
      thinking: { type: 'enabled', budget_tokens: 1024 },
    });
    const { content, stop } = assemble((await stream(sim, { body })).events);
    assert.equal(content[0]?.type, 'thinking');
    assert.ok((content[0] as { thinking: string }).thinking.length <= (1024 / 2) * 4);
    assert.equal(stop, 'end_turn');
  });

  it('streams an empty thinking text with a signature when display is omitted', async () => {
    const body = userTurn('Explain closures in JavaScript', {
      thinking: { type: 'adaptive', display: 'omitted' },
    });
    const { content, usage } = assemble((await stream(sim, { body })).events);
    const thinking = content[0] as { type: string; thinking: string; signature: string };
    assert.equal(thinking.type, 'thinking');
    assert.equal(thinking.thinking, '');
    assert.ok(thinking.signature.length > 40);
    assert.ok((usage?.output_tokens ?? 0) > countText(content));
  });

  it('skips adaptive thinking for a short prompt at low effort, but not at medium', async () => {
    const low = userTurn('Hi!', { thinking: { type: 'adaptive' }, output_config: { effort: 'low' } });
    assert.equal(assemble((await stream(sim, { body: low })).events).content[0]?.type, 'text');
    const medium = userTurn('Hi!', { thinking: { type: 'adaptive' }, output_config: { effort: 'medium' } });
    assert.equal(assemble((await stream(sim, { body: medium })).events).content[0]?.type, 'thinking');
  });

  it('thinks longer at higher effort', async () => {
    const length = async (effort: string): Promise<number> => {
      const body = userTurn('Explain closures in JavaScript', {
        thinking: { type: 'adaptive' },
        output_config: { effort },
      });
      return (assemble((await stream(sim, { body })).events).content[0] as { thinking: string }).thinking
        .length;
    };
    assert.ok((await length('medium')) < (await length('high')));
    assert.ok((await length('high')) < (await length('max')));
  });

  it('answers a refactor prompt with exactly one fenced block holding refactorCode() of the input', async () => {
    const code = 'function add(a, b) {   \n  return a + b;\t\n}\n\n';
    const prompt = `Please refactor this:\n\n\`\`\`javascript\n${code}\n\`\`\``;
    const { content } = assemble(
      (await stream(sim, { body: userTurn(prompt, { speed: 'fast' }), betas: FAST_BETA })).events,
    );
    const text = (content[0] as { text: string }).text;
    assert.equal(text, `\`\`\`javascript\n${refactorCode(code, 'javascript')}\n\`\`\``);
    assert.equal(
      refactorCode(code, 'javascript'),
      `// ${REFACTOR_NOTE}\nfunction add(a, b) {\n  return a + b;\n}`,
    );
  });

  it('produces a very long answer on [sim:long tokens=N]', async () => {
    const { content } = assemble(
      (
        await stream(sim, {
          body: userTurn('Tell me about streams [sim:long tokens=3000]', { max_tokens: 8000 }),
        })
      ).events,
    );
    const text = (content[0] as { text: string }).text;
    assert.ok(text.length >= 3000 * 4, `length ${text.length}`);
    assert.ok(!text.includes('[sim:'));
  });

  it('returns the same answer as one JSON Message when stream is false', async () => {
    const res = await post(sim, '/v1/messages', {
      body: userTurn('Explain closures in JavaScript', { stream: false }),
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const m = (await res.json()) as Message;
    assert.equal(m.type, 'message');
    assert.equal(m.role, 'assistant');
    assert.equal(m.stop_reason, 'end_turn');
    assert.match((m.content[0] as { text: string }).text, /^## Explain closures in JavaScript/);
    assert.equal(m.usage.output_tokens, Math.ceil((m.content[0] as { text: string }).text.length / 4));
  });

  it('reads and writes the prompt cache at cache_control breakpoints, separately per speed', async () => {
    const system = [
      { type: 'text', text: 'You are terse. '.repeat(200), cache_control: { type: 'ephemeral' } },
    ];
    const body = userTurn('Explain closures in JavaScript', {
      model: 'claude-opus-5-5',
      system,
      stream: false,
    });
    const first = ((await (await post(sim, '/v1/messages', { body })).json()) as Message).usage;
    const second = ((await (await post(sim, '/v1/messages', { body })).json()) as Message).usage;
    const fast = (
      (await (await post(sim, '/v1/messages', { body: { ...body, speed: 'fast' } })).json()) as Message
    ).usage;
    assert.ok((first.cache_creation_input_tokens ?? 0) > 0);
    assert.equal(first.cache_creation?.ephemeral_5m_input_tokens, first.cache_creation_input_tokens);
    assert.equal(second.cache_read_input_tokens, first.cache_creation_input_tokens);
    assert.equal(second.cache_creation_input_tokens, 0);
    assert.equal(fast.cache_read_input_tokens, 0);
  });
});

describe('simulator: pacing', () => {
  it('waits the first-token delay, then streams at its schedule, fast mode at 2.5× the rate', async () => {
    const sim = await startSimulator({ tokensPerSecond: 1_000, firstTokenDelayMs: 80, pingIntervalMs: 0 });
    try {
      const timed = async (
        extra: Record<string, unknown>,
        betas?: string[],
      ): Promise<{ ttft: number; gen: number }> => {
        const t0 = performance.now();
        const res = await post(sim, '/v1/messages', {
          body: userTurn('Explain closures in JavaScript', {
            model: 'claude-opus-5-5',
            thinking: { type: 'adaptive', display: 'summarized' },
            max_tokens: 300,
            ...extra,
          }),
          betas,
        });
        const reader = (res.body as ReadableStream<Uint8Array>).getReader();
        let first = 0;
        let seen = '';
        const decoder = new TextDecoder();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          seen += decoder.decode(value, { stream: true });
          if (!first && seen.includes('text_delta')) first = performance.now();
        }
        return { ttft: first - t0, gen: performance.now() - first };
      };
      const standard = await timed({});
      const fast = await timed({ speed: 'fast' }, FAST_BETA);
      // Only lower bounds are asserted: a loaded machine can make any stream slower than its
      // schedule, never faster. The ratio itself is the schedule's, checked without a clock.
      assert.ok(standard.ttft >= 75 && fast.ttft >= 75, `ttft ${standard.ttft} / ${fast.ttft}`);
      // The answer is about 140 tokens: ≈140 ms at 1000 tok/s, ≈56 ms at 2500 tok/s.
      assert.ok(standard.gen > 100, `standard ${standard.gen}`);
      assert.ok(fast.gen > 40, `fast ${fast.gen}`);
      assert.equal(fastRate(sim.settings), 2_500);
    } finally {
      await sim.close();
    }
  });

  it('sends pings while waiting for the first token', async () => {
    const sim = await startSimulator({
      tokensPerSecond: 100_000,
      firstTokenDelayMs: 120,
      pingIntervalMs: 20,
    });
    try {
      const { events } = await stream(sim, { body: userTurn('hi') });
      const beforeFirstBlock = types(events).slice(0, types(events).indexOf('content_block_start'));
      assert.ok(beforeFirstBlock.filter((t) => t === 'ping').length >= 3, beforeFirstBlock.join(','));
    } finally {
      await sim.close();
    }
  });
});

function countText(content: readonly ContentBlock[]): number {
  return content.reduce(
    (n, b) => n + (b.type === 'text' ? Math.ceil((b as { text: string }).text.length / 4) : 0),
    0,
  );
}

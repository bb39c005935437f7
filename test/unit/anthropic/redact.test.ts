import assert from 'node:assert/strict';
import { makeRedactor, redactSecrets } from '../../../src/anthropic/redact';

describe('redact: the key never reaches an error or a log', () => {
  it('removes the configured key, its URL-encoded form, and anything shaped like sk-ant-…', () => {
    const key = 'my+secret/key=value-1234';
    const r = makeRedactor([key]);
    const out = r(`bad key ${key} in https://x/?k=${encodeURIComponent(key)} and sk-ant-api03-AbC_d-9 too`);
    assert.ok(!out.includes(key));
    assert.ok(!out.includes(encodeURIComponent(key)));
    assert.ok(!out.includes('sk-ant-api03'));
    assert.equal(out, 'bad key [REDACTED] in https://x/?k=[REDACTED] and [REDACTED] too');
  });

  it('leaves ordinary text alone and ignores implausibly short secrets', () => {
    assert.equal(redactSecrets('hello world', ['o']), 'hello world');
  });
});

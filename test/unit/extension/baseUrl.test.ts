import * as assert from 'node:assert/strict';
import { checkBaseUrl } from '../../../src/extension/connection/baseUrl';
import { isLoopbackHost } from '../../../src/shared/patterns';

describe('checkBaseUrl (where the key may be sent)', () => {
  it('accepts https anywhere and strips the trailing slash', () => {
    assert.deepEqual(checkBaseUrl('https://api.anthropic.com/'), {
      ok: true,
      url: 'https://api.anthropic.com',
    });
    assert.deepEqual(checkBaseUrl('https://gw.example.com/anthropic'), {
      ok: true,
      url: 'https://gw.example.com/anthropic',
    });
  });

  it('accepts plain http only on loopback', () => {
    assert.ok(checkBaseUrl('http://127.0.0.1:8080').ok);
    assert.ok(checkBaseUrl('http://localhost:3000').ok);
    assert.ok(checkBaseUrl('http://[::1]:3000').ok);
    for (const u of [
      'http://10.0.0.5',
      'http://api.anthropic.com',
      'http://127.0.0.1.evil.com',
      'http://192.168.1.2:80',
    ]) {
      const r = checkBaseUrl(u);
      assert.equal(r.ok, false, u);
    }
  });

  it('refuses other schemes, credentials in the URL and garbage, saying why', () => {
    const r = checkBaseUrl('ftp://x');
    assert.ok(!r.ok && /https/.test(r.message));
    assert.equal(checkBaseUrl('https://user:pw@x.com').ok, false);
    assert.equal(checkBaseUrl('not a url').ok, false);
  });

  it('recognises loopback hosts', () => {
    assert.ok(isLoopbackHost('127.4.5.6'));
    assert.ok(!isLoopbackHost('128.0.0.1'));
  });
});

// Issue 10 #1: another extension in the same host must not reach the API key. The packaged
// Thinkfast runs in production mode with a key in secret storage and a client built from it; the
// key probe (a second extension, `keyProbe/`) walks everything it can reach and finds no key.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { e2e, screenshot } from './fixture';
import { probeInput, probeOutput, probeTitle, type ProbeReport } from './keyProbe/probeNames';
import { openChatView, runCommand, runCommandWithInput, uiTimeoutMs } from './workbench';

describe('the API key stays inside Thinkfast (e2e)', () => {
  it('a second extension finds no key in exports, the extension object or command results', async () => {
    const { page, folder } = e2e();
    const key = `sk-ant-api03-probe${randomBytes(12).toString('hex')}`;

    await runCommandWithInput(page, 'Thinkfast: Set API Key', 'Thinkfast: Set API Key');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: uiTimeoutMs });
    await input.fill(key);
    await input.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: uiTimeoutMs });
    try {
      // A turn makes the backend build (and cache) a client whose headers carry this key.
      const chat = await openChatView(page);
      const prompt = 'A short answer with the stored key, please.';
      await chat.locator('.prompt-input').fill(prompt);
      await chat.locator('.prompt-input').press('Enter');
      const turn = chat.locator('.turn').filter({ has: chat.locator('.prompt-text', { hasText: prompt }) });
      await turn.locator('.footer').waitFor({ timeout: uiTimeoutMs });

      fs.writeFileSync(path.join(folder, probeInput), JSON.stringify({ key }));
      const out = path.join(folder, probeOutput);
      fs.rmSync(out, { force: true });
      await runCommand(page, probeTitle);
      const deadline = Date.now() + uiTimeoutMs;
      while (!fs.existsSync(out)) {
        if (Date.now() > deadline) throw new Error('the key probe wrote no report');
        await new Promise((r) => setTimeout(r, 100));
      }
      const report = JSON.parse(fs.readFileSync(out, 'utf8')) as ProbeReport;
      await screenshot('key-probe');
      assert.equal(report.controlFound, true, 'the probe finds a key that is reachable');
      assert.ok(report.visited > 10, `the probe walked the extension object (${report.visited} objects)`);
      assert.equal(report.exportsType, 'undefined', 'activate() returns nothing outside tests');
      assert.deepEqual(report.found, [], 'no path leads to the key');
    } finally {
      await runCommand(page, 'Thinkfast: Clear API Key');
    }
  });
});

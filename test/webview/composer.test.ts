// The composer: keys, Send/Stop, chips, the settings line, the key prompt, drafts and editing.
import * as assert from 'node:assert/strict';
import { config, delta, sel, start, turn, turnEnd, turnStart } from './fixtures';
import { Panel, usePanel } from './panel';
import { maxMessageText } from '../../src/shared/protocolValidation';

describe('webview: composer', function () {
  let panel!: Panel;
  usePanel((p) => (panel = p), { clearPosted: true });

  it('sends on Enter, adds a line on Shift+Enter, and ignores Enter while an IME composes', async () => {
    const input = panel.page.locator(sel.input);
    await input.click();
    await panel.page.keyboard.type('line one');
    await panel.page.keyboard.press('Shift+Enter');
    await panel.page.keyboard.type('line two');
    await input.dispatchEvent('keydown', {
      key: 'Enter',
      isComposing: true,
      bubbles: true,
      cancelable: true,
    });
    assert.deepEqual(await panel.posted(), []);
    await panel.page.keyboard.press('Enter');
    assert.deepEqual(await panel.posted(), [{ type: 'send', text: 'line one\nline two' }]);
    assert.equal(await input.inputValue(), '');
    assert.equal(await panel.page.locator(sel.send).isDisabled(), true, 'empty draft cannot be sent');
    await panel.page.keyboard.press('Enter');
    assert.equal((await panel.posted()).length, 1, 'Enter on an empty draft sends nothing');
  });

  it('turns Send into Stop while a turn streams; Escape stops; both reset when the turn ends', async () => {
    const send = panel.page.locator(sel.send);
    await panel.post(turnStart('t1'), delta('t1', start(0, 'text')));
    assert.equal(await send.getAttribute('aria-label'), 'Stop the response (Escape)');
    assert.equal(await send.isEnabled(), true);
    await panel.page.locator(sel.input).fill('next question');
    await panel.page.locator(sel.input).press('Enter');
    assert.deepEqual(await panel.posted(), [], 'no send while streaming');
    await send.click();
    await panel.page.keyboard.press('Escape');
    assert.deepEqual(await panel.posted(), [{ type: 'stop' }, { type: 'stop' }]);
    await panel.post(turnEnd('t1', { outcome: 'stopped' }));
    assert.equal(await send.getAttribute('aria-label'), 'Send (Enter)');
    await panel.clearPosted();
    await panel.page.keyboard.press('Escape');
    assert.deepEqual(await panel.posted(), [], 'Escape does nothing when idle');
    await panel.page.locator(sel.input).press('Enter');
    assert.deepEqual(await panel.posted(), [{ type: 'send', text: 'next question' }]);
  });

  it('shows labelled chips (name, lines, tokens) that can be removed, and an Add context button', async () => {
    await panel.post({
      type: 'chips',
      chips: [
        {
          id: 'c1',
          label: 'src/app.ts:12-30',
          kind: 'selection',
          languageId: 'typescript',
          lines: 19,
          tokens: 210,
        },
        { id: 'c2', label: 'README.md', kind: 'file', languageId: 'markdown', lines: 1, tokens: 1234 },
        { id: 'c3', label: 'old.ts', kind: 'file', languageId: 'typescript', lines: 4 },
      ],
    });
    const chips = panel.page.locator('.chip');
    assert.deepEqual(await chips.locator('.chip-label').allTextContents(), [
      'src/app.ts:12-30',
      'README.md',
      'old.ts',
    ]);
    assert.deepEqual(await chips.locator('.chip-size').allTextContents(), [
      '19 lines · ~210 tok',
      '1 line · ~1,234 tok',
      '4 lines',
    ]);
    await panel.page.getByRole('button', { name: 'Remove README.md' }).click();
    assert.deepEqual(await panel.posted(), [{ type: 'removeContext', id: 'c2' }]);
    await panel.post({ type: 'chips', chips: [] });
    assert.equal(await chips.count(), 0);
    await panel.clearPosted();
    await panel.page.getByRole('button', { name: 'Add context' }).click();
    assert.equal(await panel.page.locator(sel.input).inputValue(), '@');
    assert.deepEqual(await panel.posted(), [{ type: 'mentionQuery', query: '' }]);
  });

  it('shows model, effort and speed, each opening its command', async () => {
    await panel.post(config({ speed: 'fast' }));
    const line = panel.page.locator('.config-line');
    assert.equal(await line.locator('.config-model').innerText(), 'Claude Opus 4.6');
    assert.equal(await line.locator('.config-effort').innerText(), 'effort: high');
    assert.equal(await line.locator('.config-speed').innerText(), '⚡ fast');
    await line.locator('.config-model').click();
    await line.locator('.config-effort').click();
    await line.locator('.config-speed').click();
    assert.deepEqual(await panel.posted(), [
      { type: 'command', command: 'selectModel' },
      { type: 'command', command: 'setEffort' },
      { type: 'command', command: 'toggleFast' },
    ]);
    await panel.post(config({ speed: 'standard', fastSupported: false }));
    assert.equal(await line.locator('.config-speed').innerText(), 'standard');
    assert.equal(await line.locator('.config-speed').isDisabled(), true);
  });

  it('shows the simulator badge, and asks for an API key only when one is needed', async () => {
    const badge = panel.page.locator('.config-line .simulator-badge');
    const keyPrompt = panel.page.locator('.key-prompt');
    assert.equal(await badge.isVisible(), false);
    assert.equal(await keyPrompt.isVisible(), false);
    await panel.post(config({ simulator: true, hasApiKey: false }));
    assert.match(await badge.innerText(), /Simulator/);
    assert.equal(await keyPrompt.isVisible(), false);
    await panel.post(config({ simulator: false, hasApiKey: false }));
    const setKey = panel.page.getByRole('button', { name: 'Set API key' });
    assert.equal(await setKey.count(), 1, 'an empty chat shows one Set API key button (its own)');
    assert.equal(await keyPrompt.isVisible(), false);
    await panel.post({
      type: 'conversation',
      id: 'c',
      title: 'Chat',
      turns: [turn('t1', 'hi', { outcome: 'failed' })],
    });
    assert.equal(await keyPrompt.isVisible(), true, 'once the chat has turns, the composer asks');
    assert.equal(await setKey.count(), 1);
    await keyPrompt.getByRole('button', { name: 'Set API key' }).click();
    assert.deepEqual(await panel.posted(), [{ type: 'command', command: 'setApiKey' }]);
  });

  it('keeps the draft in view state and restores it on reload', async () => {
    await panel.page.locator(sel.input).fill('half-written thought');
    const state = (await panel.record()).state as { draft: string };
    assert.equal(state.draft, 'half-written thought');
    const reopened = await Panel.open({ state });
    try {
      assert.equal(await reopened.page.locator(sel.input).inputValue(), 'half-written thought');
    } finally {
      await reopened.close();
    }
  });

  it('takes a draft from the host (setDraft)', async () => {
    await panel.post({ type: 'setDraft', text: 'from host' });
    assert.equal(await panel.page.locator(sel.input).inputValue(), 'from host');
  });

  it('can be used with the keyboard alone: Tab reaches the input and Send', async () => {
    await panel.page.locator(sel.input).fill('hi');
    await panel.page.locator(sel.input).focus();
    await panel.page.keyboard.press('Tab');
    assert.equal(
      await panel.page.evaluate(
        () =>
          (globalThis as unknown as { document: { activeElement: { className: string } } }).document
            .activeElement.className,
      ),
      'send-button',
    );
    await panel.page.keyboard.press('Enter');
    assert.deepEqual(await panel.posted(), [{ type: 'send', text: 'hi' }]);
  });

  it('refuses a prompt over the size limit before sending, says why, and keeps the text', async () => {
    const input = panel.page.locator(sel.input);
    const note = panel.page.locator('.composer-limit');
    const tooLong = 'x'.repeat(maxMessageText) + 'yz';
    await input.fill(tooLong);
    assert.equal(await note.isVisible(), true, 'the reason shows while the draft is too long');
    assert.match(
      await note.innerText(),
      /1,000,002 characters.*at most 1,000,000.*Shorten it by 2 characters/,
    );
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    assert.equal(await input.getAttribute('aria-describedby'), 'composer-limit');
    await input.press('Enter');
    await panel.page.locator(sel.send).click();
    assert.deepEqual(await panel.posted(), [], 'nothing is sent');
    assert.equal((await input.inputValue()).length, tooLong.length, 'the text stays in the composer');
    assert.equal(await note.getAttribute('role'), 'alert', 'the refused send is announced');

    await input.press('End');
    await input.press('Backspace');
    await input.press('Backspace');
    assert.equal(await note.isVisible(), false, 'at the limit the reason goes');
    assert.equal(await input.getAttribute('aria-invalid'), null);
    await input.press('Enter');
    const posted = (await panel.posted()) as { type: string; text: string }[];
    assert.equal(posted.length, 1);
    assert.equal(posted[0].text.length, maxMessageText, 'a prompt at the limit is sent');
  });
});

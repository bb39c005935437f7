// The user's side of a turn: who spoke, the prompt, its chips, the version pager (‹ 2/3 ›) when the
// conversation has other versions from this turn on, and editing the prompt in place. Sending an
// edited prompt asks the host for a new version from this turn; the old one stays reachable.
import type { TurnView } from '../shared/protocol';
import { button, el, icon } from './dom';
import { PromptLimit } from './promptLimit';
import type { HostPort } from './vscodeApi';

export function promptView(data: TurnView, host: HostPort): HTMLElement {
  const chips = data.chips.map((chip) =>
    el(
      'span',
      { class: 'prompt-chip', title: `${chip.lines} lines` },
      icon(chip.kind === 'file' ? 'file' : 'selection'),
      ` ${chip.label}`,
    ),
  );
  const text = el('div', { class: 'prompt-text' }, data.prompt);
  const edit = button(
    {
      icon: 'edit',
      class: 'icon-button prompt-edit',
      title: 'Edit this prompt',
      ariaLabel: 'Edit this prompt',
    },
    () => startEditing(),
  );
  const header = el(
    'div',
    { class: 'speaker' },
    icon('account'),
    ' You',
    versionPager(data, host),
    el('span', { class: 'speaker-actions' }, edit),
  );
  const element = el(
    'div',
    { class: 'prompt' },
    header,
    text,
    chips.length > 0 ? el('div', { class: 'prompt-chips' }, ...chips) : undefined,
  );

  function startEditing(): void {
    const input = el('textarea', { class: 'prompt-edit-input', rows: 3, 'aria-label': 'Edit the prompt' });
    input.value = data.prompt;
    // Like the composer: an edit over the size limit stays open with the reason, nothing is sent.
    const limit = new PromptLimit(input, `prompt-edit-limit-${data.id}`, 'composer-limit prompt-edit-limit');
    input.addEventListener('input', () => limit.update());
    const send = (): void => {
      const value = input.value;
      if (value.trim() === '') return;
      if (limit.refuses()) return;
      host.post({ type: 'editPrompt', turnId: data.id, text: value });
      finish();
    };
    const editor = el(
      'div',
      { class: 'prompt-editor' },
      input,
      limit.note,
      el(
        'div',
        { class: 'prompt-editor-actions' },
        button(
          { label: 'Send', icon: 'send', class: 'turn-action', title: 'Send as a new version (Enter)' },
          send,
        ),
        button({ label: 'Cancel', class: 'turn-action', title: 'Keep the prompt as it was (Escape)' }, () =>
          finish(),
        ),
      ),
    );
    input.addEventListener('keydown', (event) => {
      if (event.isComposing || event.keyCode === 229) return;
      if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        send();
      } else if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        finish();
      }
    });
    text.replaceWith(editor);
    edit.hidden = true;
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);

    function finish(): void {
      editor.replaceWith(text);
      edit.hidden = false;
      edit.focus();
    }
  }

  return element;
}

/** `‹ 2/3 ›`: which version of the conversation from this turn on is shown, and the way to the others. */
function versionPager(data: TurnView, host: HostPort): HTMLElement | undefined {
  const v = data.version;
  if (!v || v.count < 2) return undefined;
  const go = (index: number): void => void host.post({ type: 'switchVersion', turnId: data.id, index });
  const previous = button(
    { icon: 'chevron-left', class: 'icon-button', ariaLabel: 'Previous version', title: 'Previous version' },
    () => go(v.index - 1),
  );
  const next = button(
    { icon: 'chevron-right', class: 'icon-button', ariaLabel: 'Next version', title: 'Next version' },
    () => go(v.index + 1),
  );
  previous.disabled = v.index === 0;
  next.disabled = v.index >= v.count - 1;
  return el(
    'span',
    { class: 'version-pager', role: 'group', 'aria-label': `Version ${v.index + 1} of ${v.count}` },
    previous,
    el('span', { class: 'version-label', 'aria-hidden': 'true' }, `${v.index + 1}/${v.count}`),
    next,
  );
}

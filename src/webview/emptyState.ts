// What an empty conversation shows: what to try first, and how requests will be answered — by
// the local simulator (and how to switch to a real key), or not at all until a key is set.
import type { ComposerConfigView } from '../shared/protocol';
import { button, el, icon } from './dom';
import type { HostPort } from './vscodeApi';

export type EmptyStateMode = 'ready' | 'simulator' | 'no-key';

export function emptyStateMode(config: Pick<ComposerConfigView, 'simulator' | 'hasApiKey'>): EmptyStateMode {
  if (config.simulator) return 'simulator';
  return config.hasApiKey ? 'ready' : 'no-key';
}

const strong = (text: string) => el('strong', {}, text);

export class EmptyState {
  readonly element: HTMLElement;
  private readonly title = el('p', { class: 'empty-title' });
  private readonly tipsTitle = el('p', { class: 'empty-tips-title' }, 'What to try first:');
  private readonly tips: HTMLElement;
  private readonly simulatorNote: HTMLElement;
  private readonly keyNote: HTMLElement;

  constructor(host: HostPort) {
    const setKey = () =>
      button({ label: 'Set API key', icon: 'key', class: 'action-button' }, () =>
        host.post({ type: 'command', command: 'setApiKey' }),
      );
    this.tips = el(
      'ul',
      { class: 'empty-tips', 'aria-label': 'Try first' },
      el(
        'li',
        {},
        'Ask about your code: attach the open file or the selection with the chips above the input.',
      ),
      el(
        'li',
        {},
        'Select a function and run ',
        strong('Thinkfast: Refactor Selection'),
        ' (context menu): the proposal opens as a diff to accept or reject.',
      ),
      el(
        'li',
        {},
        'Toggle ',
        strong('⚡ fast'),
        ' or the effort under the input, ask again, and compare the speed in the footer.',
      ),
    );
    this.simulatorNote = el(
      'div',
      { class: 'empty-note simulator-note', role: 'note' },
      el(
        'p',
        {},
        icon('beaker'),
        ' ',
        strong('Simulator.'),
        ' Answers are simulated by a local Messages API simulator: nothing is sent to Anthropic and nothing is billed.',
      ),
      el(
        'p',
        {},
        'To talk to Claude, run ',
        strong('Thinkfast: Set API Key'),
        ' or start VS Code with ',
        el('code', {}, 'ANTHROPIC_API_KEY'),
        ' set.',
      ),
      setKey(),
    );
    this.keyNote = el(
      'div',
      { class: 'empty-note key-note', role: 'note' },
      el(
        'p',
        {},
        'Thinkfast needs an Anthropic API key. It is kept in VS Code’s secret storage; ',
        el('code', {}, 'ANTHROPIC_API_KEY'),
        ' in the environment works too.',
      ),
      setKey(),
    );
    this.element = el(
      'div',
      { class: 'empty-state' },
      icon('sparkle'),
      this.title,
      this.simulatorNote,
      this.keyNote,
      this.tipsTitle,
      this.tips,
    );
    this.show('ready');
  }

  set(config: ComposerConfigView): void {
    this.show(emptyStateMode(config));
  }

  private show(mode: EmptyStateMode): void {
    this.element.dataset.mode = mode;
    this.title.textContent = mode === 'no-key' ? 'Set your API key to start.' : 'Ask Claude anything.';
    this.simulatorNote.hidden = mode !== 'simulator';
    this.keyNote.hidden = mode !== 'no-key';
    this.tips.hidden = mode === 'no-key';
    this.tipsTitle.hidden = this.tips.hidden;
  }
}

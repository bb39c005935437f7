// The settings the next request will use, shown under the input; each part opens its command.
// Also the simulator badge and, without a key, the prompt to set one.
import type { ComposerConfigView } from '../shared/protocol';
import { button, el, icon } from './dom';
import type { HostPort } from './vscodeApi';

export class ConfigLine {
  readonly element: HTMLElement;
  readonly keyPrompt: HTMLElement;
  private readonly model: HTMLButtonElement;
  private readonly effort: HTMLButtonElement;
  private readonly speed: HTMLButtonElement;
  private readonly simulator: HTMLElement;

  constructor(host: HostPort) {
    this.model = button({ class: 'config-button config-model', title: 'Choose the model' }, () =>
      host.post({ type: 'command', command: 'selectModel' }),
    );
    this.effort = button({ class: 'config-button config-effort', title: 'Set the effort level' }, () =>
      host.post({ type: 'command', command: 'setEffort' }),
    );
    this.speed = button({ class: 'config-button config-speed' }, () =>
      host.post({ type: 'command', command: 'toggleFast' }),
    );
    this.simulator = el(
      'span',
      {
        class: 'badge simulator-badge',
        title: 'Requests go to the local Messages API simulator, not to api.anthropic.com.',
      },
      icon('beaker'),
      ' Simulator',
    );
    this.simulator.hidden = true;
    this.element = el(
      'div',
      { class: 'config-line', role: 'group', 'aria-label': 'Request settings' },
      this.model,
      this.effort,
      this.speed,
      this.simulator,
    );
    this.keyPrompt = el(
      'div',
      { class: 'key-prompt', role: 'note' },
      icon('key'),
      el('span', {}, ' No Anthropic API key is set. '),
      button({ label: 'Set API key', class: 'link-button' }, () =>
        host.post({ type: 'command', command: 'setApiKey' }),
      ),
    );
    this.keyPrompt.hidden = true;
  }

  set(config: ComposerConfigView): void {
    this.model.textContent = config.modelLabel || config.model;
    this.model.setAttribute('aria-label', `Model: ${config.modelLabel || config.model}. Change model`);
    this.effort.hidden = config.effort === undefined;
    this.effort.textContent = `effort: ${config.effort ?? ''}`;
    this.effort.setAttribute('aria-label', `Effort: ${config.effort ?? 'default'}. Change effort`);
    const fast = config.speed === 'fast';
    this.speed.textContent = fast ? '⚡ fast' : 'standard';
    this.speed.setAttribute('aria-pressed', String(fast));
    // The name starts with the visible word, so voice control ("click standard") finds it.
    this.speed.setAttribute('aria-label', fast ? 'fast mode on' : 'standard speed, fast mode off');
    this.speed.disabled = !config.fastSupported;
    this.speed.title = config.fastSupported ? 'Toggle fast mode' : 'This model does not support fast mode';
    this.simulator.hidden = !config.simulator;
    this.keyPrompt.hidden = config.hasApiKey || config.simulator;
  }
}

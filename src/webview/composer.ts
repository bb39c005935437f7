// The input area: a multi-line prompt box (Enter sends, Shift+Enter breaks the line, `@` mentions
// context), the Send/Stop button, context chips, and the settings line (prompts are
// edited in place, in their turn: promptView.ts).
import { button, el, icon } from './dom';
import { ChipBar } from './chips';
import { ConfigLine } from './configLine';
import { ContextMeter } from './contextMeter';
import { MentionInput } from './mentionInput';
import type { ViewStateStore } from './state';
import type { HostPort } from './vscodeApi';
import { PromptLimit } from './promptLimit';

export class Composer {
  readonly element: HTMLElement;
  readonly chips: ChipBar;
  readonly config: ConfigLine;
  readonly mentions: MentionInput;
  readonly meter: ContextMeter;
  private readonly input: HTMLTextAreaElement;
  private readonly sendButton: HTMLButtonElement;
  /** Why the draft cannot be sent (over the size limit), shown under the prompt box. */
  private readonly limit: PromptLimit;
  private busy = false;

  constructor(
    private readonly host: HostPort,
    private readonly state: ViewStateStore,
  ) {
    this.config = new ConfigLine(host);
    this.input = el('textarea', {
      class: 'prompt-input',
      rows: 2,
      'aria-label': 'Message to Claude',
      placeholder: 'Ask Claude… (@ adds context, Enter sends, Shift+Enter adds a line)',
    });
    this.input.value = state.current.draft;
    this.mentions = new MentionInput(host, this.input, () => this.onInput(false));
    this.chips = new ChipBar(host, () => this.mentions.begin());
    this.meter = new ContextMeter(host);
    this.meter.setDraft(this.input.value);
    this.input.addEventListener('input', () => this.onInput());
    this.input.addEventListener('keydown', (event) => this.onKeyDown(event));
    this.input.addEventListener('keyup', (event) => {
      if (/^(Arrow(Left|Right)|Home|End)$/.test(event.key)) this.mentions.update();
    });
    this.limit = new PromptLimit(this.input, 'composer-limit');
    this.sendButton = button({ class: 'send-button' }, () => (this.busy ? this.stop() : this.send()));
    this.element = el(
      'div',
      { class: 'composer' },
      this.config.keyPrompt,
      this.chips.element,
      this.mentions.menu.element,
      el('div', { class: 'input-row' }, this.input, this.sendButton),
      this.limit.note,
      this.config.element,
      this.meter.element,
    );
    this.render();
  }

  /** A turn is streaming: the Send button becomes Stop. */
  setBusy(busy: boolean): void {
    this.busy = busy;
    this.render();
  }

  /** Text from the host replaces the draft. */
  setDraft(text: string): void {
    this.input.value = text;
    this.onInput();
    this.focus();
  }

  focus(): void {
    this.input.focus();
  }

  /** Escape anywhere in the panel stops a streaming turn. */
  stopIfBusy(): boolean {
    if (!this.busy) return false;
    this.stop();
    return true;
  }

  private onKeyDown(event: KeyboardEvent): void {
    // While an IME composes, Enter confirms the composition; it must not send.
    if (event.isComposing || event.keyCode === 229) return;
    if (this.mentions.handleKey(event)) {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      if (!this.busy) this.send();
    }
  }

  private onInput(updateMention = true): void {
    this.state.update({ draft: this.input.value });
    this.render();
    this.meter.setDraft(this.input.value);
    if (updateMention) this.mentions.update();
  }

  private send(): void {
    const text = this.input.value;
    if (this.busy || text.trim() === '') return;
    // The host refuses a message over the limit; the draft stays here instead of being lost.
    if (this.limit.refuses()) return;
    this.host.post({ type: 'send', text });
    this.input.value = '';
    this.onInput();
  }

  private stop(): void {
    this.host.post({ type: 'stop' });
  }

  private render(): void {
    const label = this.busy ? 'Stop' : 'Send';
    this.sendButton.replaceChildren(icon(this.busy ? 'debug-stop' : 'send'));
    this.sendButton.setAttribute('aria-label', this.busy ? 'Stop the response (Escape)' : `${label} (Enter)`);
    this.sendButton.title = this.busy ? 'Stop (Escape)' : `${label} (Enter)`;
    this.sendButton.classList.toggle('is-stop', this.busy);
    this.sendButton.disabled = !this.busy && this.input.value.trim() === '';
    this.limit.update();
  }
}

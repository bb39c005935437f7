// Clicks inside rendered answers: links go to the host (the webview itself never navigates) and
// code-block buttons copy, insert or open the block's code, or wrap its lines. One delegated
// listener serves every turn.
import { httpUrlPattern as httpUrl } from '../shared/patterns';
import type { HostPort } from './vscodeApi';

export function handleContentClicks(root: HTMLElement, host: HostPort): void {
  root.addEventListener('click', (event) => {
    const target = event.target as Element | null;
    const link = target?.closest('a');
    if (link && root.contains(link)) {
      event.preventDefault();
      const href = link.getAttribute('href') ?? '';
      if (httpUrl.test(href)) host.post({ type: 'openLink', href });
      return;
    }
    const action = target?.closest<HTMLButtonElement>('button.code-action');
    if (action) runCodeAction(action, host);
  });
  // Middle-click and other non-primary buttons would otherwise try to open a new window.
  root.addEventListener('auxclick', (event) => {
    if ((event.target as Element | null)?.closest('a')) event.preventDefault();
  });
}

function runCodeAction(button: HTMLButtonElement, host: HostPort): void {
  const codeElement = button.closest('.code-block')?.querySelector('pre code');
  const code = codeElement?.textContent ?? '';
  // The renderer marks known languages with their canonical highlight.js name.
  const languageId = /(?:^|\s)language-([\w+#.-]+)/.exec(codeElement?.className ?? '')?.[1];
  if (button.classList.contains('code-wrap')) {
    const block = button.closest('.code-block');
    const wrapped = block?.classList.toggle('is-wrapped') ?? false;
    button.setAttribute('aria-pressed', String(wrapped));
  } else if (button.classList.contains('code-open')) {
    host.post(languageId ? { type: 'openCode', code, languageId } : { type: 'openCode', code });
  } else if (button.classList.contains('code-copy')) {
    host.post({ type: 'copyCode', code });
    confirm(button, 'Copied');
  } else if (button.classList.contains('code-insert')) {
    host.post(languageId ? { type: 'insertCode', code, languageId } : { type: 'insertCode', code });
    confirm(button, 'Inserted');
  }
}

/** The setting changed: every block shown takes it (a block's toggle lasts until then). */
export function applyCodeWrap(root: ParentNode, wrap: boolean): void {
  for (const block of Array.from(root.querySelectorAll('.code-block'))) {
    block.classList.toggle('is-wrapped', wrap);
    block.querySelector('.code-wrap')?.setAttribute('aria-pressed', String(wrap));
  }
}

/** Brief visual confirmation on the button itself; its label changes for screen readers too. */
function confirm(button: HTMLButtonElement, label: string): void {
  const original = button.getAttribute('aria-label') ?? '';
  const glyph = button.querySelector('.codicon');
  const originalClass = glyph?.className ?? '';
  button.setAttribute('aria-label', label);
  if (glyph) glyph.className = 'codicon codicon-check';
  setTimeout(() => {
    button.setAttribute('aria-label', original);
    if (glyph) glyph.className = originalClass;
  }, 1500);
}

// Transient notices at the top of the panel (e.g. a corrupt history file was moved aside).
import { button, el, icon } from './dom';

const levelIcons = { info: 'info', warning: 'warning', error: 'error' } as const;

export class Notices {
  readonly element = el('div', { class: 'notices' });

  show(level: 'info' | 'warning' | 'error', message: string): void {
    const notice = el(
      'div',
      { class: `notice notice-${level}`, role: level === 'error' ? 'alert' : 'status' },
      icon(levelIcons[level]),
      el('span', { class: 'notice-message' }, message),
    );
    notice.append(
      button(
        { icon: 'close', class: 'icon-button notice-dismiss', ariaLabel: 'Dismiss notice', title: 'Dismiss' },
        () => notice.remove(),
      ),
    );
    this.element.append(notice);
  }
}

// A redacted_thinking block carries only encrypted data. Show what it means; never any data.
import { el, icon } from './dom';

export function redactedBlock(): HTMLElement {
  return el(
    'div',
    { class: 'block redacted', role: 'note' },
    icon('shield'),
    el(
      'span',
      {},
      ' Part of the model’s reasoning was encrypted by safety systems and is not shown. ' +
        'It is still passed back to the model, so the conversation continues normally.',
    ),
  );
}

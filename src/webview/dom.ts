// Small DOM builders: the panel is plain DOM, and these keep construction code readable.

type AttrValue = string | number | boolean | undefined;

/** Creates an element; `false`/`undefined` attributes are left out, `true` ones are set empty. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, AttrValue> = {},
  ...children: (Node | string | undefined)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== undefined) element.append(child);
  return element;
}

/** A codicon glyph; decorative, so hidden from screen readers. */
export function icon(name: string): HTMLSpanElement {
  return el('span', { class: `codicon codicon-${name}`, 'aria-hidden': 'true' });
}

/** A real button (never a clickable div), with an optional icon and an accessible label. */
export function button(
  options: { label?: string; icon?: string; title?: string; class?: string; ariaLabel?: string },
  onClick: (event: MouseEvent) => void,
): HTMLButtonElement {
  const b = el('button', {
    type: 'button',
    class: options.class,
    title: options.title,
    'aria-label': options.ariaLabel,
  });
  if (options.icon) b.append(icon(options.icon));
  if (options.label) b.append(el('span', { class: 'button-label' }, options.label));
  b.addEventListener('click', onClick);
  return b;
}

let nextId = 0;
/** A document-unique id for aria-controls / aria-describedby pairs. */
export function uniqueId(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

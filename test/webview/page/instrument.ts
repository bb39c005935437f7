// Injected into the test page before its own scripts (page.addInitScript): a stand-in for VS
// Code's acquireVsCodeApi that records what the panel posts and stores, a CSP-violation log, and
// the Probe the Node-side tests call. Bundled with the real markdown modules for reference renders.
import type { Envelope, HostMessage, WebviewMessage } from '../../../src/shared/protocol';
import type { HostReply } from '../probeApi';
import { createMarkdownRenderer } from '../../../src/webview/markdownRenderer';
import { MarkdownStream } from '../../../src/webview/markdownStream';
import type { PageRecord, Probe } from '../probeApi';

interface Instrumented {
  __initialState?: unknown;
  __pwned?: unknown;
  __probe?: Probe;
  acquireVsCodeApi?: () => unknown;
}
const g = globalThis as unknown as Instrumented & typeof globalThis;

const posted: WebviewMessage[] = [];
const postedIds: number[] = [];
/** The last envelope id the stand-in host used. */
let hostId = 0;
const violations: string[] = [];
let state: unknown = g.__initialState ?? undefined;
let acquired = false;
const marks = new WeakMap<Element, string>();
let renderer: ReturnType<typeof createMarkdownRenderer> | undefined;

g.acquireVsCodeApi = () => {
  if (acquired) throw new Error('acquireVsCodeApi may be called only once');
  acquired = true;
  return {
    postMessage: (envelope: Envelope<WebviewMessage>) => {
      const copy = JSON.parse(JSON.stringify(envelope)) as Envelope<WebviewMessage>;
      posted.push(copy.body);
      postedIds.push(copy.id);
    },
    getState: () => state,
    setState: (next: unknown) => {
      state = JSON.parse(JSON.stringify(next)) as unknown;
    },
  };
};

document.addEventListener('securitypolicyviolation', (e) =>
  violations.push(`${e.violatedDirective} ${e.blockedURI}`),
);

const dangerousTags =
  'script, iframe, frame, object, embed, applet, base, form, input, textarea:not(.prompt-input), meta, link, style, svg, math, img, video, audio, source, portal, template';
const urlAttributes = [
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'srcdoc',
  'background',
  'poster',
];

const probe: Probe = {
  post: (messages: readonly (HostMessage | HostReply)[]) =>
    new Promise<void>((resolve) => {
      let left = messages.length;
      if (left === 0) resolve();
      const onMessage = () => {
        if (--left > 0) return;
        window.removeEventListener('message', onMessage);
        resolve();
      };
      // Registered after the panel's own listener, so this runs after the panel handled each one.
      window.addEventListener('message', onMessage);
      for (const message of messages) {
        const envelope: Envelope<HostMessage> =
          'body' in message ? { id: ++hostId, ...message } : { id: ++hostId, body: message };
        window.postMessage(envelope, '*');
      }
    }),
  frames: (count: number) =>
    new Promise<void>((resolve) => {
      const step = (left: number) => (left <= 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
      step(count);
    }),
  record: (): PageRecord => ({
    posted: [...posted],
    postedIds: [...postedIds],
    state,
    violations: [...violations],
    pwned: g.__pwned,
  }),
  clearPosted: () => {
    posted.length = 0;
    postedIds.length = 0;
  },
  mark: (selector, tag) => {
    const found = document.querySelectorAll(selector);
    found.forEach((element) => marks.set(element, tag));
    return found.length;
  },
  marks: (selector) =>
    Array.from(document.querySelectorAll(selector), (element) => marks.get(element) ?? null),
  dangerous: (selector) => {
    const problems: string[] = [];
    for (const root of document.querySelectorAll(selector)) {
      root.querySelectorAll(dangerousTags).forEach((e) => problems.push(`<${e.tagName.toLowerCase()}>`));
      for (const e of root.querySelectorAll('*')) {
        for (const attr of Array.from(e.attributes)) {
          const name = attr.name.toLowerCase();
          const value = attr.value.replace(/[\s\p{Cc}]/gu, '').toLowerCase();
          if (name.startsWith('on')) problems.push(`${name} on <${e.tagName.toLowerCase()}>`);
          if (name === 'style') problems.push(`style on <${e.tagName.toLowerCase()}>`);
          if (urlAttributes.includes(name) && !/^https?:\/\//.test(value))
            problems.push(`${name}="${attr.value}"`);
        }
      }
    }
    return problems;
  },
  innerHtml: (selector) => {
    const element = document.querySelector(selector);
    return element ? flatHtml(element) : '';
  },
  renderOnce: (text) => {
    renderer ??= createMarkdownRenderer();
    const box = document.createElement('div');
    box.append(renderer.renderDocument(text));
    return box.innerHTML;
  },
  compareStreamed: (cases) => {
    renderer ??= createMarkdownRenderer();
    const mismatches: { index: number; streamed: string; expected: string }[] = [];
    const shownMismatches: { index: number; at: number; shown: string; expected: string }[] = [];
    const once = document.createElement('div');
    let commits = 0;
    cases.forEach(({ text, sizes }, index) => {
      const box = document.createElement('div');
      const stream = new MarkdownStream(box, renderer!);
      for (let at = 0, i = 0; at < text.length; i++) {
        const size = Math.max(1, sizes[i % sizes.length] ?? 1);
        stream.append(text.slice(at, at + size));
        at += size;
        const before = stream.committedLength;
        stream.flush();
        if (stream.committedLength > before) commits++;
        // Mid-stream the open code may be unhighlighted, but the text must be the same.
        once.replaceChildren(renderer!.renderDocument(stream.text));
        if (box.textContent !== once.textContent)
          shownMismatches.push({ index, at, shown: box.textContent, expected: once.textContent });
      }
      stream.finish();
      const expected = probe.renderOnce(text);
      const streamed = flatHtml(box);
      if (streamed !== expected) mismatches.push({ index, streamed, expected });
    });
    return { mismatches, commits, shownMismatches };
  },
  scroll: (selector) => {
    const e = document.querySelector(selector);
    return { top: e?.scrollTop ?? 0, height: e?.scrollHeight ?? 0, client: e?.clientHeight ?? 0 };
  },
  scrollTo: (selector, top) => {
    const e = document.querySelector(selector);
    if (e) e.scrollTop = top;
  },
  postTimed: (message) =>
    new Promise<number>((resolve) => {
      // Registered after the panel's own listener: runs once the panel handled the message.
      window.addEventListener(
        'message',
        () =>
          requestAnimationFrame(() => {
            // A task posted from requestAnimationFrame runs after that frame was painted.
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.now() - t0);
            channel.port2.postMessage(null);
          }),
        { once: true },
      );
      const t0 = performance.now();
      window.postMessage({ id: ++hostId, body: message }, '*');
    }),
  findText: (text) => {
    getSelection()?.removeAllRanges();
    return (window as unknown as { find(s: string): boolean }).find(text);
  },
  turnAtTop: () => {
    const top = document.querySelector('main.messages')!.getBoundingClientRect().top + 1;
    const turns = Array.from(document.querySelectorAll('article.turn'));
    return (
      turns.find((t) => t.getBoundingClientRect().bottom > top)?.getAttribute('data-turn-id') ?? undefined
    );
  },
  alignTurn: (id, offset) => {
    const scroller = document.querySelector('main.messages')!;
    const turn = document.querySelector(`article.turn[data-turn-id="${id}"]`);
    if (!turn) return;
    scroller.scrollTop += turn.getBoundingClientRect().top - scroller.getBoundingClientRect().top - offset;
  },
};
g.__probe = probe;

/** innerHTML with MarkdownStream's layout-only chunk wrappers taken out. */
function flatHtml(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  copy
    .querySelectorAll(':scope > .md-chunk')
    .forEach((chunk) => chunk.replaceWith(...Array.from(chunk.childNodes)));
  return copy.innerHTML;
}

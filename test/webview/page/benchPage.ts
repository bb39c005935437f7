// The render benchmark's page: the same text streamed three ways into a panel-like container,
// timing the synchronous work of each batch plus the layout it forces.
import { createMarkdownRenderer } from '../../../src/webview/markdownRenderer';
import { MarkdownStream } from '../../../src/webview/markdownStream';

export type BenchVariant = 'textNode' | 'fullRender' | 'thinkfast';

const renderer = createMarkdownRenderer();

/** Yields to the event loop without timer clamping, so the browser can breathe between batches. */
function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

function freshContainer(): HTMLElement {
  const app = document.getElementById('app') ?? document.body;
  const scroller = document.createElement('main');
  scroller.className = 'messages';
  const answer = document.createElement('div');
  answer.className = 'block answer markdown';
  scroller.append(answer);
  app.replaceChildren(scroller);
  return answer;
}

/** Streams `text` in batches of `batchChars`; returns milliseconds of main-thread work per batch. */
async function run(variant: BenchVariant, text: string, batchChars: number): Promise<number[]> {
  const container = freshContainer();
  const times: number[] = [];
  let received = '';
  const textNode = document.createTextNode('');
  if (variant === 'textNode') container.append(textNode);
  const stream = new MarkdownStream(container, renderer);
  for (let at = 0; at < text.length; at += batchChars) {
    const chunk = text.slice(at, at + batchChars);
    const t0 = performance.now();
    if (variant === 'textNode') {
      textNode.appendData(chunk);
    } else if (variant === 'fullRender') {
      // What many chat UIs do: re-render the whole message, highlighting included, every batch.
      received += chunk;
      container.innerHTML = renderer.renderTokens(renderer.parse(received));
    } else {
      stream.append(chunk);
      stream.flush();
    }
    // Reading layout forces it now, so its cost lands in this batch's time.
    void container.offsetHeight;
    times.push(performance.now() - t0);
    await yieldToBrowser();
  }
  if (variant === 'thinkfast') stream.finish();
  return times;
}

(globalThis as unknown as { __bench: { run: typeof run } }).__bench = { run };

// An answer (text) block: streamed markdown, rendered incrementally.
import { el } from './dom';
import { MarkdownStream } from './markdownStream';
import type { RenderContext } from './renderContext';

export class AnswerBlock {
  readonly element: HTMLElement;
  private readonly stream: MarkdownStream;

  constructor(private readonly ctx: RenderContext) {
    this.element = el('div', { class: 'block answer markdown' });
    this.stream = new MarkdownStream(this.element, ctx.renderer);
  }

  static finished(ctx: RenderContext, text: string): AnswerBlock {
    const block = new AnswerBlock(ctx);
    block.append(text);
    block.stop();
    return block;
  }

  get text(): string {
    return this.stream.text;
  }

  append(text: string): void {
    this.stream.append(text);
    this.ctx.scheduler.schedule(this);
  }

  flush(): void {
    this.stream.flush();
  }

  stop(): void {
    this.stream.finish();
  }
}

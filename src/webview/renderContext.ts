// The services a turn and its blocks share, passed down instead of reached for globally so the
// test pages can build blocks with the real pieces.
import type { ThinkingDisplay } from '../shared/protocol';
import type { FrameScheduler } from './frameScheduler';
import type { LiveRegion } from './liveRegion';
import type { MarkdownRenderer } from './markdownRenderer';
import type { Ticker } from './ticker';
import type { HostPort } from './vscodeApi';

export interface RenderContext {
  readonly host: HostPort;
  readonly scheduler: FrameScheduler;
  readonly renderer: MarkdownRenderer;
  readonly ticker: Ticker;
  readonly live: LiveRegion;
  /** Read at the moment a block finishes, so a settings change applies to later blocks. */
  thinkingDisplay(): ThinkingDisplay;
}

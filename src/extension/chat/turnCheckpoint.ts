// Saves the partial turn while it streams, so a reload, a closed window or a killed extension host
// loses at most the last couple of seconds: at most every `intervalMs`, only when something new
// arrived, and once more (as interrupted) when the session is suspended. Pure apart from the
// timer; the store's atomic write does the rest. No vscode import.

import type { ContentBlock } from '../../anthropic/types';
import type { Conversation, Turn } from './conversation';
import { interruptedTurn, withoutEmptyTextBlocks } from './conversationRepair';

export const checkpointIntervalMs = 2_000;

export class TurnCheckpoint {
  private timer: ReturnType<typeof setInterval> | undefined;
  private written = '';
  private stopped = false;

  constructor(
    private readonly conversation: Conversation,
    private readonly turn: Turn,
    /** The live content of the streaming attempt (the reducer's message; copied on write). */
    private readonly content: () => readonly ContentBlock[],
    private readonly save: (c: Conversation) => Promise<unknown>,
    private readonly onError: (e: unknown) => void,
    intervalMs = checkpointIntervalMs,
  ) {
    this.timer = setInterval(() => void this.write(false), intervalMs);
    this.timer.unref?.();
  }

  /** The turn ended (its final save follows): no more checkpoints. */
  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The last checkpoint, stored as interrupted (the session is going away). Then stops. */
  final(): Promise<void> | undefined {
    if (this.stopped) return undefined;
    const write = this.write(true);
    this.stop();
    return write;
  }

  private write(interrupted: boolean): Promise<void> | undefined {
    if (this.stopped) return undefined;
    // JSON now: the reducer keeps appending to the live blocks after this call returns.
    const content = JSON.parse(JSON.stringify(withoutEmptyTextBlocks(this.content()))) as ContentBlock[];
    const key = JSON.stringify(content);
    if (!interrupted && key === this.written) return undefined;
    this.written = key;
    const partial: Turn = { ...this.turn, content, outcome: 'streaming' };
    const stored = interrupted ? interruptedTurn(partial) : partial;
    // updatedAt stays: the history index entry then changes once per turn, not every checkpoint.
    const snapshot: Conversation = {
      ...this.conversation,
      turns: this.conversation.turns.map((t) => (t === this.turn ? stored : t)),
    };
    return this.save(snapshot).then(() => undefined, this.onError);
  }
}

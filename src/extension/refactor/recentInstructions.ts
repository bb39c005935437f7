// The instructions the user typed recently, newest first, kept across sessions in the
// extension's global state when the caller gives one. No vscode import.

/** The part of `vscode.Memento` this needs (so plain-Node tests can pass a map). */
export interface InstructionMemory {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

const storageKey = 'thinkfast.refactor.recentInstructions';

export class RecentInstructions {
  private fallback: string[] = [];

  constructor(
    private readonly memory?: InstructionMemory,
    private readonly max = 8,
  ) {}

  list(): string[] {
    const stored = this.memory ? this.memory.get<unknown>(storageKey) : this.fallback;
    return Array.isArray(stored)
      ? stored.filter((s): s is string => typeof s === 'string' && s.trim() !== '')
      : [];
  }

  async remember(instruction: string): Promise<void> {
    const text = instruction.trim();
    if (text === '') return;
    const next = [text, ...this.list().filter((s) => s !== text)].slice(0, this.max);
    if (this.memory) await this.memory.update(storageKey, next);
    else this.fallback = next;
  }
}

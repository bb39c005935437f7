// The shapes the proposal controls share with the command and the tests. No vscode import.

/** What tests (and the command's caller) can see of the proposal after each change. */
export interface ProposalSnapshot {
  readonly streaming: boolean;
  readonly hunks: readonly {
    readonly index: number;
    readonly line: number;
    readonly removed: number;
    readonly added: readonly string[];
  }[];
  readonly counts: { readonly open: number; readonly kept: number; readonly undone: number };
  readonly notificationOpen: boolean;
  readonly status: string | undefined;
}

export interface ProposalHooks {
  /** Stops the stream (Undo all or an edit inside the range while it streams). */
  stop(): void;
  /** Called after Undo all undid everything; offers "Try again with more effort". */
  retry?: () => void;
  observe?: (s: ProposalSnapshot) => void;
}

import type { Conversation } from './conversation';
import { conversationSpend, spendQuestion } from './spend';

/** Shows the spend question (a modal in the editor); resolves true to send. */
export type SpendConfirm = (question: string) => Thenable<boolean>;

/**
 * Asks before a turn that passes the conversation's spend limit. No vscode import: the session
 * that owns it is tested in plain Node; the controller passes the modal in.
 */
export class SpendGate {
  /** Replaceable so the host tests can answer the question. */
  confirm: SpendConfirm;

  constructor(
    private readonly limit: () => number,
    confirm: SpendConfirm = () => Promise.resolve(true),
  ) {
    this.confirm = confirm;
  }

  /** True when the next turn of `conversation` may be sent. */
  async allow(conversation: Conversation): Promise<boolean> {
    const question = spendQuestion(conversationSpend(conversation), this.limit());
    return question === undefined ? true : this.confirm(question);
  }
}

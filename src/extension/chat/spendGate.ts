import * as vscode from 'vscode';
import type { Conversation } from './conversation';
import { conversationSpend, spendQuestion } from './spend';

/** Asks, in a modal, before a turn that passes the conversation's spend limit. */
export class SpendGate {
  /** Shows the question; resolves true to send. Replaceable so the host tests can answer it. */
  confirm: (question: string) => Thenable<boolean> = async (question) =>
    (await vscode.window.showWarningMessage(question, { modal: true }, 'Send')) === 'Send';

  constructor(private readonly limit: () => number) {}

  /** True when the next turn of `conversation` may be sent. */
  async allow(conversation: Conversation): Promise<boolean> {
    const question = spendQuestion(conversationSpend(conversation), this.limit());
    return question === undefined ? true : this.confirm(question);
  }
}

import * as vscode from 'vscode';
import type { StreamResult } from '../../anthropic/types';

/** Shows `message` with the model's raw response one click away (and the log for errors). */
export function showProblem(message: string, response: string, log: vscode.LogOutputChannel): void {
  const actions = response.trim() === '' ? ['Show Log'] : ['Show Response', 'Show Log'];
  void vscode.window.showErrorMessage(`Thinkfast: ${message}`, ...actions).then(async (choice) => {
    if (choice === 'Show Log') log.show();
    if (choice !== 'Show Response') return;
    const doc = await vscode.workspace.openTextDocument({ content: response, language: 'markdown' });
    await vscode.window.showTextDocument(doc, { preview: true });
  });
}

/** The sentence for an answer that cannot be applied, or undefined when it may be. */
export function refusalOrCutOff(result: StreamResult): string | undefined {
  const m = result.message;
  if (m.stop_reason === 'refusal') {
    const why = m.stop_details?.explanation;
    return `Claude declined this refactor${why ? `: ${why}` : '.'} Nothing was changed.`;
  }
  return undefined;
}

/** Added to a broken answer's message when it ran into the output limit. */
export function cutOffHint(result: StreamResult): string {
  return result.message.stop_reason === 'max_tokens'
    ? ' The answer reached the max tokens limit: raise "thinkfast.maxTokens" or lower "thinkfast.refactor.effort".'
    : '';
}

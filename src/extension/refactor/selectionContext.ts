import * as vscode from 'vscode';
import { contextLines, type RefactorPromptInput } from './refactorPrompt';

/** The prompt's view of a selection: its text, where it is, and the code around it. */
export function selectionContext(
  document: vscode.TextDocument,
  selection: vscode.Range,
  instruction: string,
): RefactorPromptInput {
  const firstLine = Math.max(0, selection.start.line - contextLines);
  const lastLine = Math.min(document.lineCount - 1, selection.end.line + contextLines);
  const before = document.getText(
    new vscode.Range(firstLine, 0, selection.start.line, selection.start.character),
  );
  const after = document.getText(new vscode.Range(selection.end, document.lineAt(lastLine).range.end));
  // A selection that ends at column 0 of the next line covers whole lines: report the last full one.
  const endLine =
    selection.end.character === 0 && selection.end.line > selection.start.line
      ? selection.end.line
      : selection.end.line + 1;
  return {
    instruction,
    languageId: document.languageId,
    path: document.isUntitled ? document.fileName : vscode.workspace.asRelativePath(document.uri, false),
    startLine: selection.start.line + 1,
    endLine,
    selection: document.getText(selection),
    before,
    after,
  };
}

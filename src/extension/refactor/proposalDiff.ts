import * as vscode from 'vscode';
import type { InlineProposal } from './inlineProposal';
import type { ProposalDocuments } from './proposalDocuments';

/**
 * "Open as diff": the whole file as it is now against the whole file with every open hunk kept,
 * side by side (read-only snapshots; deciding stays in the editor).
 */
export async function openProposalDiff(p: InlineProposal, documents: ProposalDocuments): Promise<boolean> {
  const document = await vscode.workspace.openTextDocument(p.uri);
  const range = p.watch.locate(document);
  if (!range) return false;
  const text = document.getText();
  const [from, to] = [document.offsetAt(range.start), document.offsetAt(range.end)];
  const proposed = text.slice(0, from) + p.withOpenKept() + text.slice(to);
  const { left, right } = documents.add(p.uri, text, proposed);
  const name = p.uri.path.split('/').pop() ?? '';
  await vscode.commands.executeCommand('vscode.diff', left, right, `${name} ↔ Thinkfast proposal`, {
    preview: true,
  });
  return true;
}

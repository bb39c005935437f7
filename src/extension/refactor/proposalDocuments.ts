import * as path from 'node:path';
import * as vscode from 'vscode';

/** The scheme of the read-only documents the refactor diff shows. */
export const refactorScheme = 'thinkfast-refactor';

/**
 * Serves the two sides of refactor diffs (original selection and proposal) as read-only virtual
 * documents. The path ends with the file's own name so the diff gets the right language.
 */
export class ProposalDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private counter = 0;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(refactorScheme, this);

  /** Stores a pair and returns their URIs. */
  add(source: vscode.Uri, original: string, proposal: string): { left: vscode.Uri; right: vscode.Uri } {
    this.counter += 1;
    const name = path.posix.basename(source.path) || 'selection';
    const left = vscode.Uri.from({ scheme: refactorScheme, path: `/${this.counter}/original/${name}` });
    const right = vscode.Uri.from({ scheme: refactorScheme, path: `/${this.counter}/proposal/${name}` });
    this.texts.set(left.toString(), original);
    this.texts.set(right.toString(), proposal);
    return { left, right };
  }

  remove(...uris: vscode.Uri[]): void {
    for (const uri of uris) this.texts.delete(uri.toString());
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.registration.dispose();
    this.texts.clear();
  }
}

import * as vscode from 'vscode';
import type { MentionItemView } from '../../shared/protocol';
import { IgnoreRules } from './gitignore';
import { lineSpan, rankMentions, spanLabel } from './mentionMatch';

/** What a mention in the list stands for, kept host-side: the webview only sends back its id. */
type Target =
  | { readonly kind: 'selection'; readonly editor: vscode.TextEditor }
  | { readonly kind: 'file' | 'editor'; readonly uri: vscode.Uri }
  | {
      readonly kind: 'symbol';
      readonly uri: vscode.Uri;
      readonly range: vscode.Range;
      readonly name: string;
    };

interface Candidate {
  readonly label: string;
  readonly detail?: string;
  readonly target: Target;
}

/** A chosen mention, ready for the chips: the document and, for a part of it, the range. */
export interface ResolvedMention {
  readonly document: vscode.TextDocument;
  readonly range?: vscode.Range;
  readonly name?: string;
}

const maxItems = 30;
const maxFiles = 20_000;
/** The file list is read again after this long (files come and go while the list is open). */
const fileListTtlMs = 5_000;

/**
 * The candidates of an @-mention: the current selection, open editors, symbols of the active
 * file and workspace files (files.exclude applies through findFiles, .gitignore through
 * IgnoreRules), ranked by a fuzzy match of what follows the `@`.
 */
export class MentionSource {
  private targets = new Map<string, Target>();
  private counter = 0;
  private files: { at: number; list: Promise<vscode.Uri[]> } | undefined;

  async query(query: string): Promise<MentionItemView[]> {
    const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors[0];
    const candidates: Candidate[] = [];
    if (editor && !editor.selection.isEmpty) {
      const span = lineSpan(
        editor.selection.start.line,
        editor.selection.end.line,
        editor.selection.end.character,
      );
      candidates.push({
        label: 'Selection',
        detail: spanLabel(relative(editor.document.uri), span),
        target: { kind: 'selection', editor },
      });
    }
    const seen = new Set<string>();
    for (const uri of openEditorUris(editor)) {
      seen.add(uri.toString());
      candidates.push({ ...fileLabels(uri), target: { kind: 'editor', uri } });
    }
    if (editor) candidates.push(...(await symbolCandidates(editor.document)));
    for (const uri of await this.workspaceFiles()) {
      if (!seen.has(uri.toString())) candidates.push({ ...fileLabels(uri), target: { kind: 'file', uri } });
    }
    const ranked = rankMentions(query, candidates, maxItems);
    this.targets = new Map();
    return ranked.map((c) => {
      this.counter += 1;
      const id = `m${this.counter}`;
      this.targets.set(id, c.target);
      return { id, kind: c.target.kind, label: c.label, ...(c.detail ? { detail: c.detail } : {}) };
    });
  }

  /** The document (and range) behind an id from the last list, or undefined if it is gone. */
  async resolve(id: string): Promise<ResolvedMention | undefined> {
    const target = this.targets.get(id);
    if (!target) return undefined;
    switch (target.kind) {
      case 'selection':
        return { document: target.editor.document, range: target.editor.selection };
      case 'file':
      case 'editor':
        return { document: await vscode.workspace.openTextDocument(target.uri) };
      case 'symbol':
        return {
          document: await vscode.workspace.openTextDocument(target.uri),
          range: target.range,
          name: target.name,
        };
    }
  }

  private workspaceFiles(): Promise<vscode.Uri[]> {
    const now = Date.now();
    if (!this.files || now - this.files.at > fileListTtlMs) {
      this.files = { at: now, list: listWorkspaceFiles() };
    }
    return this.files.list;
  }
}

/** Workspace files with files.exclude applied (findFiles does that) and then .gitignore rules. */
export async function listWorkspaceFiles(): Promise<vscode.Uri[]> {
  const [files, ignoreFiles] = await Promise.all([
    vscode.workspace.findFiles('**/*', undefined, maxFiles),
    vscode.workspace.findFiles('**/.gitignore', undefined, 1000),
  ]);
  const rules = new Map<string, IgnoreRules>();
  for (const file of ignoreFiles) {
    const folder = vscode.workspace.getWorkspaceFolder(file);
    if (!folder) continue;
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    const key = folder.uri.toString();
    const folderRules = rules.get(key) ?? new IgnoreRules();
    rules.set(key, folderRules);
    folderRules.add(parentOf(relativeTo(folder, file)), text);
  }
  return files
    .filter((uri) => {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      const folderRules = folder && rules.get(folder.uri.toString());
      return !folderRules?.ignores(relativeTo(folder, uri));
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

function openEditorUris(active: vscode.TextEditor | undefined): vscode.Uri[] {
  const uris: vscode.Uri[] = [];
  const add = (uri: vscode.Uri) => {
    if (!uris.some((u) => u.toString() === uri.toString())) uris.push(uri);
  };
  if (active && active.document.uri.scheme !== 'output') add(active.document.uri);
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) if (tab.input instanceof vscode.TabInputText) add(tab.input.uri);
  }
  return uris;
}

async function symbolCandidates(document: vscode.TextDocument): Promise<Candidate[]> {
  let symbols: (vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined;
  try {
    symbols = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>(
      'vscode.executeDocumentSymbolProvider',
      document.uri,
    );
  } catch {
    return [];
  }
  const out: Candidate[] = [];
  const path = relative(document.uri);
  const visit = (list: readonly (vscode.DocumentSymbol | vscode.SymbolInformation)[], depth: number) => {
    for (const s of list) {
      const range = 'range' in s ? s.range : s.location.range;
      const span = lineSpan(range.start.line, range.end.line, range.end.character);
      out.push({
        label: s.name,
        detail: spanLabel(path, span),
        target: { kind: 'symbol', uri: document.uri, range, name: s.name },
      });
      if ('children' in s && depth < 1) visit(s.children, depth + 1);
    }
  };
  visit(symbols ?? [], 0);
  return out;
}

function fileLabels(uri: vscode.Uri): { label: string; detail?: string } {
  const rel = relative(uri);
  const slash = rel.lastIndexOf('/');
  return slash < 0 ? { label: rel } : { label: rel.slice(slash + 1), detail: rel.slice(0, slash) };
}

function relative(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

function relativeTo(folder: vscode.WorkspaceFolder | undefined, uri: vscode.Uri): string {
  if (!folder) return uri.path;
  const base = folder.uri.path.replace(/\/$/, '');
  return uri.path.startsWith(`${base}/`) ? uri.path.slice(base.length + 1) : uri.path;
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

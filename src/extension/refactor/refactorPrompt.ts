// The refactor request's text: the selection in a fence, the surrounding code marked as context
// not to be returned, and an instruction to answer with exactly one fenced block. Thinking is on,
// so the answer cannot be prefilled with an opening fence: the prompt has to ask for it.
// No vscode import.

/** Used when the user accepts the instruction prompt without typing or choosing anything. */
export const defaultInstruction = 'Refactor this code for clarity';

/** How many lines of code around the selection go along as context, each side. */
export const contextLines = 30;

export const refactorSystemPrompt = [
  'You are a careful refactoring tool inside a code editor.',
  'You receive one selected region of a file and an instruction. You return the complete replacement for that region only.',
  'Preserve behaviour unless the instruction asks otherwise, keep the surrounding code working, and match the file’s style and indentation.',
  'Your answer is exactly one fenced code block containing the replacement, with no other code blocks.',
].join(' ');

export interface RefactorPromptInput {
  readonly instruction: string;
  /** VS Code language id, used as the fence's info string. */
  readonly languageId: string;
  /** Workspace-relative path, or the untitled name. */
  readonly path: string;
  /** 1-based, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  readonly selection: string;
  /** Code just before the selection (may end mid-line, where the selection starts). */
  readonly before: string;
  /** Code just after the selection. */
  readonly after: string;
}

/** A fence longer than any backtick run inside `code`, so the code cannot close it early. */
export function fenceFor(code: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** Language ids that are not useful fence labels. */
function fenceLanguage(languageId: string): string {
  return languageId === 'plaintext' || /[\s`]/.test(languageId) ? '' : languageId;
}

export function buildRefactorPrompt(p: RefactorPromptInput): string {
  const fence = fenceFor(p.selection);
  const lines = p.startLine === p.endLine ? `line ${p.startLine}` : `lines ${p.startLine}–${p.endLine}`;
  const parts = [
    `Rewrite the selected code from \`${p.path}\` (${p.languageId}, ${lines}) following this instruction:`,
    '',
    '<instruction>',
    p.instruction.trim(),
    '</instruction>',
    '',
    // The selection comes first and is the only fenced block in the prompt, so nothing in the
    // context can be mistaken for the code to rewrite.
    '<selection>',
    `${fence}${fenceLanguage(p.languageId)}`,
    p.selection,
    fence,
    '</selection>',
  ];
  if (p.before.trim() !== '' || p.after.trim() !== '') {
    parts.push(
      '',
      'The code around the selection follows, for context only. Do not repeat it, change it or return it.',
    );
    if (p.before.trim() !== '') parts.push('', '<context_before>', p.before, '</context_before>');
    if (p.after.trim() !== '') parts.push('', '<context_after>', p.after, '</context_after>');
  }
  parts.push(
    '',
    'Answer with exactly one fenced code block that holds the complete replacement for the selection and nothing else: ' +
      'no code from the context, no second block. Keep the indentation the selection has in the file. ' +
      'If nothing should change, return the selection unchanged.',
  );
  return parts.join('\n');
}

import * as vscode from 'vscode';
import { showPick } from '../quickPick';
import { defaultInstruction } from './refactorPrompt';

interface InstructionItem extends vscode.QuickPickItem {
  readonly instruction?: string;
}

function entries(presets: readonly string[], recents: readonly string[]): InstructionItem[] {
  const first = presets[0] ?? defaultInstruction;
  const items: InstructionItem[] = [{ label: first, instruction: first, description: 'default' }];
  const seen = new Set([first]);
  const fresh = recents.filter((r) => !seen.has(r) && !presets.includes(r));
  if (fresh.length > 0) items.push({ label: 'Recent', kind: vscode.QuickPickItemKind.Separator });
  for (const r of fresh) {
    seen.add(r);
    items.push({ label: r, instruction: r });
  }
  const rest = presets.filter((p) => !seen.has(p));
  if (rest.length > 0) items.push({ label: 'Presets', kind: vscode.QuickPickItemKind.Separator });
  for (const p of rest) items.push({ label: p, instruction: p });
  return items;
}

/**
 * Asks how to refactor: the presets and recent instructions, or free text. Enter on an empty
 * input takes the default. Resolves undefined when dismissed.
 */
export function pickInstruction(
  presets: readonly string[],
  recents: readonly string[],
  title = 'Thinkfast: Refactor Selection',
): Promise<string | undefined> {
  const base = entries(presets, recents);
  return showPick<InstructionItem, string>(
    (qp) => {
      qp.title = title;
      qp.placeholder = 'How should the selection change? Type your own instruction or pick one';
      qp.items = base;
      qp.ignoreFocusOut = true;
      return qp.onDidChangeValue((value) => {
        const text = value.trim();
        // Typed text is offered first so Enter sends exactly what was typed.
        qp.items =
          text === '' || base.some((i) => i.instruction === text)
            ? base
            : [{ label: text, instruction: text, description: 'your instruction' }, ...base];
      });
    },
    (qp) => qp.selectedItems[0]?.instruction ?? (qp.value.trim() || defaultInstruction),
  );
}

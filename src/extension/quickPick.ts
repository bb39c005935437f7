import * as vscode from 'vscode';

/**
 * Shows a quick pick built by `setup` and resolves with what `accepted` makes of it when the user
 * presses Enter (by default the selected item), or undefined when it is dismissed. `setup` may
 * return listeners of its own; they are disposed with the pick.
 */
export function showPick<T extends vscode.QuickPickItem, R = T>(
  setup: (qp: vscode.QuickPick<T>) => vscode.Disposable | undefined,
  accepted: (qp: vscode.QuickPick<T>) => R | undefined = (qp) =>
    qp.selectedItems[0] as unknown as R | undefined,
): Promise<R | undefined> {
  const qp = vscode.window.createQuickPick<T>();
  return new Promise<R | undefined>((resolve) => {
    let chosen: R | undefined;
    const extra = setup(qp);
    const listeners = [
      qp.onDidAccept(() => {
        chosen = accepted(qp);
        qp.hide();
      }),
      qp.onDidHide(() => {
        for (const l of listeners) l.dispose();
        extra?.dispose();
        qp.dispose();
        resolve(chosen);
      }),
    ];
    qp.show();
  });
}

import * as vscode from 'vscode';

export const extensionId = 'thinkfast.thinkfast';

/**
 * What the tests need from `activate()`'s return value. Declared here, structurally, so the
 * suite compiles whether or not the extension exports it yet; `testApi()` checks at runtime.
 */
export interface ThinkfastTestApi {
  readonly chatView: {
    readonly isReady: boolean;
    readonly onDidBecomeReady: vscode.Event<void>;
  };
}

/** The extension under test, activated. Fails the test if VS Code does not know it. */
export async function activateThinkfast(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension) throw new Error(`${extensionId} is not installed in this extension host`);
  await extension.activate();
  return extension;
}

/** The test API if `activate()` returned one, else undefined. */
export function testApi(extension: vscode.Extension<unknown>): ThinkfastTestApi | undefined {
  const api = extension.exports as Partial<ThinkfastTestApi> | undefined;
  const chatView = api?.chatView;
  return chatView && typeof chatView.isReady === 'boolean' && typeof chatView.onDidBecomeReady === 'function'
    ? (api as ThinkfastTestApi)
    : undefined;
}

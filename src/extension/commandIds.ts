// Every command id the extension registers. A unit test checks this list against package.json.

export const CommandIds = {
  newChat: 'thinkfast.newChat',
  toggleFastMode: 'thinkfast.toggleFastMode',
  setEffort: 'thinkfast.setEffort',
  selectModel: 'thinkfast.selectModel',
  setApiKey: 'thinkfast.setApiKey',
  clearApiKey: 'thinkfast.clearApiKey',
  refactorSelection: 'thinkfast.refactorSelection',
  acceptRefactor: 'thinkfast.acceptRefactor',
  rejectRefactor: 'thinkfast.rejectRefactor',
  refactorFromMenu: 'thinkfast.refactorFromMenu',
  refactorKeepHunk: 'thinkfast.refactorKeepHunk',
  refactorUndoHunk: 'thinkfast.refactorUndoHunk',
  refactorOpenDiff: 'thinkfast.refactorOpenDiff',
  refactorActions: 'thinkfast.refactorActions',
  refactorRetry: 'thinkfast.refactorRetry',
  showLog: 'thinkfast.showLog',
  openSettings: 'thinkfast.openSettings',
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];

/** The chat view's id (package.json `views`), known without loading the chat's code. */
export const chatViewId = 'thinkfast.chat';

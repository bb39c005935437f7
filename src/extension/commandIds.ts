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
  showLog: 'thinkfast.showLog',
  openSettings: 'thinkfast.openSettings',
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];

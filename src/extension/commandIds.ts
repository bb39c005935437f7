// Every command id the extension registers. A unit test checks this list against package.json.

export const CommandIds = {
  newChat: 'thinkfast.newChat',
  showLog: 'thinkfast.showLog',
  openSettings: 'thinkfast.openSettings',
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];

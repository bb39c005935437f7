// Root hooks: one Chromium and one server serve every webview test file; close them at the end.
import { closeSharedHarness } from './panel';

export const mochaHooks = {
  async afterAll(): Promise<void> {
    await closeSharedHarness();
  },
};

import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import type { Backend } from '../connection/backend';
import { LazyFeature } from '../lazyFeature';
import type { StreamActivity } from '../status/streamActivity';
import type { InstructionMemory } from './recentInstructions';

/** Every command the refactor registers (refactorCommand.ts, proposalControls.ts, retryOffer.ts). */
const refactorCommandIds = [
  CommandIds.refactorSelection,
  CommandIds.refactorFromMenu,
  CommandIds.acceptRefactor,
  CommandIds.rejectRefactor,
  CommandIds.refactorKeepHunk,
  CommandIds.refactorUndoHunk,
  CommandIds.refactorOpenDiff,
  CommandIds.refactorActions,
  CommandIds.refactorRetry,
] as const;

/** Refactor Selection and its proposals' commands; their code loads when one is first run. */
export function registerRefactorFeature(
  backend: Backend,
  activity: StreamActivity,
  log: vscode.LogOutputChannel,
  memory?: InstructionMemory,
): vscode.Disposable {
  return new LazyFeature(
    vscode.commands,
    refactorCommandIds,
    async () => {
      const { registerRefactor } = await import('./refactorCommand');
      return () => registerRefactor(backend, activity, log, memory);
    },
    (e) => log.error('loading the refactor failed', e),
  );
}

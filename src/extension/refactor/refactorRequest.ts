import { AnthropicError } from '../../anthropic/errors';
import type { ModelCapabilities } from '../../anthropic/models';
import { buildRequest } from '../../anthropic/requestBuilder';
import { EFFORTS, type BuiltRequest, type Effort, type Speed } from '../../anthropic/types';
import { requestSettings } from '../chat/turnRunner';
import type { ConfigSnapshot } from '../settings/config';
import { nearestEffort } from '../status/modelSwitch';
import { chooseSpeed } from './costEstimate';
import { refactorSystemPrompt } from './refactorPrompt';

/** How a refactor will run: speed and effort as the model allows, and what to tell the user. */
export interface RefactorPlan {
  readonly speed: Speed;
  readonly effort: Effort | undefined;
  readonly notices: readonly string[];
}

export function planRefactor(
  settings: ConfigSnapshot,
  caps: ModelCapabilities,
  effort?: Effort,
): RefactorPlan {
  const notices: string[] = [];
  const speed = chooseSpeed(settings.refactorSpeed, settings.fastMode, caps);
  if (speed.notice) notices.push(speed.notice);
  const wanted = effort ?? settings.refactorEffort;
  const actual = nearestEffort(caps, wanted);
  if (actual !== undefined && actual !== wanted) {
    notices.push(`${caps.displayName} has no ${wanted} effort: refactoring at ${actual}.`);
  }
  return { speed: speed.speed, effort: actual, notices };
}

/** The request, or the sentence saying why it cannot be built (an impossible combination). */
export function refactorRequest(
  settings: ConfigSnapshot,
  caps: ModelCapabilities,
  plan: RefactorPlan,
  prompt: string,
): { readonly built: BuiltRequest } | { readonly error: string } {
  try {
    const s = requestSettings(settings, caps, {
      fast: plan.speed === 'fast',
      ...(plan.effort ? { effort: plan.effort } : {}),
    });
    return { built: buildRequest(s, caps, [{ role: 'user', content: prompt }], refactorSystemPrompt) };
  } catch (e) {
    return { error: e instanceof AnthropicError ? e.message : String(e) };
  }
}

/** The next effort level above `effort` that the model accepts, for "Try again with more effort". */
export function nextEffort(caps: ModelCapabilities, effort: Effort | undefined): Effort | undefined {
  if (effort === undefined) return undefined;
  return EFFORTS.slice(EFFORTS.indexOf(effort) + 1).find((e) => caps.effortLevels.includes(e));
}

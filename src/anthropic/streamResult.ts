// The two ends of one `stream()` call around the retry loop: listeners that cannot break the
// stream, and the result built from the last attempt (outcome, partial message, metrics, cost).

import { buildMetrics } from './metrics';
import { resolveModel, type ModelCapabilities } from './models';
import { fallbackModelOf } from './outcomes';
import type { DeltaSink } from './reducer';
import type { StreamOptions } from './clientOptions';
import type { AttemptResult } from './streamAttempt';
import { settledUsage } from './turnUsage';
import type { ClientEvent, Outcome, Speed, StreamResult } from './types';

/** The caller's listeners wrapped so that one that throws is logged and the stream goes on. */
export function guardListeners(
  opts: Pick<StreamOptions, 'onEvent' | 'onDelta'>,
  log: (line: string) => void,
): { emit: (e: ClientEvent) => void; onDelta: DeltaSink } {
  const emit = (e: ClientEvent): void => {
    try {
      opts.onEvent?.(e);
    } catch (err) {
      log(`onEvent listener threw: ${String(err)}`);
    }
  };
  const listener = opts.onDelta;
  const onDelta: DeltaSink = listener
    ? (delta, message) => {
        try {
          listener(delta, message);
        } catch (err) {
          log(`onDelta listener threw: ${String(err)}`);
        }
      }
    : () => undefined;
  return { emit, onDelta };
}

export interface StreamSummary {
  /** The model the (last) request asked for. */
  model: string;
  startedAt: number;
  endedAt: number;
  requestedSpeed: Speed;
  fellBack: boolean;
  attempts: number;
  caps?: ModelCapabilities;
  resolveCaps?: (id: string) => ModelCapabilities;
}

/** How the stream ended, the message as far as it got, and its metrics. */
export function settleStream(last: AttemptResult, s: StreamSummary): StreamResult {
  const message = last.reducer.message;
  if (!message.model) message.model = s.model;
  const outcome = outcomeOf(last);
  const servedModel = fallbackModelOf(message);
  const settled = settledUsage(message, outcome);
  const resolveCaps = s.resolveCaps ?? ((id: string) => resolveModel(id));
  const metrics = buildMetrics({
    model: message.model,
    requestId: last.requestId,
    timings: {
      startedAt: s.startedAt,
      attemptStartedAt: last.startedAt,
      firstDeltaAt: last.firstDeltaAt,
      lastDeltaAt: last.lastDeltaAt,
      endedAt: s.endedAt,
    },
    usage: settled.usage,
    usageEstimated: settled.estimated,
    requestedSpeed: s.requestedSpeed,
    fellBack: s.fellBack,
    attempts: s.attempts,
    rateLimits: last.rateLimits,
    caps: s.caps ?? resolveModel(s.model),
    ...(servedModel === undefined ? {} : { servedModel, servedCaps: resolveCaps(servedModel) }),
  });
  const result: StreamResult = { outcome, message, metrics };
  if (last.error && outcome !== 'complete' && outcome !== 'stopped') result.error = last.error;
  return result;
}

/** The response produced something (content or output tokens): it has figures, a footer and a cost. */
export function producedOutput(r: StreamResult): boolean {
  return r.message.content.length > 0 || r.metrics.usage.output_tokens > 0;
}

function outcomeOf(a: AttemptResult): Outcome {
  if (!a.error) return 'complete';
  if (a.error.kind === 'aborted') return 'stopped';
  // Once the server accepted the request (HTTP 200) the stream had begun: what arrived is a partial answer.
  return a.status === 200 ? 'interrupted' : 'failed';
}

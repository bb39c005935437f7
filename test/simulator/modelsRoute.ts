// `GET /v1/models` (paginated, newest first; active and deprecated models unless `lifecycle[]`
// asks for others) and `GET /v1/models/{id}` (any lifecycle), in the SDK's ModelInfo shape.

import type { ApiFailure } from './apiErrors';
import { failure, invalid } from './apiErrors';
import { type Lifecycle, type ModelRules, catalogue, findModel, modelInfo } from './models';

type Answer = { ok: true; body: unknown } | { ok: false; failure: ApiFailure };

const LIFECYCLES: readonly Lifecycle[] = ['active', 'deprecated', 'retired'];
const DEFAULT_LIFECYCLES: readonly Lifecycle[] = ['active', 'deprecated'];

/** `lifecycle[]=a&lifecycle[]=b`, `lifecycle=a,b` and repeated `lifecycle=` all work. */
function lifecycles(query: URLSearchParams): readonly Lifecycle[] | ApiFailure {
  const asked = [...query.getAll('lifecycle[]'), ...query.getAll('lifecycle')].flatMap((v) => v.split(','));
  if (asked.length === 0) return DEFAULT_LIFECYCLES;
  for (const v of asked) {
    if (!(LIFECYCLES as readonly string[]).includes(v)) {
      return invalid(`lifecycle: Input should be 'active', 'deprecated' or 'retired'`);
    }
  }
  return asked as Lifecycle[];
}

export function listModels(query: URLSearchParams, rules: ModelRules): Answer {
  const rawLimit = query.get('limit');
  const limit = rawLimit === null ? 20 : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    return { ok: false, failure: invalid('limit: Input should be an integer between 1 and 1000') };
  }
  const wanted = lifecycles(query);
  if (!Array.isArray(wanted)) return { ok: false, failure: wanted as ApiFailure };
  const sorted = catalogue(rules).filter((m) => wanted.includes(m.lifecycle));
  const afterId = query.get('after_id');
  const beforeId = query.get('before_id');
  let from = 0;
  let to = sorted.length;
  if (afterId !== null) from = sorted.findIndex((m) => m.id === afterId) + 1;
  if (beforeId !== null)
    to = Math.max(
      0,
      sorted.findIndex((m) => m.id === beforeId),
    );
  // before_id pages backwards: the `limit` models just before it.
  const page =
    beforeId !== null ? sorted.slice(Math.max(from, to - limit), to) : sorted.slice(from, from + limit);
  const hasMore = beforeId !== null ? to - limit > from : from + limit < to;
  return {
    ok: true,
    body: {
      data: page.map(modelInfo),
      has_more: hasMore,
      first_id: page[0]?.id ?? null,
      last_id: page[page.length - 1]?.id ?? null,
    },
  };
}

export function getModel(id: string, rules: ModelRules): Answer {
  const m = findModel(decodeURIComponent(id), rules);
  return m ? { ok: true, body: modelInfo(m) } : { ok: false, failure: failure(404, `model: ${id}`) };
}

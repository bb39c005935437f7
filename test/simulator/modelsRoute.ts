// `GET /v1/models` (paginated, newest first) and `GET /v1/models/{id}`.

import type { ApiFailure } from './apiErrors';
import { failure, invalid } from './apiErrors';
import { MODELS, findModel, modelInfo } from './models';

type Answer = { ok: true; body: unknown } | { ok: false; failure: ApiFailure };

export function listModels(query: Record<string, string>): Answer {
  const limit = query.limit === undefined ? 20 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    return { ok: false, failure: invalid('limit: Input should be an integer between 1 and 1000') };
  }
  const sorted = [...MODELS].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  let from = 0;
  let to = sorted.length;
  if (query.after_id !== undefined) from = sorted.findIndex((m) => m.id === query.after_id) + 1;
  if (query.before_id !== undefined)
    to = Math.max(
      0,
      sorted.findIndex((m) => m.id === query.before_id),
    );
  // before_id pages backwards: the `limit` models just before it.
  const page =
    query.before_id !== undefined
      ? sorted.slice(Math.max(from, to - limit), to)
      : sorted.slice(from, from + limit);
  const hasMore = query.before_id !== undefined ? to - limit > from : from + limit < to;
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

export function getModel(id: string): Answer {
  const m = findModel(decodeURIComponent(id));
  return m ? { ok: true, body: modelInfo(m) } : { ok: false, failure: failure(404, `model: ${id}`) };
}

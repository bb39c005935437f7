// Error responses in the API's shape: `{"type":"error","error":{type,message},"request_id"}`.

import type { ServerResponse } from 'node:http';

/** A refusal the simulator answers with instead of a message. */
export interface ApiFailure {
  status: number;
  type: string;
  message: string;
  headers?: Record<string, string>;
}

/** The error type the API uses for each status (API-NOTES, "Responses and errors"). */
export const ERROR_TYPES: Readonly<Record<number, string>> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  408: 'timeout_error',
  409: 'conflict_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

export function failure(
  status: number,
  message: string,
  type = ERROR_TYPES[status] ?? 'api_error',
): ApiFailure {
  return { status, type, message };
}

export const invalid = (message: string): ApiFailure => failure(400, message);

export function errorBody(type: string, message: string, requestId?: string): Record<string, unknown> {
  const body: Record<string, unknown> = { type: 'error', error: { type, message } };
  if (requestId !== undefined) body.request_id = requestId;
  return body;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

export function sendFailure(
  res: ServerResponse,
  requestId: string,
  f: ApiFailure,
  headers: Record<string, string> = {},
): void {
  sendJson(res, f.status, errorBody(f.type, f.message, requestId), { ...headers, ...f.headers });
}

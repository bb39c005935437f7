// The patterns the host and the webview must agree on, each defined once. Pure.

/** Ids of conversations and turns: what the webview may send back and what names a stored file. */
export const idPattern = /^[A-Za-z0-9_-]{1,64}$/;

export function isId(value: unknown): value is string {
  return typeof value === 'string' && idPattern.test(value);
}

/** Links and images from model output are followed only when they are http(s) URLs. */
export const httpUrlPattern = /^https?:\/\//i;

/** 127.0.0.0/8, ::1 and localhost: the only hosts plain http (and no proxy) is right for. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

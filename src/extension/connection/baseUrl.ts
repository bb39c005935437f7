// Where requests carrying the API key may go. No vscode import: unit-tested in plain Node.

import { isLoopbackHost } from '../../shared/patterns';

export type BaseUrlCheck = { ok: true; url: string } | { ok: false; message: string };

/**
 * Accepts https anywhere and http only on loopback (a local gateway or the simulator), so the key
 * is never sent in clear text over a network. Returns the URL without a trailing slash.
 */
export function checkBaseUrl(raw: string): BaseUrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return {
      ok: false,
      message: `The base URL "${raw}" is not a valid URL. Fix "thinkfast.baseUrl" in your user settings.`,
    };
  }
  if (url.username || url.password) {
    return {
      ok: false,
      message: 'The base URL must not contain credentials. Store the key with "Thinkfast: Set API Key".',
    };
  }
  if (url.protocol === 'https:') return { ok: true, url: url.toString().replace(/\/+$/, '') };
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname))
    return { ok: true, url: url.toString().replace(/\/+$/, '') };
  if (url.protocol === 'http:') {
    return {
      ok: false,
      message: `Plain http is allowed only for loopback addresses; "${url.host}" would receive your API key unencrypted. Use https.`,
    };
  }
  return { ok: false, message: `The base URL must use https (got "${url.protocol}").` };
}

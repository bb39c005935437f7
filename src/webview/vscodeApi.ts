// The one handle on the VS Code webview API. Everything the panel says to the host goes through
// `post`, typed by the protocol, so a wrong message shape fails to compile; each message goes in a
// numbered envelope (see `Envelope`), and `post` returns its number so an answer can be matched.
import type { Envelope, WebviewMessage } from '../shared/protocol';

interface VsCodeApi {
  postMessage(message: Envelope<WebviewMessage>): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** What the panel needs from the host side: messages out, and persisted view state. */
export interface HostPort {
  /** Sends `message`; returns its id, which the host's answer names in `replyTo`. */
  post(message: WebviewMessage): number;
  getState(): unknown;
  setState(state: unknown): void;
}

/** acquireVsCodeApi may be called only once per page, so main.ts calls this once. */
export function connectToHost(): HostPort {
  const api = acquireVsCodeApi();
  let lastId = 0;
  return {
    post: (message) => {
      const id = ++lastId;
      api.postMessage({ id, body: message });
      return id;
    },
    getState: () => api.getState(),
    setState: (state) => api.setState(state),
  };
}

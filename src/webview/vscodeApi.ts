// The one handle on the VS Code webview API. Everything the panel says to the host goes through
// `post`, typed by the protocol, so a wrong message shape fails to compile.
import type { WebviewMessage } from '../shared/protocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** What the panel needs from the host side: messages out, and persisted view state. */
export interface HostPort {
  post(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}

/** acquireVsCodeApi may be called only once per page, so main.ts calls this once. */
export function connectToHost(): HostPort {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    getState: () => api.getState(),
    setState: (state) => api.setState(state),
  };
}

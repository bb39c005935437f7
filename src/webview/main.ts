// Entry point of the chat webview (placeholder until the chat UI lands).
import type { HostMessage, WebviewMessage } from '../shared/protocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscodeApi = acquireVsCodeApi();
const app = document.getElementById('app');
if (app) app.textContent = 'Thinkfast';
window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  void event.data;
});
vscodeApi.postMessage({ type: 'ready' });

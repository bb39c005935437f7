// Entry point of the chat webview: connect to the host, build the panel, say `ready`.
import type { HostMessage } from '../shared/protocol';
import { openEnvelope } from '../shared/protocolValidation';
import { ChatApp } from './app';
import { connectToHost } from './vscodeApi';

const host = connectToHost();
const root = document.getElementById('app') ?? document.body;
const app = new ChatApp(root, host);
window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const opened = openEnvelope(event.data);
  if (!opened.ok) {
    console.warn(`Thinkfast ignored a message: ${opened.reason}`);
    return;
  }
  app.handle(opened.envelope.body as HostMessage, opened.envelope.replyTo);
});
host.post({ type: 'ready' });

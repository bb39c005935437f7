// Entry point of the chat webview: connect to the host, build the panel, say `ready`.
import type { HostMessage } from '../shared/protocol';
import { ChatApp } from './app';
import { connectToHost } from './vscodeApi';

const host = connectToHost();
const root = document.getElementById('app') ?? document.body;
const app = new ChatApp(root, host);
window.addEventListener('message', (event: MessageEvent<HostMessage>) => app.handle(event.data));
host.post({ type: 'ready' });

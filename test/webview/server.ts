// A tiny static server on 127.0.0.1 for the webview tests and the render benchmark. It serves the
// chat page built by the real buildChatHtml (so the tests run under the production CSP, with the
// harness origin standing in for webview.cspSource) and only files from a fixed allow-list of
// folders, so a test can tell its own requests from anything a payload tries to load.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { buildChatHtml } from '../../src/extension/chat/webviewHtml';

/** The repository root, from out/test/webview/ where this file runs. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

const servedFolders = ['dist/', 'media/', 'test/webview/themes/', 'out/test/webview/page/'];
const contentTypes: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

export interface HarnessServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** The body class VS Code sets is `vscode-${theme}`; each has a variables file in themes/. */
export type Theme = 'dark' | 'light' | 'high-contrast';
const themes: readonly Theme[] = ['dark', 'light', 'high-contrast'];

export async function startServer(): Promise<HarnessServer> {
  let origin = '';
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    void respond(url, origin).then(
      ({ status, type, body }) => {
        res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
        res.end(body);
      },
      () => {
        res.writeHead(500);
        res.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function respond(
  url: URL,
  origin: string,
): Promise<{ status: number; type: string; body: string | Buffer }> {
  const asked = url.searchParams.get('theme') as Theme | null;
  const theme: Theme = asked !== null && themes.includes(asked) ? asked : 'dark';
  if (url.pathname === '/' || url.pathname === '/index.html') {
    return { status: 200, type: 'text/html', body: chatPage(origin, theme) };
  }
  // Chromium asks for a favicon on its own; answer it so the console stays clean.
  if (url.pathname === '/favicon.ico') return { status: 204, type: 'image/x-icon', body: '' };
  const page = /^\/page\/(\w+)\.html$/.exec(url.pathname)?.[1];
  if (page) return { status: 200, type: 'text/html', body: testPage(origin, page, theme) };
  const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '');
  if (relative.includes('..') || !servedFolders.some((folder) => relative.startsWith(folder))) {
    return { status: 404, type: 'text/plain', body: 'not found' };
  }
  try {
    const body = await readFile(path.join(repoRoot, relative));
    return { status: 200, type: contentTypes[path.extname(relative)] ?? 'application/octet-stream', body };
  } catch {
    return { status: 404, type: 'text/plain', body: 'not found' };
  }
}

/** The production HTML, plus the theme variables VS Code would inject and its body class. */
function chatPage(origin: string, theme: Theme): string {
  const webview = {
    cspSource: origin,
    asWebviewUri: (uri: { path: string }) => ({ toString: () => `${origin}${uri.path}` }),
  } as unknown as vscode.Webview;
  const html = buildChatHtml(webview, fakeUri(''), 'harness-nonce');
  return html
    .replace('<title>', `<link rel="stylesheet" href="${origin}/test/webview/themes/${theme}.css">\n<title>`)
    .replace('<body>', `<body class="vscode-${theme}">`);
}

/** A page for one bundled test module (test/webview/page/NAME.ts) under the same CSP. */
function testPage(origin: string, name: string, theme: Theme): string {
  const html = chatPage(origin, theme);
  return html.replace(/src="[^"]*\/dist\/webview\.js"/, `src="${origin}/out/test/webview/page/${name}.js"`);
}

interface FakeUri {
  readonly path: string;
  with(change: { path: string }): FakeUri;
}

function fakeUri(p: string): vscode.Uri {
  const uri: FakeUri = { path: p, with: (change) => fakeUri(change.path) };
  return uri as unknown as vscode.Uri;
}

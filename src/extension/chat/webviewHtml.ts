import { randomBytes } from 'node:crypto';
import type * as vscode from 'vscode';

/** A fresh nonce per render: scripts run only if they carry it. */
export function makeNonce(): string {
  return randomBytes(18).toString('base64');
}

/**
 * The chat view's whole HTML and its Content Security Policy, built in one place.
 * Nothing may reach the network: no connect-src, images and fonts only from the extension's
 * own folders (webview.cspSource), scripts only by nonce, no inline styles or eval.
 */
export function buildChatHtml(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  nonce = makeNonce(),
): string {
  const asset = (...parts: string[]) => webview.asWebviewUri(joinUri(extensionUri, ...parts)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('dist', 'codicon.css')}">
<link rel="stylesheet" href="${asset('media', 'chat.css')}">
<link rel="stylesheet" href="${asset('media', 'composer.css')}">
<title>Thinkfast</title>
</head>
<body>
<div id="app" role="main" aria-label="Thinkfast chat"></div>
<script nonce="${nonce}" src="${asset('dist', 'webview.js')}"></script>
</body>
</html>`;
}

function joinUri(base: vscode.Uri, ...parts: string[]): vscode.Uri {
  return base.with({ path: [base.path.replace(/\/$/, ''), ...parts].join('/') });
}

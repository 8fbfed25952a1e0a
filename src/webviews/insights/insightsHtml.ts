import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** The built webview files (esbuild's `insights` target); the panel may load nothing else. */
export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

/** The page: no inline script or style, scripts only by nonce, nothing from the network. Data arrives by message. */
export function insightsHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(18).toString('base64');
  const root = webviewRoot(extensionUri);
  const script = webview.asWebviewUri(vscode.Uri.joinPath(root, 'insights.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(root, 'insights.css'));
  const source = webview.cspSource;
  const csp = [
    "default-src 'none'",
    `img-src ${source} data:`,
    `style-src ${source}`,
    `font-src ${source}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>Omi Insights</title>
</head>
<body>
<main id="app" aria-busy="true"></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}

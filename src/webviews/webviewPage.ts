// The page of every Omi webview panel (no vscode import: unit-tested). It carries no Omi data and no secret: data
// arrives later by message and is rendered with textContent.

import { randomBytes } from 'node:crypto';
import * as l10n from '@vscode/l10n';

export interface WebviewPageOptions {
  /** `webview.cspSource` */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  nonce?: string;
  title: string;
  /** Shown until the script has rendered the page. */
  loadingText: string;
  /** Lets the page show `data:` images (charts drawn to images). */
  allowDataImages?: boolean;
  /** VS Code's display language (`vscode.env.language`), for `<html lang>`. */
  language?: string;
  /** The display language's strings (`vscode.l10n.bundle`), for the page's @vscode/l10n; absent in English. */
  l10nBundle?: Record<string, string>;
}

export function createNonce(): string {
  return randomBytes(18).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string, allowDataImages = false): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource}${allowDataImages ? ' data:' : ''}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
  ].join('; ');
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function webviewPage(options: WebviewPageOptions): string {
  const nonce = options.nonce ?? createNonce();
  const csp = contentSecurityPolicy(options.cspSource, nonce, options.allowDataImages);
  return `<!DOCTYPE html>
<html lang="${attribute(options.language ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attribute(options.styleUri)}">
<title>${attribute(options.title)}</title>
</head>
<body${options.l10nBundle ? ` data-l10n="${attribute(JSON.stringify(options.l10nBundle))}"` : ''}>
<main id="app" aria-busy="true"><p class="status-message" role="status">${attribute(options.loadingText)}</p></main>
<script nonce="${attribute(nonce)}" src="${attribute(options.scriptUri)}"></script>
</body>
</html>
`;
}

export function transcriptHtml(options: Omit<WebviewPageOptions, 'title' | 'loadingText'>): string {
  return webviewPage({
    ...options,
    title: l10n.t('Omi conversation'),
    loadingText: l10n.t('Loading the conversation…'),
  });
}

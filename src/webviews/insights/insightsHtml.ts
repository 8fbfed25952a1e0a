import * as vscode from 'vscode';
import { webviewPage } from '../webviewPage';

/** The built webview files (esbuild's `insights` target); the panel may load nothing else. */
export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

/** The page: no inline script or style, scripts only by nonce, nothing from the network. Data arrives by message. */
export function insightsHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const root = webviewRoot(extensionUri);
  return webviewPage({
    cspSource: webview.cspSource,
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'insights.js')).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'insights.css')).toString(),
    title: vscode.l10n.t('Omi Insights'),
    loadingText: vscode.l10n.t('Loading insights…'),
    allowDataImages: true,
    language: vscode.env.language,
    l10nBundle: vscode.l10n.bundle,
  });
}

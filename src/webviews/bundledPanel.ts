import * as vscode from 'vscode';
import { webviewPage } from './webviewPage';

/** The pages built into dist/webview by esbuild.mjs (a script and its stylesheet each). */
export type WebviewBundle = 'ask' | 'dailySummary';

/** Scripts on, find on, and the built pages' folder as the only files the webview may load. */
export function bundledPanelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
  };
}

/** A built page in the one page template (strict CSP, no Omi data until it is posted), in the user's language. */
export function bundledPanelHtml(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  bundle: WebviewBundle,
  text: { title: string; loading: string },
): string {
  const asset = (name: string) =>
    webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', name)).toString();
  return webviewPage({
    cspSource: webview.cspSource,
    scriptUri: asset(`${bundle}.js`),
    styleUri: asset(`${bundle}.css`),
    title: text.title,
    loadingText: text.loading,
    language: vscode.env.language,
    l10nBundle: vscode.l10n.bundle,
  });
}

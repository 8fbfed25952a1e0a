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

/**
 * What the Ask and Daily Summary panels share: the page's messages come in through `receive`, the whole state goes
 * out as one `{ type: 'state', state }` message, and closing the tab disposes the panel once.
 */
export abstract class BundledPanel<State> implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[];
  private readonly closed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.closed.event;

  constructor(readonly panel: vscode.WebviewPanel) {
    this.subscriptions = [
      panel.webview.onDidReceiveMessage((message) => this.receive(message)),
      panel.onDidDispose(() => this.dispose()),
    ];
  }

  /** What the panel shows now (the integration tests read it). */
  abstract get state(): State;

  /** Handles a message as the webview sends it (also called by the tests). */
  abstract receive(raw: unknown): void;

  /** Ends with the panel: a subscription that posts the state when what it shows changes. */
  protected disposeWithPanel(disposable: vscode.Disposable): void {
    this.subscriptions.push(disposable);
  }

  protected post(): void {
    void this.panel.webview.postMessage({ type: 'state', state: this.state });
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.closed.fire();
    this.closed.dispose();
    this.panel.dispose();
  }
}

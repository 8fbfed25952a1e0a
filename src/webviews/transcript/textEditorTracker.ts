import * as vscode from 'vscode';

/**
 * The text editor the user worked in last. While a webview has focus VS Code reports no active text editor, so
 * "Insert summary into editor" from the transcript panel needs this to find its target.
 */
export class TextEditorTracker implements vscode.Disposable {
  private last: vscode.TextEditor | undefined = vscode.window.activeTextEditor;
  private readonly subscription = vscode.window.onDidChangeActiveTextEditor((editor) => {
    if (editor) this.last = editor;
  });

  /** The active text editor, else the last one if still visible, else the only visible one. */
  get target(): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    if (active) return active;
    const visible = vscode.window.visibleTextEditors.filter((e) => e.document.uri.scheme !== 'output');
    // Editor objects are replaced when an editor is hidden and shown again: match by document and column.
    const last = this.last;
    const again = last && visible.find((e) => e.document === last.document && e.viewColumn === last.viewColumn);
    if (again) return again;
    return visible.length === 1 ? visible[0] : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

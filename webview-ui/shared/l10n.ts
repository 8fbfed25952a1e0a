// Configures @vscode/l10n for a webview page, from the bundle the extension puts on <body data-l10n> (the display
// language's strings; absent in English, where the source strings are used). Each page's main.ts imports this before
// anything renders; the modules then call `l10n.t(…)` from '@vscode/l10n', the form `npm run l10n` collects.
import * as l10n from '@vscode/l10n';

const bundle = document.body.dataset.l10n;
if (bundle) {
  try {
    l10n.config({ contents: JSON.parse(bundle) });
  } catch {
    // A broken bundle leaves the page in English rather than blank.
  }
}

// Omi inside the user's notes: links back to items, hovers, completion and backlinks. Registered from here;
// extension.ts only wires.
import * as vscode from 'vscode';
import { COMMAND } from '../commandIds';
import { findItemLinks, parseItemLink } from '../markdown/itemLinks';
import type { OmiConnection } from '../store/connection';
import type { LayeredTranscriptCache } from '../store/layeredTranscriptCache';
import type { OmiStore } from '../store/omiStore';
import type { Logger } from '../util/logger';
import { afterStartup, registerCommand } from '../util/registerCommand';
import type { OmiViews } from '../views/omiViews';
import { showBacklinks } from './backlinks';
import { COMPLETION_SELECTOR, COMPLETION_TRIGGERS, type MeaningSearch, OmiCompletionProvider } from './completion';
import { OmiLinkHoverProvider } from './hovers';
import { ItemLookup } from './itemLookup';
import { OmiDocumentLinkProvider } from './links';
import { openItemLink } from './openItem';

export interface NotesDependencies {
  store: OmiStore;
  connection: OmiConnection;
  transcripts: LayeredTranscriptCache;
  views: OmiViews;
  signedIn: () => boolean;
  /** The conversation of the transcript panel in front, for Show Notes That Link Here from its title bar. */
  activeConversation: () => string | undefined;
  log: Logger;
  /** Memories ranked by meaning, for completion invoked on purpose. */
  searchByMeaning?: MeaningSearch;
}

/** Text documents wherever they live (files, untitled notes, remote and virtual workspaces); not output or logs. */
const TEXT_DOCUMENTS: vscode.DocumentSelector = [
  { scheme: 'file' },
  { scheme: 'untitled' },
  { scheme: 'vscode-remote' },
  { scheme: 'vscode-vfs' },
];

export function registerNotes(deps: NotesDependencies): { lookup: ItemLookup; disposables: vscode.Disposable[] } {
  const lookup = new ItemLookup({
    store: deps.store,
    connection: deps.connection,
    transcripts: deps.transcripts,
    signedIn: deps.signedIn,
  });
  const open = (text: unknown) => {
    const link = typeof text === 'string' ? findItemLinks(text)[0] : undefined;
    return link ? openItemLink(deps, link) : Promise.resolve(false);
  };
  return {
    lookup,
    disposables: [
      vscode.languages.registerDocumentLinkProvider(TEXT_DOCUMENTS, new OmiDocumentLinkProvider()),
      vscode.languages.registerHoverProvider(TEXT_DOCUMENTS, new OmiLinkHoverProvider(lookup)),
      vscode.languages.registerCompletionItemProvider(
        COMPLETION_SELECTOR,
        new OmiCompletionProvider(deps.store, deps.signedIn, deps.searchByMeaning),
        ...COMPLETION_TRIGGERS,
      ),
      registerCommand(COMMAND.openItemLink, open),
      registerCommand(COMMAND.showBacklinks, (argument?: unknown) => showBacklinks(argument, deps.activeConversation)),
      // The links in notes and in the checklist: vscode://omi-community.omi-vscode/openMemory?id=… and the like.
      vscode.window.registerUriHandler({
        handleUri(uri) {
          const link = parseItemLink(uri.path, uri.query);
          // A link may be what starts the extension: the item is looked up once the key has been read.
          if (link) void afterStartup().then(() => openItemLink(deps, link));
          else deps.log.warn(`Ignored a link to ${uri.path}: only links to Omi items are handled.`);
        },
      }),
    ],
  };
}

// Links from a user's notes back to Omi items: built by the inserts, read by the URI handler and the note providers
// (no vscode import: unit-tested).
//
// A link is `<scheme>://<extension id>/open<Kind>?id=…&v=…` with the editor's own URI scheme (vscode://, code-oss://
// in code-server, …), so it opens this extension from the Markdown preview, from the editor and from outside VS Code.
// `v` is a short fingerprint of what was inserted, so a hover can tell when the item has changed since.
import type { ActionItem, Conversation, Memory } from '../api/models';

/** The extension's id (package.json publisher.name), fixed by the contract. */
export const OMI_EXTENSION_ID = 'omi-community.omi-vscode';

export type LinkKind = 'memory' | 'conversation' | 'actionItem';

const LINK_PATHS: Readonly<Record<LinkKind, string>> = Object.freeze({
  memory: '/openMemory',
  conversation: '/openConversation',
  actionItem: '/openActionItem',
});

export interface ItemLink {
  kind: LinkKind;
  id: string;
  /** The fingerprint of the item as inserted, when the link carries one. */
  version?: string;
}

/** encodeURIComponent, and the characters it leaves that would end a Markdown link or be read as markup. */
function encode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);
}

/** `vscode://omi-community.omi-vscode/openMemory?id=…&v=…`, safe inside a Markdown link's parentheses. */
export function buildItemLink(uriScheme: string, extensionId: string, link: ItemLink): string {
  const version = link.version ? `&v=${encode(link.version)}` : '';
  return `${uriScheme}://${extensionId}${LINK_PATHS[link.kind]}?id=${encode(link.id)}${version}`;
}

/** The item a handled URI (its path and query) points at, or undefined when it is not an Omi item link. */
export function parseItemLink(path: string, query: string): ItemLink | undefined {
  const kind = (Object.keys(LINK_PATHS) as LinkKind[]).find((k) => LINK_PATHS[k] === path);
  if (!kind) return undefined;
  const params = new URLSearchParams(query);
  const id = params.get('id')?.trim();
  if (!id) return undefined;
  const version = params.get('v')?.trim();
  return version ? { kind, id, version } : { kind, id };
}

/** An Omi item link found in a text, with where it is (offsets in the text). */
export interface FoundLink extends ItemLink {
  start: number;
  end: number;
  text: string;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Every Omi item link in a text, whatever the URI scheme (a note written in VS Code and read in code-server still
 * links). A link ends at whitespace or at a character our links never hold unencoded: `)`, `]`, `>`, quotes.
 */
export function findItemLinks(text: string, extensionId = OMI_EXTENSION_ID): FoundLink[] {
  const paths = Object.values(LINK_PATHS)
    .map((p) => escapeRegExp(p.slice(1)))
    .join('|');
  const pattern = new RegExp(
    `\\b[a-z][a-z0-9+.-]*://${escapeRegExp(extensionId)}/(?:${paths})\\?[^\\s()<>\\[\\]"'\`]+`,
    'gi',
  );
  const found: FoundLink[] = [];
  for (const match of text.matchAll(pattern)) {
    const raw = match[0].replace(/[.,;:!?]+$/, '');
    const at = raw.indexOf('/', raw.indexOf('://') + 3);
    const question = raw.indexOf('?', at);
    const path = `/${raw.slice(at + 1, question)}`;
    const canonical = (Object.values(LINK_PATHS) as string[]).find((p) => p.toLowerCase() === path.toLowerCase());
    const link = canonical ? parseItemLink(canonical, raw.slice(question + 1)) : undefined;
    if (link) found.push({ ...link, start: match.index, end: match.index + raw.length, text: raw });
  }
  return found;
}

/** 32-bit FNV-1a, in base 36: short, stable and enough to notice a change (not to resist anyone). */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0) ?? 0;
    hash ^= code;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** What an inserted memory shows: its text and category. */
export function memoryFingerprint(memory: Pick<Memory, 'content' | 'category'>): string {
  return shortHash(`${str(memory.content)}\n${str(memory.category)}`);
}

/** What an inserted conversation shows: its title and overview. */
export function conversationFingerprint(conversation: Pick<Conversation, 'structured'>): string {
  const structured = conversation.structured ?? {};
  return shortHash(`${str(structured.title)}\n${str(structured.overview)}`);
}

/** What an inserted action item shows: its description, whether it is done, and its due date. */
function actionItemFingerprint(item: Pick<ActionItem, 'description' | 'completed' | 'due_at'>): string {
  return shortHash(`${str(item.description)}\n${item.completed === true}\n${str(item.due_at)}`);
}

export type LinkedItem =
  | { kind: 'memory'; item: Memory }
  | { kind: 'conversation'; item: Conversation }
  | { kind: 'actionItem'; item: ActionItem };

export function fingerprintOf(entry: LinkedItem): string {
  switch (entry.kind) {
    case 'memory':
      return memoryFingerprint(entry.item);
    case 'conversation':
      return conversationFingerprint(entry.item);
    case 'actionItem':
      return actionItemFingerprint(entry.item);
  }
}

/** Builds links to items as they are now (their fingerprint included), for one editor's URI scheme. */
export type LinkBuilder = (entry: LinkedItem) => string;

export function linkBuilder(uriScheme: string, extensionId = OMI_EXTENSION_ID): LinkBuilder {
  return (entry) =>
    buildItemLink(uriScheme, extensionId, { kind: entry.kind, id: entry.item.id, version: fingerprintOf(entry) });
}

/** `vscode://omi-community.omi-vscode/openConversation?id=…`, safe inside a Markdown link's parentheses. */
export function conversationLink(uriScheme: string, extensionId: string, conversationId: string): string {
  return buildItemLink(uriScheme, extensionId, { kind: 'conversation', id: conversationId });
}

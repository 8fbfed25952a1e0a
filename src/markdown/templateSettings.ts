import * as vscode from 'vscode';
import { DEFAULT_DAILY_SUMMARY_TEMPLATE } from './dailySummaryText';
import { type LinkBuilder, linkBuilder } from './itemLinks';
import { DEFAULT_TEMPLATES, LINKED_TEMPLATES, type Templates } from './itemText';

/** `omi.insert.links`: whether inserted items carry a link back to Omi. */
function insertLinksOn(scope?: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration('omi.insert', scope).get<string>('links', 'link') !== 'none';
}

/** Links for this editor's URI scheme (vscode, code-oss, …), when the setting asks for them (or `always`). */
export function readLinkBuilder(scope?: vscode.Uri, always = false): LinkBuilder | undefined {
  return always || insertLinksOn(scope) ? linkBuilder(vscode.env.uriScheme) : undefined;
}

/**
 * The `omi.insert.*Template` settings for a document. An empty setting means the default; with links on, the
 * default (as package.json declares it) becomes its linked form, which carries `{link}`.
 */
export function readTemplates(scope?: vscode.Uri): Templates {
  const config = vscode.workspace.getConfiguration('omi.insert', scope);
  const linked = insertLinksOn(scope);
  const read = (key: string, name: keyof Templates) => {
    const value = config.get<unknown>(key);
    const chosen = typeof value === 'string' && value.trim() ? value : DEFAULT_TEMPLATES[name];
    return linked && chosen === DEFAULT_TEMPLATES[name] ? LINKED_TEMPLATES[name] : chosen;
  };
  return {
    memory: read('memoryTemplate', 'memory'),
    actionItem: read('actionItemTemplate', 'actionItem'),
    conversation: read('conversationTemplate', 'conversation'),
  };
}

/** `omi.insert.dailySummaryTemplate` for a document (empty: the default daily note). */
export function readDailySummaryTemplate(scope?: vscode.Uri): string {
  const value = vscode.workspace.getConfiguration('omi.insert', scope).get<unknown>('dailySummaryTemplate');
  return typeof value === 'string' && value.trim() ? value : DEFAULT_DAILY_SUMMARY_TEMPLATE;
}

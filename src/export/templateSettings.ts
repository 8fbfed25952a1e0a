import * as vscode from 'vscode';
import { DEFAULT_DAILY_SUMMARY_TEMPLATE } from './dailySummaryText';
import { DEFAULT_TEMPLATES, type Templates } from './itemText';

/** The `omi.insert.*Template` settings for a document (an empty setting means the default). */
export function readTemplates(scope?: vscode.Uri): Templates {
  const config = vscode.workspace.getConfiguration('omi.insert', scope);
  const read = (key: string, fallback: string) => {
    const value = config.get<unknown>(key);
    return typeof value === 'string' && value.trim() ? value : fallback;
  };
  return {
    memory: read('memoryTemplate', DEFAULT_TEMPLATES.memory),
    actionItem: read('actionItemTemplate', DEFAULT_TEMPLATES.actionItem),
    conversation: read('conversationTemplate', DEFAULT_TEMPLATES.conversation),
  };
}

/** `omi.insert.dailySummaryTemplate` for a document (empty: the default daily note). */
export function readDailySummaryTemplate(scope?: vscode.Uri): string {
  const value = vscode.workspace.getConfiguration('omi.insert', scope).get<unknown>('dailySummaryTemplate');
  return typeof value === 'string' && value.trim() ? value : DEFAULT_DAILY_SUMMARY_TEMPLATE;
}

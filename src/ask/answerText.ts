// An answer as text for the clipboard or a note (no vscode import: unit-tested).
import * as l10n from '@vscode/l10n';
import type { AskAnswer } from '../api/models';

/**
 * The question, the answer and the conversations it drew on. In Markdown the question is a heading and sources a
 * list; in plain text, lines. Omi's text is kept as it is.
 */
export function answerText(
  question: string,
  answer: AskAnswer,
  markdown: boolean,
  date: (iso: string) => string,
): string {
  const sources = answer.sources.map((source) => {
    const title = source.title?.trim() || l10n.t('Untitled conversation');
    const when = source.created_at ? ` (${date(source.created_at)})` : '';
    return `${title}${when}`;
  });
  const flatQuestion = question.replace(/\s+/g, ' ').trim();
  if (markdown) {
    const lines = [`### ${flatQuestion}`, '', answer.answer.trim()];
    if (sources.length > 0) lines.push('', l10n.t('Sources:'), ...sources.map((s) => `- ${s}`));
    return `${lines.join('\n')}\n`;
  }
  const lines = [flatQuestion, '', answer.answer.trim()];
  if (sources.length > 0) lines.push('', l10n.t('Sources:'), ...sources.map((s) => `- ${s}`));
  return `${lines.join('\n')}\n`;
}

import * as vscode from 'vscode';
import type { DailySummary } from '../api/models';
import type { SignInState } from '../auth/signInState';
import { COMMAND } from '../commandIds';
import { conversationLink } from '../markdown/itemLinks';
import { describeError } from '../util/errorMessage';
import { conversationTitle, oneLine } from '../util/text';
import { dateAndTime, describeDue, parseDate, timeOfDay } from '../util/time';
import type { OmiAsk } from './omiAsk';
import type { OmiQueries } from './omiQueries';

const CHAT_PARTICIPANT_ID = 'omi.chat';

export interface ChatDependencies {
  signIn: SignInState;
  queries: OmiQueries;
  ask: OmiAsk;
  /** For links that open a conversation: `vscode://<extension id>/openConversation?id=…`. */
  extensionId: string;
  /** Today's daily summary, when the server has one (undefined on servers without summaries). */
  todaysSummary?: () => Promise<DailySummary | undefined>;
}

/** Markdown that shows Omi's text as text: characters Markdown would act on are escaped. */
function escaped(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|<>~])/g, '\\$1');
}

/**
 * `@omi`: a question is answered by Omi's own POST /user/ask (no language model needed in VS Code), with the
 * conversations it drew on as references that open them; `/memories`, `/todo` and `/today` read the user's data.
 */
export function omiChatHandler(deps: ChatDependencies): vscode.ChatRequestHandler {
  const link = (id: string) => vscode.Uri.parse(conversationLink(vscode.env.uriScheme, deps.extensionId, id));

  return async (request, _context, stream, token) => {
    if (!deps.signIn.signedIn) {
      stream.markdown(vscode.l10n.t('Omi needs your API key first; nothing was sent.'));
      stream.button({ command: COMMAND.setApiKey, title: vscode.l10n.t('Set API Key') });
      return { metadata: { command: request.command ?? 'ask', signedIn: false } };
    }
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    try {
      switch (request.command) {
        case 'memories': {
          const query = request.prompt.trim();
          if (!query) {
            stream.markdown(vscode.l10n.t('Say what to look for, e.g. `/memories coffee`.'));
            break;
          }
          stream.progress(vscode.l10n.t('Searching your memories…'));
          const found = await deps.queries.searchMemories(query, 10, controller.signal);
          if (found.note) stream.markdown(`_${escaped(found.note)}_\n\n`);
          if (found.items.length === 0) {
            stream.markdown(vscode.l10n.t('No memory matches “{0}”.', escaped(query)));
            break;
          }
          for (const memory of found.items) {
            const score =
              typeof memory.relevance_score === 'number' ? ` (${Math.round(memory.relevance_score * 100)}%)` : '';
            stream.markdown(
              `- ${escaped(oneLine(memory.content, 300))} — _${escaped(memory.category || 'other')}_${score}\n`,
            );
          }
          break;
        }
        case 'todo': {
          stream.progress(vscode.l10n.t('Reading your action items…'));
          const items = await deps.queries.openActionItems(controller.signal);
          if (items.length === 0) {
            stream.markdown(vscode.l10n.t('Nothing open. Well done.'));
            break;
          }
          const now = new Date();
          for (const item of items.slice(0, 30)) {
            const due = parseDate(item.due_at);
            const when = due ? ` — ${describeDue(due, now).overdue ? '⚠️ ' : ''}${describeDue(due, now).text}` : '';
            stream.markdown(`- ${escaped(oneLine(item.description, 300))}${escaped(when)}\n`);
          }
          if (items.length > 30) stream.markdown(vscode.l10n.t('… and {0} more.', items.length - 30));
          stream.button({ command: 'workbench.view.extension.omi', title: vscode.l10n.t('Show in the Omi view') });
          break;
        }
        case 'today': {
          stream.progress(vscode.l10n.t('Reading today’s conversations…'));
          // A server without daily summaries (or none yet today) leaves just the conversations.
          const summary = await deps.todaysSummary?.().catch(() => undefined);
          if (summary) {
            const headline = [oneLine(summary.day_emoji, 8), oneLine(summary.headline, 300)].filter(Boolean).join(' ');
            stream.markdown(`**${escaped(headline || vscode.l10n.t('Today'))}**

`);
            if (summary.overview)
              stream.markdown(`${escaped(oneLine(summary.overview, 1000))}

`);
            stream.button({
              command: COMMAND.openDailySummary,
              arguments: [summary.id],
              title: vscode.l10n.t('Open today’s summary'),
            });
          }
          const conversations = await deps.queries.todaysConversations(controller.signal);
          if (conversations.length === 0) {
            stream.markdown(vscode.l10n.t('No conversations today yet.'));
            break;
          }
          for (const conversation of conversations) {
            const started = parseDate(conversation.started_at ?? conversation.created_at);
            const overview = oneLine(conversation.structured?.overview, 300);
            stream.markdown(
              `- **${escaped(conversationTitle(conversation))}**${started ? ` (${escaped(timeOfDay(started))})` : ''}${overview ? `: ${escaped(overview)}` : ''}\n`,
            );
            stream.reference(link(conversation.id));
          }
          break;
        }
        default: {
          const question = request.prompt.trim();
          if (!question) {
            stream.markdown(vscode.l10n.t('Ask about your conversations, e.g. “What did I promise Sam last week?”'));
            break;
          }
          stream.progress(vscode.l10n.t('Asking Omi…'));
          const entry = await deps.ask.ask(question, controller.signal);
          if (entry.status === 'failed' || !entry.answer) {
            stream.markdown(escaped(describeError(entry.error).message));
            break;
          }
          // Omi answers in one piece; it is passed on a paragraph at a time.
          for (const paragraph of entry.answer.answer.split(/\n{2,}/)) stream.markdown(`${escaped(paragraph)}\n\n`);
          for (const source of entry.answer.sources) {
            const created = parseDate(source.created_at);
            stream.anchor(
              link(source.id),
              `${source.title?.trim() || vscode.l10n.t('Untitled conversation')}${created ? ` (${dateAndTime(created)})` : ''}`,
            );
            stream.markdown('\n');
            stream.reference(link(source.id));
          }
          const budget = deps.ask.describeBudget();
          if (budget) stream.markdown(`\n_${escaped(budget)}_`);
        }
      }
    } catch (error) {
      stream.markdown(escaped(describeError(error).message));
    } finally {
      subscription.dispose();
    }
    return { metadata: { command: request.command ?? 'ask' } };
  };
}

export function registerChatParticipant(deps: ChatDependencies & { extensionUri: vscode.Uri }): vscode.Disposable {
  const handler = omiChatHandler(deps);
  // A question that activated the extension waits for start-up to read the key.
  const participant = vscode.chat.createChatParticipant(CHAT_PARTICIPANT_ID, async (...request) => {
    await deps.signIn.whenLoaded();
    return handler(...request);
  });
  participant.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'icon.png');
  return participant;
}

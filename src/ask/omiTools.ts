import * as vscode from 'vscode';
import type { SignInState } from '../auth/signInState';
import { describeError } from '../util/errorMessage';
import { actionItemLine, conversationDetail, conversationLine, memoryLine, withinBudget } from './compactText';
import type { OmiAsk } from './omiAsk';
import type { OmiQueries } from './omiQueries';

/** Turns the language model tools on or off (user setting, read when it changes). */
const TOOLS_SETTING = 'omi.languageModelTools.enabled';

interface SearchMemoriesInput {
  query: string;
  limit?: number;
}
interface ListActionItemsInput {
  status?: 'open' | 'done' | 'all';
  limit?: number;
}
interface SearchConversationsInput {
  text?: string;
  startDate?: string;
  endDate?: string;
  category?: string;
  limit?: number;
}
interface GetConversationInput {
  id: string;
  includeTranscript?: boolean;
}
interface AskInput {
  question: string;
}

export interface ToolDependencies {
  signIn: SignInState;
  queries: OmiQueries;
  ask: OmiAsk;
}

const result = (text: string) => new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);
const clamp = (value: number | undefined, fallback: number, max: number) =>
  Math.max(1, Math.min(max, Math.trunc(Number.isFinite(value) ? (value as number) : fallback)));

/**
 * A read-only tool over the user's Omi data: nothing is sent before sign-in, and a failure becomes the sentence the
 * user would read, so the model can say it instead of guessing.
 */
function tool<T>(
  deps: ToolDependencies,
  invocationMessage: (input: T) => string,
  run: (input: T, signal: AbortSignal) => Promise<string>,
): vscode.LanguageModelTool<T> {
  return {
    prepareInvocation: (options) => ({ invocationMessage: invocationMessage(options.input) }),
    invoke: async (options, token) => {
      await deps.signIn.whenLoaded();
      if (!deps.signIn.signedIn) {
        return result(
          vscode.l10n.t(
            'The user is not signed in to Omi. Ask them to run "Omi: Set API Key" first; nothing was sent.',
          ),
        );
      }
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      try {
        return result(await run(options.input, controller.signal));
      } catch (error) {
        return result(vscode.l10n.t('Omi could not answer: {0}', describeError(error).message));
      } finally {
        subscription.dispose();
      }
    },
  };
}

/** The Omi tools, registered with vscode.lm and declared in package.json (contributes.languageModelTools). */
function createOmiTools(deps: ToolDependencies): [string, vscode.LanguageModelTool<never>][] {
  const { queries, ask } = deps;
  const tools: [string, vscode.LanguageModelTool<never>][] = [
    [
      'omi_searchMemories',
      tool<SearchMemoriesInput>(
        deps,
        (input) => vscode.l10n.t('Searching your Omi memories for “{0}”', input.query ?? ''),
        async (input, signal) => {
          const found = await queries.searchMemories(String(input.query ?? ''), clamp(input.limit, 10, 50), signal);
          if (found.items.length === 0) return vscode.l10n.t('No memory matches “{0}”.', input.query);
          return [found.note, withinBudget(found.items.map(memoryLine))].filter(Boolean).join('\n');
        },
      ) as vscode.LanguageModelTool<never>,
    ],
    [
      'omi_listActionItems',
      tool<ListActionItemsInput>(
        deps,
        () => vscode.l10n.t('Reading your Omi action items'),
        async (input, signal) => {
          const status = input.status ?? 'open';
          const limit = clamp(input.limit, 25, 200);
          const items =
            status === 'open'
              ? await queries.openActionItems(signal)
              : (await queries.allActionItems(signal)).filter((item) => status === 'all' || item.completed);
          if (items.length === 0) return vscode.l10n.t('No {0} action items.', status === 'all' ? '' : status);
          return withinBudget(items.slice(0, limit).map(actionItemLine));
        },
      ) as vscode.LanguageModelTool<never>,
    ],
    [
      'omi_searchConversations',
      tool<SearchConversationsInput>(
        deps,
        (input) =>
          input.text
            ? vscode.l10n.t('Searching your Omi conversations for “{0}”', input.text)
            : vscode.l10n.t('Listing your Omi conversations'),
        async (input, signal) => {
          const found = await queries.searchConversations(
            {
              text: input.text,
              startDate: validDate(input.startDate),
              endDate: validDate(input.endDate),
              category: input.category,
              limit: clamp(input.limit, 10, 50),
            },
            signal,
          );
          if (found.length === 0) return vscode.l10n.t('No conversation matches.');
          return withinBudget(found.map(conversationLine));
        },
      ) as vscode.LanguageModelTool<never>,
    ],
    [
      'omi_getConversation',
      tool<GetConversationInput>(
        deps,
        () => vscode.l10n.t('Reading an Omi conversation'),
        async (input, signal) =>
          conversationDetail(
            await queries.conversation(String(input.id ?? ''), input.includeTranscript === true, signal),
          ),
      ) as vscode.LanguageModelTool<never>,
    ],
    [
      'omi_ask',
      tool<AskInput>(
        deps,
        (input) => vscode.l10n.t('Asking Omi: {0}', input.question ?? ''),
        async (input) => {
          const entry = await ask.ask(String(input.question ?? ''));
          if (entry.status === 'failed' || !entry.answer) {
            return vscode.l10n.t('Omi could not answer: {0}', describeError(entry.error).message);
          }
          const sources = entry.answer.sources.map(
            (source) => `- [conversation ${source.id}] ${source.title ?? ''} ${source.created_at?.slice(0, 10) ?? ''}`,
          );
          return [entry.answer.answer, ...(sources.length > 0 ? ['Sources:', ...sources] : [])].join('\n');
        },
      ) as vscode.LanguageModelTool<never>,
    ],
  ];
  return tools;
}

function validDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** Registers the tools while the setting allows them; unregisters them when the user turns them off. */
export function registerOmiTools(deps: ToolDependencies): vscode.Disposable {
  let registered: vscode.Disposable[] = [];
  const apply = () => {
    for (const d of registered) d.dispose();
    registered = [];
    if (!vscode.workspace.getConfiguration().get<boolean>(TOOLS_SETTING, true)) return;
    registered = createOmiTools(deps).map(([name, implementation]) => vscode.lm.registerTool(name, implementation));
  };
  apply();
  const subscription = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(TOOLS_SETTING)) apply();
  });
  return {
    dispose: () => {
      subscription.dispose();
      for (const d of registered) d.dispose();
    },
  };
}

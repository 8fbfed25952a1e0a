import * as vscode from 'vscode';
import { isOmiApiError } from '../api/errors';
import type { AskAnswer } from '../api/models';
import type { SignInState } from '../auth/signInState';
import type { OmiConnection } from '../store/connection';
import type { Logger } from '../util/logger';
import { ASKS_PER_HOUR, type AskBudgetState, FEW_LEFT, recordAsk, recordRateLimit, remaining } from './askBudget';

export interface AskEntry {
  question: string;
  askedAt: Date;
  status: 'asking' | 'answered' | 'failed';
  answer?: AskAnswer;
  error?: unknown;
}

const BUDGET_KEY = 'omi.askBudget';

/** The user's own IANA time zone, so "today" and "last week" are their days. */
function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * Questions to Omi (POST /user/ask) and their answers, for this window's session, newest first; and how many
 * questions the hour still allows, counted across windows (globalState), since the server says so only once it
 * refuses.
 */
export class OmiAsk implements vscode.Disposable {
  private list: AskEntry[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly connection: OmiConnection,
    private readonly signIn: SignInState,
    private readonly memento: vscode.Memento,
    private readonly log: Logger,
  ) {
    // Another key is another person's data: their questions are not shown to the next one.
    this.subscription = signIn.onDidChange(() => {
      this.list = [];
      this.changed.fire();
    });
  }

  get entries(): readonly AskEntry[] {
    return this.list;
  }

  /** Asks Omi; the entry shows at once as "asking" and then holds the answer or the error. Never rejects. */
  async ask(question: string, signal?: AbortSignal): Promise<AskEntry> {
    const entry: AskEntry = { question: question.trim(), askedAt: new Date(), status: 'asking' };
    this.list = [entry, ...this.list.filter((e) => e !== entry)];
    this.changed.fire();
    try {
      const answer = await this.connection.client.ask(entry.question, { timezone: localTimeZone(), signal });
      entry.answer = answer;
      entry.status = 'answered';
      await this.saveBudget(recordAsk(this.budgetState(), Date.now()));
      this.log.info(`Omi answered a question with ${answer.sources.length} sources.`);
    } catch (error) {
      entry.error = error;
      entry.status = 'failed';
      if (isOmiApiError(error) && error.kind === 'rateLimited' && error.retryAfterMs !== undefined) {
        await this.saveBudget(recordRateLimit(this.budgetState(), Date.now(), error.retryAfterMs));
      }
      this.log.warn(`Omi could not answer a question: ${isOmiApiError(error) ? error.message : String(error)}`);
    }
    this.changed.fire();
    return entry;
  }

  /** Asks the same question again, in place of the failed entry. */
  retry(entry: AskEntry): Promise<AskEntry> {
    this.list = this.list.filter((e) => e !== entry);
    return this.ask(entry.question);
  }

  /** "3 of 25 questions left this hour", or "No questions left until 14:05", when few are left; else undefined. */
  describeBudget(now = Date.now()): string | undefined {
    if (!this.signIn.signedIn) return undefined;
    const { left, freeAt } = remaining(this.budgetState(), now);
    if (left > FEW_LEFT) return undefined;
    if (left === 0 && freeAt !== undefined) {
      const time = new Date(freeAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
      return vscode.l10n.t('Omi answers {0} questions an hour: the next one can be asked at {1}.', ASKS_PER_HOUR, time);
    }
    return left === 1
      ? vscode.l10n.t('1 of {0} questions left this hour.', ASKS_PER_HOUR)
      : vscode.l10n.t('{0} of {1} questions left this hour.', left, ASKS_PER_HOUR);
  }

  // Omi counts per key: the count is kept per account (a hash, never the key).
  private budgetKey(): string {
    return `${BUDGET_KEY}:${this.connection.accountId ?? ''}`;
  }

  private budgetState(): AskBudgetState {
    return this.memento.get<AskBudgetState>(this.budgetKey(), { askedAt: [] });
  }

  private async saveBudget(state: AskBudgetState): Promise<void> {
    await this.memento.update(this.budgetKey(), state);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

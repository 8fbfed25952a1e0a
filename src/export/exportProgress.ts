import * as vscode from 'vscode';
import { formatDuration } from '../util/time';
import type { ExportProgress } from './exportRunner';

type Reporter = vscode.Progress<{ message?: string; increment?: number }>;

/**
 * The progress notification's line: "1,200 of ~? memories", and a countdown while a rate limit holds the export,
 * whether the export waits (long waits) or the client does (short ones, announced by the connection).
 */
export class ExportProgressText {
  private count = 0;
  /** Items an earlier run fetched, when this one continues it. */
  private continuedFrom: number | undefined;
  private reportedPercent = 0;
  private waitUntil = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly progress: Reporter,
    private readonly noun: string,
    private readonly estimate: number | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  update(state: ExportProgress): void {
    this.count = state.count;
    this.waitUntil = state.waitingMs ? this.now() + state.waitingMs : 0;
    this.render();
  }

  /** The export continues an earlier run that fetched `count` items: said until a new page arrives. */
  continuing(count: number): void {
    this.continuedFrom = count;
    this.update({ count });
  }

  /** The client is sitting out a short rate limit until then. */
  clientWaits(until: Date): void {
    this.waitUntil = until.getTime();
    this.render();
    this.timer ??= setInterval(() => {
      this.render();
      if (this.now() >= this.waitUntil) this.stopTimer();
    }, 1000);
  }

  dispose(): void {
    this.stopTimer();
  }

  private render(): void {
    const total = this.estimate === undefined ? '?' : this.estimate.toLocaleString();
    const count = this.count.toLocaleString();
    let message =
      this.continuedFrom !== undefined && this.count <= this.continuedFrom
        ? vscode.l10n.t('Continuing: {0} of ~{1} {2} already fetched', count, total, this.noun)
        : vscode.l10n.t('{0} of ~{1} {2}', count, total, this.noun);
    const waitMs = this.waitUntil - this.now();
    if (waitMs > 0)
      message = vscode.l10n.t(
        '{0} · rate limited, resuming in {1}',
        message,
        formatDuration(waitMs / 1000, { round: 'up' }),
      );
    let increment: number | undefined;
    if (this.estimate) {
      const percent = Math.min(100, Math.floor((this.count / this.estimate) * 100));
      increment = percent > this.reportedPercent ? percent - this.reportedPercent : undefined;
      this.reportedPercent = Math.max(this.reportedPercent, percent);
    }
    this.progress.report({ message, increment });
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

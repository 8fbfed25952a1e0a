import * as vscode from 'vscode';
import type { Goal, GoalHistoryEntry } from '../api/models';
import type { SignInState } from '../auth/signInState';
import type { OmiExtras } from '../store/omiExtras';
import { oneLine } from '../util/text';
import type { ListViewDefinition } from './listViewDefinition';
import type { ListNode } from './nodes';
import { PagedTreeProvider } from './pagedTreeProvider';

export const GOALS_VIEW_ID = 'omi.goals';

/** A goal's measure, from `metric` (newer servers) or the released-client fields; undefined for a qualitative goal. */
export interface GoalProgress {
  type: 'boolean' | 'scale' | 'numeric';
  current: number;
  target: number;
  min: number;
  max: number;
  unit: string;
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function goalProgress(goal: Goal): GoalProgress | undefined {
  const metric = goal.metric;
  // Newer servers say a goal has no measure with `metric: null`; older ones send no `metric` at all.
  if (metric === null) return undefined;
  const rawType = metric?.type ?? goal.goal_type;
  const type = rawType === 'boolean' || rawType === 'scale' || rawType === 'numeric' ? rawType : 'numeric';
  const target = num(metric?.target ?? goal.target_value, type === 'boolean' ? 1 : 10);
  return {
    type,
    current: num(metric?.current ?? goal.current_value, 0),
    target,
    min: num(metric?.min ?? goal.min_value, 0),
    max: num(metric?.max ?? goal.max_value, type === 'numeric' ? target : type === 'boolean' ? 1 : 10),
    unit: oneLine(metric?.unit ?? goal.unit ?? '', 20),
  };
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** "Done" / "Not done yet", "7 of 10", "12 of 21 km", or "No measure". */
export function progressText(goal: Goal): string {
  const progress = goalProgress(goal);
  if (!progress) return vscode.l10n.t('No measure');
  switch (progress.type) {
    case 'boolean':
      return progress.current >= progress.target ? vscode.l10n.t('Done') : vscode.l10n.t('Not done yet');
    case 'scale':
    case 'numeric':
      return progress.unit
        ? vscode.l10n.t('{0} of {1} {2}', formatValue(progress.current), formatValue(progress.target), progress.unit)
        : vscode.l10n.t('{0} of {1}', formatValue(progress.current), formatValue(progress.target));
  }
}

/** 0 to 100, how far from the start of the range to the target. */
function progressPercent(goal: Goal): number | undefined {
  const progress = goalProgress(goal);
  if (!progress) return undefined;
  const span = progress.target - progress.min;
  if (span <= 0) return progress.current >= progress.target ? 100 : 0;
  return Math.max(0, Math.min(100, Math.round(((progress.current - progress.min) / span) * 100)));
}

const BARS = '▁▂▃▄▅▆▇█';

/** The values as a one-line chart, scaled to the goal's range. */
function sparkline(values: readonly number[], min: number, max: number): string {
  const span = max - min;
  return values
    .map((value) => {
      const at = span > 0 ? (value - min) / span : value > min ? 1 : 0;
      return BARS[Math.max(0, Math.min(BARS.length - 1, Math.round(at * (BARS.length - 1))))];
    })
    .join('');
}

function goalTitle(goal: Goal): string {
  return oneLine(goal.title) || vscode.l10n.t('Untitled goal');
}

function goalTooltip(goal: Goal, history?: readonly GoalHistoryEntry[]): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(goalTitle(goal));
  const outcome = goal.desired_outcome?.trim();
  if (outcome && outcome !== goal.title) tooltip.appendMarkdown('\n\n').appendText(outcome);
  if (goal.why_it_matters?.trim()) tooltip.appendMarkdown('\n\n').appendText(goal.why_it_matters.trim());
  const percent = progressPercent(goal);
  tooltip
    .appendMarkdown('\n\n---\n\n')
    .appendText(percent === undefined ? progressText(goal) : `${progressText(goal)} · ${percent}%`);
  if (history) {
    const progress = goalProgress(goal);
    tooltip.appendMarkdown('\n\n');
    if (history.length === 0 || !progress) {
      tooltip.appendText(vscode.l10n.t('No progress recorded in the last 30 days.'));
    } else {
      const values = history.map((entry) => entry.value);
      const low = Math.min(progress.min, ...values);
      const high = Math.max(progress.max, progress.target, ...values);
      tooltip.appendText(vscode.l10n.t('Last 30 days: {0}', sparkline(values, low, high)));
      const recent = history.slice(-5).reverse();
      for (const entry of recent) {
        tooltip
          .appendMarkdown('\n\n')
          .appendText(`${entry.date}: ${formatValue(entry.value)}${progress.unit ? ` ${progress.unit}` : ''}`);
      }
    }
  }
  return tooltip;
}

function goalsDefinition(extras: OmiExtras): ListViewDefinition<Goal> {
  return {
    viewId: GOALS_VIEW_ID,
    get noun() {
      return vscode.l10n.t('goals');
    },
    get title() {
      return vscode.l10n.t('Goals');
    },
    get emptyHint() {
      return vscode.l10n.t('Set goals in the Omi app, or add one here.');
    },
    get unavailableText() {
      return vscode.l10n.t('Goals are not available on this server.');
    },
    idOf: (goal) => goal.id,
    searchText: (goal) => `${goal.title} ${goal.desired_outcome ?? ''}`,
    groupOf: (goal) =>
      goal.is_active === false
        ? { key: 'inactive', label: vscode.l10n.t('Achieved and set aside'), icon: new vscode.ThemeIcon('archive') }
        : { key: 'active', label: vscode.l10n.t('Active'), icon: new vscode.ThemeIcon('target') },
    compareGroups: (a, b) => (a.key === b.key ? 0 : a.key === 'active' ? -1 : 1),
    initiallyExpanded: (key) => key === 'active',
    tooltip: (goal) => goalTooltip(goal),
    resolveTooltip: async (goal) => goalTooltip(goal, await extras.goalHistory(goal.id)),
    toTreeItem: (goal) => {
      const item = new vscode.TreeItem(goalTitle(goal), vscode.TreeItemCollapsibleState.None);
      const percent = progressPercent(goal);
      const progress = progressText(goal);
      item.description =
        percent === undefined || goalProgress(goal)?.type === 'boolean' ? progress : `${progress} · ${percent}%`;
      const done = percent === 100 || goal.status === 'achieved';
      item.iconPath = new vscode.ThemeIcon(
        done ? 'pass-filled' : goal.status === 'focused' ? 'target' : 'circle-large-outline',
        done ? new vscode.ThemeColor('charts.green') : undefined,
      );
      item.contextValue = goalProgress(goal) ? 'omi.goal.measured' : 'omi.goal';
      item.accessibilityInformation = { label: vscode.l10n.t('Goal: {0}, {1}', goalTitle(goal), progress) };
      return item;
    },
  };
}

/**
 * The Goals view (hidden until the user shows it from the Omi container's menu): each goal with its progress, its
 * history on hover. Goals are fetched when the view is first shown, all in one request.
 */
export class GoalsView implements vscode.Disposable {
  readonly provider: PagedTreeProvider<Goal>;
  readonly treeView: vscode.TreeView<ListNode<Goal>>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extras: OmiExtras,
    private readonly signIn: SignInState,
  ) {
    this.provider = new PagedTreeProvider(goalsDefinition(extras));
    this.treeView = vscode.window.createTreeView(GOALS_VIEW_ID, {
      treeDataProvider: this.provider,
      showCollapseAll: false,
    });
    this.provider.bind(this.treeView);
    this.disposables.push(
      this.treeView,
      this.provider,
      extras.onDidReplace((what) => {
        if (what === 'goals') this.show();
      }),
      signIn.onDidChangeAccess(() => this.provider.setWritable(signIn.mayWrite('goals'))),
    );
    this.show();
  }

  /** Shows the current goals list while signed in (nothing otherwise: the view's welcome content). */
  show(): void {
    this.provider.setList(this.signIn.signedIn ? this.extras.goals() : undefined);
  }

  async refresh(): Promise<void> {
    if (!this.signIn.signedIn) return;
    await this.extras.goals().refresh();
  }

  retry(): Promise<void> {
    return this.provider.retry();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

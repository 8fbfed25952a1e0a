import * as vscode from 'vscode';
import { TEXT_LIMITS } from '../api/client';
import type { Goal, GoalType } from '../api/models';
import type { SignInState } from '../auth/signInState';
import { COMMAND } from '../commandIds';
import type { OmiStore } from '../store/omiStore';
import type { OmiWrites } from '../store/omiWrites';
import { registerCommand } from '../util/registerCommand';
import { askToSignIn } from '../util/showFailure';
import { type GoalProgress, goalProgress, progressText } from '../views/goalsView';
import { confirmDelete, quoted, reportingRefusal, textProblem } from './writeSupport';

export interface GoalCommandDependencies {
  store: OmiStore;
  signIn: SignInState;
  writes: OmiWrites;
}

/** The goal a command was run on: a Goals view row, a goal or its id, or, from the palette, the user's pick. */
async function goalOf(deps: GoalCommandDependencies, argument: unknown, title: string): Promise<Goal | undefined> {
  const goals = deps.store.extras.goals();
  const node = argument as { kind?: unknown; item?: unknown } | undefined;
  const given = node?.kind === 'item' ? node.item : argument;
  if (typeof given === 'string') return goals.find(given);
  if (typeof given === 'object' && given !== null && typeof (given as Goal).id === 'string') {
    return goals.find((given as Goal).id) ?? (given as Goal);
  }
  if (!goals.started) await goals.loadMore();
  if (goals.items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no goals to pick from.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    goals.items.map((goal) => ({ label: goal.title, description: progressText(goal), goal })),
    { title, matchOnDescription: true },
  );
  return picked?.goal;
}

function parseNumber(text: string | undefined): number | undefined {
  if (text === undefined || !text.trim()) return undefined;
  const value = Number(text.trim().replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}

/** The new value for a goal: Done / Not done for a yes-or-no goal, a number in range otherwise. */
async function askValue(goal: Goal, progress: GoalProgress): Promise<number | undefined> {
  const title = vscode.l10n.t('Update progress: {0}', goal.title);
  if (progress.type === 'boolean') {
    const picked = await vscode.window.showQuickPick(
      [
        { label: `$(pass) ${vscode.l10n.t('Done')}`, value: progress.target },
        { label: `$(circle-large-outline) ${vscode.l10n.t('Not done yet')}`, value: progress.min },
      ],
      { title },
    );
    return picked?.value;
  }
  const low = progress.min;
  const high = progress.type === 'scale' ? progress.max : Number.POSITIVE_INFINITY;
  const typed = await vscode.window.showInputBox({
    title,
    value: String(progress.current),
    prompt:
      progress.type === 'scale'
        ? vscode.l10n.t('A value from {0} to {1}', low, high)
        : progress.unit
          ? vscode.l10n.t('How far you are, in {0} (target {1})', progress.unit, progress.target)
          : vscode.l10n.t('How far you are (target {0})', progress.target),
    validateInput: (text) => {
      const value = parseNumber(text);
      if (value === undefined) return vscode.l10n.t('Type a number.');
      if (value < low || value > high) {
        return progress.type === 'scale'
          ? vscode.l10n.t('Type a value from {0} to {1}.', low, high)
          : vscode.l10n.t('Type a value of {0} or more.', low);
      }
      return undefined;
    },
  });
  return parseNumber(typed);
}

async function updateProgress(deps: GoalCommandDependencies, argument: unknown): Promise<boolean> {
  if (!deps.signIn.signedIn) return askToSignIn() ?? false;
  const goal = await goalOf(deps, argument, vscode.l10n.t('Omi: Update Goal Progress'));
  if (!goal) return false;
  const progress = goalProgress(goal);
  if (!progress) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('{0} has no measure to update; change it in the Omi app.', quoted(goal.title)),
    );
    return false;
  }
  const value = await askValue(goal, progress);
  if (value === undefined) return false;
  return reportingRefusal(
    vscode.l10n.t('The progress of {0} was not changed.', quoted(goal.title)),
    () => deps.writes.updateGoalProgress(goal, value),
    () => updateProgress(deps, goal),
  );
}

async function createGoal(deps: GoalCommandDependencies): Promise<boolean> {
  if (!deps.signIn.signedIn) return askToSignIn() ?? false;
  const heading = vscode.l10n.t('Omi: Add Goal');
  const title = await vscode.window.showInputBox({
    title: heading,
    prompt: vscode.l10n.t('What is the goal?'),
    validateInput: textProblem(vscode.l10n.t('Type the goal.'), TEXT_LIMITS.goalTitle),
  });
  if (!title?.trim()) return false;
  const kinds: (vscode.QuickPickItem & { type?: GoalType })[] = [
    { label: `$(symbol-number) ${vscode.l10n.t('A number to reach')}`, type: 'numeric' },
    { label: `$(pass) ${vscode.l10n.t('Yes or no')}`, type: 'boolean' },
    { label: `$(dashboard) ${vscode.l10n.t('A scale from 0 to 10')}`, type: 'scale' },
    { label: `$(lightbulb) ${vscode.l10n.t('No measure')}` },
  ];
  const kind = await vscode.window.showQuickPick(kinds, {
    title: heading,
    placeHolder: vscode.l10n.t('How is it measured?'),
  });
  if (!kind) return false;
  let target: number | undefined;
  let unit: string | undefined;
  if (kind.type === 'numeric') {
    target = parseNumber(
      await vscode.window.showInputBox({
        title: heading,
        prompt: vscode.l10n.t('The number to reach'),
        validateInput: (text) =>
          (parseNumber(text) ?? 0) > 0 ? undefined : vscode.l10n.t('Type a number greater than 0.'),
      }),
    );
    if (target === undefined) return false;
    const typedUnit = await vscode.window.showInputBox({
      title: heading,
      prompt: vscode.l10n.t('Its unit, such as km or pages (optional)'),
    });
    if (typedUnit === undefined) return false;
    unit = typedUnit.trim() || undefined;
  }
  const input = kind.type
    ? {
        title: title.trim(),
        goal_type: kind.type,
        target_value: target ?? (kind.type === 'boolean' ? 1 : 10),
        current_value: 0,
        ...(unit ? { unit } : {}),
      }
    : { title: title.trim() };
  return reportingRefusal(
    vscode.l10n.t('The goal {0} was not added.', quoted(title)),
    () => deps.writes.createGoal(input),
    () => createGoal(deps),
  );
}

async function deleteGoal(deps: GoalCommandDependencies, argument: unknown): Promise<boolean> {
  if (!deps.signIn.signedIn) return askToSignIn() ?? false;
  const goal = await goalOf(deps, argument, vscode.l10n.t('Omi: Delete Goal'));
  if (!goal || !(await confirmDelete(quoted(goal.title)))) return false;
  return reportingRefusal(
    vscode.l10n.t('The goal {0} was not deleted.', quoted(goal.title)),
    () => deps.writes.deleteGoal(goal),
    () => deleteGoal(deps, goal),
  );
}

/** Update Goal Progress…, Add Goal…, Delete Goal: each resolves to whether Omi made the change. */
export function registerGoalCommands(deps: GoalCommandDependencies): vscode.Disposable[] {
  return [
    registerCommand(COMMAND.updateGoalProgress, (argument?: unknown) => updateProgress(deps, argument)),
    registerCommand(COMMAND.createGoal, () => createGoal(deps)),
    registerCommand(COMMAND.deleteGoal, (argument?: unknown) => deleteGoal(deps, argument)),
  ];
}

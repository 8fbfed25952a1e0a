// Answers the extension's input boxes and quick picks in tests, in order, as a person would type or pick.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

type Pickable = vscode.QuickPickItem & Record<string, unknown>;

/** An answer: text for an input box; for a quick pick, which item to take (undefined cancels). */
export type PromptAnswer = { input: string | undefined } | { pick: (item: Pickable) => boolean } | { cancel: true };

type WindowFunctions = Record<string, (...args: unknown[]) => unknown>;

/**
 * Replaces showInputBox and showQuickPick while `run` runs (the extension and the tests share one vscode API
 * object), answering each with the next answer; fails if the extension asks more or fewer questions than expected.
 */
export async function withPrompts<T>(answers: PromptAnswer[], run: () => Thenable<T> | Promise<T>): Promise<T> {
  const window = vscode.window as unknown as WindowFunctions;
  const original = { input: window.showInputBox!, pick: window.showQuickPick! };
  const queue = [...answers];
  const asked: string[] = [];
  const next = (kind: string) => {
    asked.push(kind);
    const answer = queue.shift();
    assert.ok(answer, `an answer for question ${asked.length} (${kind})`);
    return answer;
  };
  window.showInputBox = async (options: unknown) => {
    const answer = next('input box');
    if ('cancel' in answer) return undefined;
    assert.ok('input' in answer, `question ${asked.length} is an input box`);
    const validate = (options as vscode.InputBoxOptions | undefined)?.validateInput;
    if (answer.input !== undefined && validate) {
      const problem = await validate(answer.input);
      assert.ok(!problem, `the typed answer is accepted: ${String(problem)}`);
    }
    return answer.input;
  };
  window.showQuickPick = async (items: unknown) => {
    const answer = next('quick pick');
    if ('cancel' in answer) return undefined;
    assert.ok('pick' in answer, `question ${asked.length} is a quick pick`);
    const list = (await items) as Pickable[];
    const chosen = list.find(answer.pick);
    assert.ok(chosen, `an item to pick among: ${list.map((i) => i.label).join(' | ')}`);
    return chosen;
  };
  try {
    const result = await run();
    assert.equal(queue.length, 0, `every answer was used (asked: ${asked.join(', ')})`);
    return result;
  } finally {
    window.showInputBox = original.input;
    window.showQuickPick = original.pick;
  }
}

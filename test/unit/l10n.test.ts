// Every user-facing string goes through localization: the manifest through package.nls.json, the code through
// vscode.l10n / @vscode/l10n, collected into l10n/bundle.l10n.json by `npm run l10n`.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import type { Conversation } from '../../src/api/models';
import { apiKeyFormatProblem } from '../../src/auth/apiKeyFormat';
import { describeFilter } from '../../src/store/filters';
import { conversationFacts } from '../../src/transcript/conversationView';
import { presetLabel } from '../../src/util/dateRange';
import { describeError } from '../../src/util/errorMessage';

const ROOT = path.resolve(__dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** The palette titles the public contract fixes (category "Omi"): users and scripts know the commands by them. */
const CONTRACT_TITLES: Record<string, string> = {
  'omi.setApiKey': 'Set API Key',
  'omi.signOut': 'Sign Out',
  'omi.refresh': 'Refresh',
  'omi.openConversation': 'Open Conversation…',
  'omi.exportMemories': 'Export Memories…',
  'omi.exportActionItems': 'Export Action Items…',
  'omi.exportConversations': 'Export Conversations…',
  'omi.exportSelection': 'Export Selection',
  'omi.insertMemory': 'Insert Memory…',
  'omi.manageKeys': 'Manage API Keys',
  'omi.showInsights': 'Show Insights',
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [relative] : [];
  });
}

describe('localization', () => {
  const manifest = JSON.parse(read('package.json'));
  const nls: Record<string, string> = JSON.parse(read('package.nls.json'));
  const manifestText = read('package.json');

  it('resolves every %placeholder% of package.json, and package.nls.json holds no unused string', () => {
    const used = [...manifestText.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
    assert.ok(used.length > 50, `package.json uses ${used.length} placeholders`);
    for (const key of used) assert.ok(key in nls, `package.nls.json lacks ${key}`);
    assert.deepEqual(
      Object.keys(nls).filter((key) => !used.includes(key)),
      [],
    );
  });

  it('keeps the contract’s command titles, in the Omi category', () => {
    const commands: { command: string; title: string; category: string }[] = manifest.contributes.commands;
    for (const [id, title] of Object.entries(CONTRACT_TITLES)) {
      const command = commands.find((c) => c.command === id);
      assert.ok(command, `${id} is contributed`);
      assert.equal(nls[command.title.replace(/%/g, '')] ?? command.title, title, id);
      assert.equal(command.category, 'Omi');
    }
    assert.equal(manifest.displayName, 'Omi');
    assert.equal(manifest.l10n, './l10n');
  });

  it('has l10n/bundle.l10n.json up to date with the sources (run `npm run l10n` after changing a string)', function () {
    this.timeout(60_000);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'omi-l10n-'));
    try {
      const bin = path.join(ROOT, 'node_modules/.bin/vscode-l10n-dev');
      const result = spawnSync(bin, ['export', '--outDir', out, 'src', 'webview-ui'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      const fresh = JSON.parse(fs.readFileSync(path.join(out, 'bundle.l10n.json'), 'utf8'));
      assert.deepEqual(JSON.parse(read('l10n/bundle.l10n.json')), fresh);
      assert.ok(Object.keys(fresh).length > 300, `${Object.keys(fresh).length} strings`);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('passes no bare string to a message, quick pick, input box, progress or tree label', () => {
    // A literal where the user reads text: "showInformationMessage('Done')", "title: 'Export'", "label: `Copy …`".
    // Product and format names stay as they are.
    const userFacing =
      /(show(?:Information|Warning|Error)Message\(\s*|\b(?:title|placeHolder|placeholder|prompt|tooltip|openLabel|saveLabel|label|description|detail|loadingText|text)\s*[:=]\s*)(['"`])([A-Za-z][^'"`]*)\2/g;
    const allowed = new Set(['JSON', 'JSON Lines', 'Markdown', 'Omi', 'VS Code']);
    const offenders: string[] = [];
    for (const file of [...sourceFiles('src'), ...sourceFiles('webview-ui')]) {
      if (file.startsWith(path.join('src', 'sandbox'))) continue; // the sandbox server, not the extension
      const text = read(file);
      for (const match of text.matchAll(userFacing)) {
        const literal = match[3]!;
        if (allowed.has(literal) || /^[a-z]+[.:]/.test(literal) || !/[a-z] |^[A-Z][a-z]/.test(literal)) continue;
        offenders.push(`${file}: ${match[0]}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('passes no bare label to a helper and chooses between no bare words', () => {
    // "add('Duration', value)" (a header fact's label) and "done ? 'Done' : 'Open'" (a tooltip's state): both reach
    // the user without passing a message, title or label property.
    const labelArgument = /(?<!l10n\.t)\(\s*(['"`])([A-Z][a-z]+(?: [a-z]+)*)\1\s*[,)]/g;
    const wordChoice = /\?\s*(['"`])([A-Z][a-z][^'"`]*)\1\s*:\s*(['"`])([A-Z][a-z][^'"`]*)\3/g;
    const allowed = new Set(['Omi']);
    const offenders: string[] = [];
    for (const file of [...sourceFiles('src'), ...sourceFiles('webview-ui')]) {
      if (file.startsWith(path.join('src', 'sandbox'))) continue;
      for (const line of read(file).split('\n')) {
        // The Log output channel is for the engineer reading a bug report: it stays in English.
        if (/^\s*(\/\/|\/?\*)|\blog\.(trace|debug|info|warn|error)\(/.test(line)) continue;
        for (const match of [...line.matchAll(labelArgument), ...line.matchAll(wordChoice)]) {
          if (!allowed.has(match[2]!)) offenders.push(`${file}: ${match[0]}`);
        }
      }
    }
    assert.deepEqual(offenders, []);
  });

  describe('in another language', () => {
    // A pseudo-translation of every string, as a translator's bundle would be loaded by activate().
    const english: Record<string, string> = JSON.parse(read('l10n/bundle.l10n.json'));
    const pseudo = Object.fromEntries(Object.entries(english).map(([key, value]) => [key, `⟦${value}⟧`]));
    before(() => l10n.config({ contents: pseudo }));
    after(() => l10n.config({ contents: {} }));

    it('translates what the modules without a vscode import say', () => {
      assert.equal(describeError(new Error('boom')).message, '⟦Something went wrong: boom⟧');
      assert.equal(presetLabel('last7'), '⟦Last 7 days⟧');
      assert.equal(describeFilter({ status: 'open', startDate: undefined, endDate: undefined }), '⟦Filtered: ⟦open⟧⟧');
      assert.match(apiKeyFormatProblem('sk-123')?.message ?? '', /^⟦.*⟧$/);
      const facts = conversationFacts({ id: 'c', language: 'en', structured: { category: 'work' } } as Conversation);
      assert.deepEqual(
        facts.map((fact) => fact.label),
        ['⟦Category⟧', '⟦Language⟧'],
        'the transcript header labels',
      );
    });
  });
});

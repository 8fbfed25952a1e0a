import { createHash } from 'node:crypto';
import * as vscode from 'vscode';

export interface CachedList<T> {
  items: T[];
  nextOffset: number;
  complete: boolean;
  savedAt: string;
}

/** At most this many items per list are kept: enough to fill the view at once, small enough to read fast. */
const MAX_ITEMS = 1000;
const FOLDER = 'lists';

/** A stable, non-reversible name for an account on a server: the key itself is never written to disk. */
export function accountId(origin: string, apiKey: string): string {
  return createHash('sha256').update(`omi-vscode:${origin}:${apiKey}`).digest('hex').slice(0, 32);
}

/**
 * The first pages of a list, kept in the extension's global storage so that reopening VS Code shows the last data
 * at once while it refreshes in the background. One file per account and filter; cleared on sign-out and by
 * "Omi: Clear Cache".
 */
export class DiskListCache {
  constructor(private readonly storage: vscode.Uri) {}

  async load<T>(account: string, listKey: string): Promise<CachedList<T> | undefined> {
    try {
      const bytes = await vscode.workspace.fs.readFile(this.fileFor(account, listKey));
      const parsed = JSON.parse(Buffer.from(bytes).toString('utf8')) as CachedList<T>;
      return Array.isArray(parsed.items) && typeof parsed.nextOffset === 'number' ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  async save<T>(account: string, listKey: string, list: Omit<CachedList<T>, 'savedAt'>): Promise<void> {
    const items = list.items.slice(0, MAX_ITEMS);
    const truncated = items.length < list.items.length;
    const entry: CachedList<T> = {
      items,
      // A truncated list resumes where the kept items end, so nothing is skipped after a restart.
      nextOffset: truncated ? Math.min(list.nextOffset, MAX_ITEMS) : list.nextOffset,
      complete: list.complete && !truncated,
      savedAt: new Date().toISOString(),
    };
    const target = this.fileFor(account, listKey);
    const temporary = target.with({ path: `${target.path}.${process.pid}.tmp` });
    try {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(this.storage, FOLDER));
      await vscode.workspace.fs.writeFile(temporary, Buffer.from(JSON.stringify(entry)));
      await vscode.workspace.fs.rename(temporary, target, { overwrite: true });
    } catch {
      // A cache that cannot be written only costs a slower start next time.
    }
  }

  async clear(): Promise<void> {
    try {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(this.storage, FOLDER), { recursive: true });
    } catch {
      // Nothing cached.
    }
  }

  private fileFor(account: string, listKey: string): vscode.Uri {
    const name = createHash('sha256').update(`${account}:${listKey}`).digest('hex').slice(0, 40);
    return vscode.Uri.joinPath(this.storage, FOLDER, `${name}.json`);
  }
}

// Items in groups whose order does not move under the user as more items arrive (no vscode import: unit-tested).

export interface Group<T> {
  key: string;
  items: T[];
}

/**
 * Groups a growing list. The first items seen decide the group order (the biggest groups first, ties by key, as the
 * Memories view sorts them); after that, rows already shown keep their places: a newcomer goes to the end of its
 * group and a new group to the end, so what is on screen only grows below what the user is looking at.
 */
export class StableGroups<T> {
  private readonly order: string[] = [];
  private readonly members = new Map<string, string[]>();
  private latest = new Map<string, T>();

  constructor(
    private readonly idOf: (item: T) => string,
    private readonly keyOf: (item: T) => string,
  ) {}

  /**
   * Takes the whole current list (not only what is new): items gone from it leave their group, items seen before
   * keep their place even when their group would now count more (unless their group changed), and every item
   * is the latest version given.
   */
  update(items: readonly T[]): Group<T>[] {
    this.latest = new Map(items.map((item) => [this.idOf(item), item]));
    const staysInGroup = (id: string, key: string) => {
      const item = this.latest.get(id);
      return item !== undefined && this.keyOf(item) === key;
    };
    for (const [key, ids] of this.members) {
      this.members.set(
        key,
        ids.filter((id) => staysInGroup(id, key)),
      );
    }
    const placed = new Set([...this.members.values()].flat());
    const firstShowing = this.order.length === 0;
    for (const item of items) {
      const id = this.idOf(item);
      if (placed.has(id)) continue;
      placed.add(id);
      const key = this.keyOf(item);
      const ids = this.members.get(key);
      if (ids) ids.push(id);
      else {
        this.members.set(key, [id]);
        this.order.push(key);
      }
    }
    if (firstShowing) {
      const size = (key: string) => this.members.get(key)?.length ?? 0;
      this.order.sort((a, b) => size(b) - size(a) || a.localeCompare(b));
    }
    return this.groups();
  }

  groups(): Group<T>[] {
    return this.order
      .map((key) => ({ key, items: (this.members.get(key) ?? []).map((id) => this.latest.get(id) as T) }))
      .filter((group) => group.items.length > 0);
  }
}

// A cache of something computed once per object (a text's view, an asset's views, a range list),
// kept on the object itself — a non-enumerable symbol property — instead of in a WeakMap. A WeakMap
// entry keeps its value alive through the young-generation collections for as long as the WeakMap
// itself lives, and the linter makes a few such objects per text: every short text's caches were
// copied into the old generation, and about a third of the CPU of linting a post went to the
// garbage collector. On the object, a cache dies with it. (A symbol: invisible to JSON and
// Object.keys. Only for the linter's own objects — never a RegExp, whose fast paths need its shape
// untouched; an object that cannot take a property falls back to a WeakMap.)
export class Attached<K extends object, V> {
  private readonly key: symbol;
  private fallback: WeakMap<K, V> | undefined;

  constructor(name: string) {
    this.key = Symbol(name);
  }

  get(k: K): V | undefined {
    const v = (k as Record<symbol, V | undefined>)[this.key];
    return v !== undefined ? v : this.fallback?.get(k);
  }

  set(k: K, v: V): this {
    if (Object.isExtensible(k)) (k as Record<symbol, V>)[this.key] = v;
    else (this.fallback ??= new WeakMap()).set(k, v);
    return this;
  }

  has(k: K): boolean {
    return this.get(k) !== undefined;
  }
}

// The linter's data files (rules/*.yaml, lexicon.yaml, claims/concepts.yaml, confusables.yaml) parsed
// once per content: the parsed value is kept as JSON in node_modules/.cache/wendu/yaml/, named by a
// hash of the YAML text, so a run whose data has not changed reads JSON (a fraction of the cost of
// the YAML parser) and an edited file is simply parsed afresh. A value JSON cannot hold exactly
// (none in these files) is never cached; a cache that cannot be read or written only costs time.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const CACHE = new URL('../../node_modules/.cache/wendu/yaml/', import.meta.url);
const require = createRequire(import.meta.url);

/** in this process: YAML text hash → JSON of its value */
const seen = new Map<string, string>();

/** true when JSON.parse(JSON.stringify(v)) is exactly `v` */
function plain(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (Array.isArray(v)) return v.every(plain);
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) return Object.entries(v as object).every(([k, x]) => k !== '__proto__' && plain(x));
  return false;
}

/** The value of YAML text `raw` (throws the YAML parser's error on a bad file, as parsing it would). */
export function parseYamlCached(raw: string): unknown {
  const key = createHash('sha256').update(raw).digest('hex').slice(0, 40);
  let json = seen.get(key);
  if (json === undefined) {
    const file = new URL(`${key}.json`, CACHE);
    try {
      json = readFileSync(file, 'utf8');
    } catch {
      // the YAML package loads only when a file has to be parsed
      const value = (require('yaml') as typeof import('yaml')).parse(raw) as unknown;
      if (!plain(value)) return value;
      json = JSON.stringify(value);
      try {
        mkdirSync(CACHE, { recursive: true });
        const tmp = new URL(`${key}.${process.pid}.tmp`, CACHE);
        writeFileSync(tmp, json);
        renameSync(tmp, file);
      } catch {
        // a read-only checkout parses each run
      }
    }
    seen.set(key, json);
  }
  return JSON.parse(json) as unknown;
}

// Tables worked out from the data and code at start-up (character tables, automata), kept the same
// way: node_modules/.cache/wendu/tables/<name>.bin holds the bytes and a JSON value beside them; the
// name carries a hash of everything they are made from, so a stale one is never read.
const TABLES = new URL('../../node_modules/.cache/wendu/tables/', import.meta.url);

/** The stored table `name` (`size` bytes, then its JSON), or undefined. A name ending in `-` (no key) is never stored. */
export function storedTable(name: string, size: number): { bytes: Uint8Array; extra: unknown } | undefined {
  // WENDU_NO_LINT_CACHE=1: work every table out afresh (neither read nor written)
  if (name.endsWith('-') || process.env.WENDU_NO_LINT_CACHE) return undefined;
  try {
    const buf = readFileSync(new URL(`${name}.bin`, TABLES));
    if (buf.length < size) return undefined;
    return { bytes: buf.subarray(0, size), extra: JSON.parse(buf.toString('utf8', size)) as unknown };
  } catch {
    return undefined;
  }
}

export function storeTable(name: string, bytes: Uint8Array, extra: unknown) {
  if (name.endsWith('-') || process.env.WENDU_NO_LINT_CACHE) return;
  try {
    mkdirSync(TABLES, { recursive: true });
    const tmp = new URL(`${name}.${process.pid}.tmp`, TABLES);
    writeFileSync(tmp, Buffer.concat([bytes, Buffer.from(JSON.stringify(extra), 'utf8')]));
    renameSync(tmp, new URL(`${name}.bin`, TABLES));
  } catch {
    // a read-only checkout works the table out each run
  }
}

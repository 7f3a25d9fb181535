// YAML validated by a schema, with every problem located at the offending key or value.
// The `yaml` library keeps source ranges on every node; zod reports issues by path; this module
// joins the two so a message reads `file:line:col: Unknown key `foo`; allowed: …`.
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';
import type { ZodType } from 'zod';
import type { Problem } from '../model.ts';
import type { SourceText } from './source.ts';

export type YamlPath = (string | number)[];

export interface YamlSource {
  source: SourceText;
  /** offset of the YAML text inside `source.text` (frontmatter starts after the opening `---`) */
  base: number;
  yaml: string;
}

export interface Parsed<T> {
  value?: T;
  doc?: Document;
  problems: Problem[];
}

/**
 * How much aliasing a YAML file may do: an anchor reused a few hundred times is ordinary (a
 * reviewer named in every waiver), an alias bomb (aliases of aliases, exponential) is refused.
 */
export const MAX_ALIAS_COUNT = 2000;

/** Plain data of a parsed document, aliases expanded within MAX_ALIAS_COUNT (throws beyond). */
export function toData(doc: Document): unknown {
  return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
}

/** Parses YAML; syntax errors and alias bombs become located problems. */
export function parseYaml(src: YamlSource): { doc?: Document; problems: Problem[] } {
  const doc = parseDocument(src.yaml, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length === 0) {
    try {
      toData(doc);
      return { doc, problems: [] };
    } catch (err) {
      const at = src.yaml.search(/(^|[\s[{,])\*[^\s,\]}]/);
      const message = `YAML aliases expand too far (${(err as Error).message}); an anchor may be reused, but aliases of aliases that multiply are refused`;
      return { problems: [src.source.problem('load/yaml-aliases', message, src.base + Math.max(0, at + 1))] };
    }
  }
  const problems = doc.errors.map((err) => {
    const first = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return src.source.problem('load/yaml', `Invalid YAML: ${first}`, src.base + err.pos[0], src.base + err.pos[1]);
  });
  return { problems };
}

/** The value at `path` in plain data, for messages. */
export function valueAt(data: unknown, path: YamlPath): unknown {
  let cur = data;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

function pairAt(doc: Document, path: YamlPath): Pair | undefined {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  if (!isMap(parent)) return undefined;
  const key = path[path.length - 1];
  return parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
}

/** Source range (in YAML offsets) of the key at `path`, or of the value when `what` is 'value'. */
export function rangeAt(doc: Document, path: YamlPath, what: 'key' | 'value'): [number, number] | undefined {
  if (path.length === 0) {
    const r = (doc.contents as Node | null)?.range;
    return r ? [r[0], r[0]] : undefined;
  }
  const node = what === 'value' ? (doc.getIn(path, true) as Node | undefined) : undefined;
  if (node && (isScalar(node) || isMap(node) || isSeq(node)) && node.range) return [node.range[0], node.range[1]];
  const pair = pairAt(doc, path);
  if (pair && isPair(pair) && isScalar(pair.key) && pair.key.range) return [pair.key.range[0], pair.key.range[1]];
  // a missing key: point at the nearest existing ancestor
  return rangeAt(doc, path.slice(0, -1), 'key');
}

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (Array.isArray(value)) return `a list (${value.length} items)`;
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string \`${value}\``;
  return `the ${typeof value} \`${String(value)}\``;
}

/** What a schema type expects, in words. */
const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys to values',
};

/**
 * Validates parsed YAML data against a zod schema and turns every issue into a located problem.
 * `label` names the thing validated ("brief frontmatter", "branches.yaml") in messages.
 */
export function validate<T>(src: YamlSource, doc: Document, schema: ZodType<T>, label: string): Parsed<T> {
  const data = toData(doc);
  const result = schema.safeParse(data);
  if (result.success) return { value: result.data, doc, problems: [] };
  const problems: Problem[] = [];
  const at = (path: YamlPath, what: 'key' | 'value', ruleId: string, message: string) => {
    const r = rangeAt(doc, path, what) ?? [0, 0];
    problems.push(src.source.problem(ruleId, message, src.base + r[0], src.base + r[1]));
  };
  for (const issue of result.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const name = path.length ? `\`${path.join('.')}\`` : label;
    const value = valueAt(data, path);
    switch (issue.code) {
      case 'unrecognized_keys': {
        const allowed = Object.keys(shapeAt(schema, path) ?? {});
        for (const key of issue.keys) {
          at([...path, key], 'key', 'load/unknown-key', `Unknown key \`${key}\` in ${label}${allowed.length ? `; allowed: ${allowed.join(', ')}` : ''}`);
        }
        break;
      }
      case 'invalid_type':
        if (value === undefined) at(path, 'key', 'load/missing-key', `Missing required key ${name} in ${label}`);
        else at(path, 'value', 'load/wrong-type', `Expected ${EXPECTED[issue.expected] ?? issue.expected} for ${name} but received ${describe(value)}`);
        break;
      case 'invalid_value':
        at(path, 'value', 'load/invalid-value', `Unknown value \`${String(value)}\` for ${name}; expected one of: ${issue.values.map(String).join(', ')}`);
        break;
      default:
        at(path, 'value', 'load/invalid-value', `${issue.message} for ${name} (received ${describe(value)})`);
    }
  }
  return { doc, problems };
}

/** The object shape the schema expects at `path`, to list allowed keys (best effort). */
function shapeAt(schema: ZodType, path: YamlPath): Record<string, unknown> | undefined {
  let cur: unknown = schema;
  for (const key of path) {
    cur = unwrap(cur);
    const def = (cur as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } }).def;
    if (def?.type === 'object' && typeof key === 'string') cur = def.shape?.[key];
    else if (def?.type === 'array') cur = def.element;
    else return undefined;
  }
  const def = (unwrap(cur) as { def?: { type?: string; shape?: Record<string, unknown> } }).def;
  return def?.type === 'object' ? def.shape : undefined;
}

function unwrap(s: unknown): unknown {
  let cur = s as { def?: { type?: string; innerType?: unknown } };
  while (cur?.def && (cur.def.type === 'optional' || cur.def.type === 'default' || cur.def.type === 'nullable')) {
    cur = cur.def.innerType as typeof cur;
  }
  return cur;
}

// The load stage: a content folder (as an in-memory tree) → typed branches, personas, briefs and
// waivers, plus a located problem for everything that did not load. One bad file never stops the
// others: each is parsed and validated on its own.
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import type { Bank, Branch, Brief, BriefFields, Content, Persona, Problem, Waiver } from '../model.ts';
import { KINDS } from '../model.ts';
import { decodedSpans, parseMarkdown } from './markdown.ts';
import { approvalsSchema, branchesSchema, briefSchema, personaSchema } from './schema.ts';
import { decode } from './source.ts';
import { parseYaml, rangeAt, validate, type YamlPath, type YamlSource } from './yaml.ts';

/** A content folder read into memory: text files by path relative to the folder, and every file's path. */
export interface ContentTree {
  /** the folder as the user named it, used to print paths (`content/weeks/…`) */
  root: string;
  files: Map<string, Uint8Array>;
  paths: Set<string>;
}

/** Hooks for checks that belong to later stages' vocabularies (mascot poses, for one). */
export interface LoadOptions {
  /** validates `mascot` in a brief; returns an error message, or undefined when fine */
  checkMascot?: (mascot: { pose: string; expression?: string }) => { field: 'pose' | 'expression'; message: string } | undefined;
}

export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

const DEFAULT_COLOURS = { ink: '#2B2B2B', paper: '#FFF8F0' };

export function loadContent(tree: ContentTree, week: string, options: LoadOptions = {}): Content {
  const problems: Problem[] = [];
  const shown = (rel: string) => posix.join(tree.root, rel);

  const { bank, branches } = loadBranches(tree, shown('branches.yaml'), problems);
  const personas = loadPersonas(tree, branches, shown, problems);
  const waivers = loadApprovals(tree, shown('approvals.yaml'), problems);

  const prefix = `weeks/${week}/`;
  const briefPaths = [...tree.files.keys()].filter((p) => p.startsWith(prefix) && p.endsWith('.md')).sort();
  const briefs: Brief[] = [];
  for (const rel of briefPaths) {
    const brief = loadBrief(tree, rel, week, branches, personas, shown(rel), problems, options);
    if (brief) briefs.push(brief);
  }
  return { root: tree.root, week, bank, branches, personas, briefs, waivers, problems };
}

/** Weeks that have briefs in the tree, newest last. */
export function weeksIn(tree: ContentTree): string[] {
  const weeks = new Set<string>();
  for (const p of tree.files.keys()) {
    const m = /^weeks\/([^/]+)\//.exec(p);
    if (m) weeks.add(m[1]!);
  }
  return [...weeks].sort();
}

function yamlFile(tree: ContentTree, rel: string, file: string, problems: Problem[]): { src: YamlSource; doc: import('yaml').Document } | undefined {
  const bytes = tree.files.get(rel);
  if (!bytes) return undefined;
  const { source, problem } = decode(file, bytes);
  if (!source) {
    problems.push(problem!);
    return undefined;
  }
  const src: YamlSource = { source, base: 0, yaml: source.text };
  const parsed = parseYaml(src);
  problems.push(...parsed.problems);
  return parsed.doc ? { src, doc: parsed.doc } : undefined;
}

function loadBranches(tree: ContentTree, file: string, problems: Problem[]): { bank: Bank; branches: Branch[] } {
  const none = { bank: { name: '', hotline: '' }, branches: [] };
  if (!tree.files.has('branches.yaml')) {
    problems.push({ file, line: 1, column: 1, severity: 'error', ruleId: 'load/missing-file', message: 'Missing branches.yaml: the content folder must list its branches' });
    return none;
  }
  const y = yamlFile(tree, 'branches.yaml', file, problems);
  if (!y) return none;
  const { value, problems: found } = validate(y.src, y.doc, branchesSchema, 'branches.yaml');
  problems.push(...found);
  if (!value) return none;
  const seen = new Set<string>();
  const branches: Branch[] = [];
  value.branches.forEach((b, i) => {
    if (seen.has(b.id)) {
      const r = rangeAt(y.doc, ['branches', i, 'id'], 'value') ?? [0, 0];
      problems.push(y.src.source.problem('load/duplicate-branch', `Duplicate branch id \`${b.id}\``, r[0], r[1]));
      return;
    }
    seen.add(b.id);
    branches.push({ ...b, colors: { ...DEFAULT_COLOURS, ...stripUndefined(b.colors) } } as Branch);
  });
  return { bank: value.bank, branches };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function loadPersonas(tree: ContentTree, branches: Branch[], shown: (rel: string) => string, problems: Problem[]): Map<string, Persona> {
  const personas = new Map<string, Persona>();
  const branchIds = new Set(branches.map((b) => b.id));
  for (const [rel, bytes] of [...tree.files].sort(([a], [b]) => a.localeCompare(b))) {
    const m = /^personas\/(?:([^/]+)\/)?([^/]+)\.md$/.exec(rel);
    if (!m) continue;
    const [, branch, name] = m;
    const file = shown(rel);
    if (branch && !branchIds.has(branch)) {
      problems.push({ file, line: 1, column: 1, severity: 'error', ruleId: 'load/unknown-branch', message: `Persona folder \`${branch}\` is not a branch in branches.yaml; known: ${[...branchIds].join(', ')}` });
      continue;
    }
    const { md, problems: found } = parseMarkdown(file, bytes);
    problems.push(...found);
    if (!md) continue;
    const { value, problems: invalid } = validate(md.yaml, md.doc, personaSchema, 'persona frontmatter');
    problems.push(...invalid);
    if (!value) continue;
    if (value.avatar) {
      const bad = checkContentPath(value.avatar, tree);
      if (bad) {
        const r = rangeAt(md.doc, ['avatar'], 'value') ?? [0, 0];
        problems.push(md.source.problem('load/bad-path', bad, md.yaml.base + r[0], md.yaml.base + r[1]));
        continue;
      }
    }
    const id = branch ? `${branch}/${name}` : name!;
    personas.set(id, { ...value, id, branch, story: md.body.trim(), file, hash: sha256(bytes) } as Persona);
  }
  return personas;
}

function loadApprovals(tree: ContentTree, file: string, problems: Problem[]): Waiver[] {
  const y = yamlFile(tree, 'approvals.yaml', file, problems);
  if (!y) return [];
  const { value, problems: found } = validate(y.src, y.doc, approvalsSchema, 'approvals.yaml');
  problems.push(...found);
  return value?.waivers ?? [];
}

/** Why a path named in content is unusable, or undefined when it names a file inside the content folder. */
export function checkContentPath(path: string, tree: ContentTree): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) {
    return `Remote or absolute URL \`${path}\` is not allowed: put the file under ${tree.root}/photos/ and give its path relative to ${tree.root}/`;
  }
  const normal = posix.normalize(path);
  if (posix.isAbsolute(path) || normal.startsWith('..')) {
    return `Path \`${path}\` leaves the content folder: give a path relative to ${tree.root}/, like photos/xihu/morning-meeting.jpg`;
  }
  if (!tree.paths.has(normal)) {
    const dir = posix.dirname(normal);
    const near = [...tree.paths].filter((p) => posix.dirname(p) === dir).sort().slice(0, 8);
    return `No file \`${path}\` in ${tree.root}/${near.length ? `; files in ${dir}/: ${near.map((p) => posix.basename(p)).join(', ')}` : ''}`;
  }
  return undefined;
}

function loadBrief(
  tree: ContentTree,
  rel: string,
  week: string,
  branches: Branch[],
  personas: Map<string, Persona>,
  file: string,
  problems: Problem[],
  options: LoadOptions,
): Brief | undefined {
  const bytes = tree.files.get(rel)!;
  const parts = rel.split('/');
  const scope = parts[2]!;
  const name = parts.slice(3).join('/').replace(/\.md$/, '');
  if (parts.length !== 4 || (scope !== '_all' && !branches.some((b) => b.id === scope))) {
    problems.push({
      file,
      line: 1,
      column: 1,
      severity: 'error',
      ruleId: 'load/unknown-branch',
      message: `Briefs belong in weeks/${week}/<branch>/ or weeks/${week}/_all/; \`${parts.slice(2, -1).join('/')}\` is not a branch (known: ${branches.map((b) => b.id).join(', ')})`,
    });
    return undefined;
  }
  const { md, problems: found } = parseMarkdown(file, bytes);
  if (!md) {
    problems.push(...found);
    return undefined;
  }
  const local: Problem[] = [];
  const locate = (path: YamlPath, ruleId: string, message: string) => {
    const r = rangeAt(md.doc, path, 'value') ?? [0, 0];
    local.push(md.source.problem(ruleId, message, md.yaml.base + r[0], md.yaml.base + r[1]));
  };

  const data = md.doc.toJS() as Record<string, unknown>;
  if (data.kind !== undefined && !(KINDS as readonly unknown[]).includes(data.kind)) {
    locate(['kind'], 'load/unknown-kind', `Unknown kind \`${String(data.kind)}\`; allowed: ${KINDS.join(', ')}`);
  }
  const { value } = validateInto(md, briefSchema(data.kind), local);

  // the persona must exist and speak for this branch (or be the shared mascot)
  if (typeof data.persona === 'string') {
    const usable = [...personas.values()].filter((p) => !p.branch || p.branch === scope).map((p) => p.id);
    const persona = personas.get(data.persona);
    if (!persona) {
      locate(['persona'], 'load/unknown-persona', `Unknown persona \`${data.persona}\`; known: ${usable.join(', ')}`);
    } else if (persona.branch && persona.branch !== scope) {
      locate(
        ['persona'],
        'load/foreign-persona',
        scope === '_all'
          ? `Persona \`${data.persona}\` belongs to branch ${persona.branch}; briefs in _all/ go to every branch and can use: ${usable.join(', ')}`
          : `Persona \`${data.persona}\` belongs to branch ${persona.branch}; briefs in ${scope}/ can use: ${usable.join(', ')}`,
      );
    }
  }

  const fields = value as BriefFields | undefined;
  if (fields) {
    const paths: [YamlPath, string][] = [];
    if (fields.photo) paths.push([['photo'], fields.photo]);
    fields.photos?.forEach((p, i) => paths.push([['photos', i], p]));
    for (const [path, p] of paths) {
      const bad = checkContentPath(p, tree);
      if (bad) locate(path, 'load/bad-path', bad);
    }
    if (fields.mascot && options.checkMascot) {
      const bad = options.checkMascot(fields.mascot);
      if (bad) locate(['mascot', bad.field], 'load/unknown-mascot', bad.message);
    }
  }
  problems.push(...local);
  if (!fields || local.length) return undefined;
  const spans = decodedSpans(md, fields);
  return {
    id: `${scope}/${name}`,
    file,
    week,
    scope,
    fields,
    body: md.body,
    bodyStart: md.bodyStart,
    paragraphs: md.paragraphs,
    spans,
    hash: sha256(bytes),
  };
}

function validateInto(md: { yaml: YamlSource; doc: import('yaml').Document }, schema: import('zod').ZodType, problems: Problem[]) {
  const result = validate(md.yaml, md.doc, schema, 'brief frontmatter');
  // the unknown-kind message above already says what is wrong with `kind`
  problems.push(...result.problems.filter((p) => !(p.ruleId === 'load/invalid-value' && problems.some((q) => q.ruleId === 'load/unknown-kind' && q.line === p.line))));
  return result;
}

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
import { maskProblem, maskText } from './mask.ts';
import type { LintContext } from '../lint/index.ts';
import { parseYaml, rangeAt, toData, validate, valueAt as valueAtPath, type YamlPath, type YamlSource } from './yaml.ts';

/** A content folder read into memory: text files by path relative to the folder, and every file's path. */
export interface ContentTree {
  /** the folder as the user named it, used to print paths (`content/weeks/…`) */
  root: string;
  files: Map<string, Uint8Array>;
  paths: Set<string>;
  /** entries not read (symbolic links, special files): each gets a message, never silence */
  skipped?: { path: string; why: string }[];
}

/** Hooks for checks that belong to later stages' vocabularies (mascot poses, for one). */
export interface LoadOptions {
  /** validates `mascot` in a brief; returns an error message, or undefined when fine */
  checkMascot?: (mascot: { pose: string; expression?: string }) => { field: 'pose' | 'expression'; message: string } | undefined;
}

export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

const DEFAULT_COLOURS = { ink: '#2B2B2B', paper: '#FFF8F0' };

/** What the linter must know is public: the personas' own names, branch phones, the hotline, the bank's name. */
export function lintContextOf(content: Pick<Content, 'personas' | 'branches' | 'bank'>): LintContext {
  return {
    personaNames: [...content.personas.values()].map((p) => p.name),
    allowedPhones: content.branches.map((b) => b.contact.phone),
    hotlines: content.bank.hotline ? [content.bank.hotline] : [],
    bankName: content.bank.name,
  };
}

export function loadContent(tree: ContentTree, week: string, options: LoadOptions = {}): Content {
  const problems: Problem[] = [];
  const shown = (rel: string) => posix.join(tree.root, rel);

  const { bank, branches } = loadBranches(tree, shown('branches.yaml'), problems);
  const personas = loadPersonas(tree, branches, shown, problems);
  const waivers = loadApprovals(tree, shown('approvals.yaml'), problems);

  const ctx = lintContextOf({ personas, branches, bank });
  const prefix = `weeks/${week}/`;
  for (const s of tree.skipped ?? []) {
    if (s.path.startsWith(prefix) || s.path.startsWith('personas/') || s.path.endsWith('.yaml')) {
      problems.push({ file: shown(s.path), line: 1, column: 1, severity: 'error', ruleId: 'load/not-read', message: `Not read: ${s.why}; put the file itself in the content folder` });
    }
  }
  const briefPaths: string[] = [];
  for (const rel of [...tree.paths].filter((p) => p.startsWith(prefix)).sort()) {
    if (rel.endsWith('.md')) briefPaths.push(rel);
    else if (/\.md$/i.test(rel)) {
      problems.push({ file: shown(rel), line: 1, column: 1, severity: 'error', ruleId: 'load/file-name', message: `Brief file names end in lower-case \`.md\`; rename it to ${posix.basename(rel).replace(/\.md$/i, '.md')}` });
    } else {
      problems.push({ file: shown(rel), line: 1, column: 1, severity: 'warning', ruleId: 'load/not-a-brief', message: 'Not a brief (briefs are .md files); ignored' });
    }
  }
  const briefs: Brief[] = [];
  // names that differ only in case are one file on macOS and Windows (and one image name in a zip): all of them are refused
  const byKey = new Map<string, string[]>();
  for (const rel of briefPaths) byKey.set(rel.toLowerCase(), [...(byKey.get(rel.toLowerCase()) ?? []), rel]);
  for (const rel of briefPaths) {
    const bad = badFileName(rel, ctx);
    if (bad) {
      problems.push({ file: shown(bad.shown), line: 1, column: 1, severity: 'error', ruleId: 'load/file-name', message: bad.message });
      continue;
    }
    const twins = byKey.get(rel.toLowerCase())!.filter((r) => r !== rel);
    if (twins.length) {
      problems.push({ file: shown(rel), line: 1, column: 1, severity: 'error', ruleId: 'load/duplicate-brief', message: `Same name as ${twins.map(shown).join(', ')} but for letter case; on many systems they are one file. Rename one` });
      continue;
    }
    const brief = loadBrief(tree, rel, week, branches, personas, shown(rel), problems, options);
    if (brief) briefs.push(brief);
  }
  // a waiver's reason is free text that the report, run.json and the audit repeat: a client detail in
  // it is masked (so is one in the brief it names: such a brief is refused by its file name anyway)
  const maskedWaivers = waivers.map((w) => {
    const reason = typeof w.reason === 'string' ? maskText(w.reason, ctx) : w.reason;
    const brief = typeof w.brief === 'string' ? maskText(w.brief, ctx, w.brief.replace(/[-_./]/g, ' ')) : w.brief;
    return reason === w.reason && brief === w.brief ? w : { ...w, reason, brief };
  });
  return { root: tree.root, week, bank, branches, personas, briefs, waivers: maskedWaivers, problems: problems.map((p) => maskProblem(p, ctx)) };
}

/** Bytes a brief's file name may take: its id becomes file names in bundles, with suffixes and temporary names added. */
export const MAX_NAME_BYTES = 96;

/**
 * Why a brief's file name cannot be used, or undefined. Its id spreads into image names, zip
 * entries, captions, the calendar, the plan and the audit: so no client detail (shown masked),
 * nothing a file system or a zip tool mangles, and short enough to take suffixes.
 */
export function badFileName(rel: string, ctx: LintContext): { shown: string; message: string } | undefined {
  const name = posix.basename(rel, '.md');
  const dir = posix.dirname(rel);
  // the linter reads the name with its separators as spaces (wed-visit-张伟女士 → wed visit 张伟女士)
  const masked = maskText(name, ctx, name.replace(/[-_.]/g, ' '));
  if (masked !== name) {
    return { shown: `${dir}/${masked}.md`, message: 'The file name holds a client detail (shown masked); it would be copied into image names, captions, the calendar and the audit. Rename the file' };
  }
  if (name.normalize('NFC') !== name) {
    return { shown: rel, message: 'The file name is in decomposed Unicode (NFD, as some Macs save it); two names that look the same would make two images of one name. Save it in NFC (composed) form' };
  }
  if (/[\u0000-\u001F\u007F\\/:*?"<>|\u202A-\u202E\u2066-\u2069]/.test(name) || name.startsWith('-') || name.trim() !== name || name === '') {
    return { shown: rel, message: 'The file name has characters that file systems and zip tools treat specially (control, bidi, \\ : * ? " < > |, a leading - or space); use letters, digits, - and _' };
  }
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes > MAX_NAME_BYTES) {
    return { shown: rel, message: `The file name is ${bytes} bytes; at most ${MAX_NAME_BYTES} (about ${Math.floor(MAX_NAME_BYTES / 3)} Chinese characters), since image names and temporary files are built from it` };
  }
  return undefined;
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
    const bad = badFileName(rel, { personaNames: [], allowedPhones: [], hotlines: [] });
    if (bad) {
      // a persona's id (its file name) is printed on plans and reports like a brief's
      problems.push({ file: shown(bad.shown), line: 1, column: 1, severity: 'error', ruleId: 'load/file-name', message: bad.message });
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
  if (tree.skipped?.some((s) => s.path === normal)) return `\`${path}\` is ${tree.skipped.find((s) => s.path === normal)!.why}: put the file itself under ${tree.root}/`;
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

  const data = toData(md.doc) as Record<string, unknown>;
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
    // audience tags: each must be one the branch (every branch, for _all/) declares in branches.yaml
    fields.segments?.forEach((tag, i) => {
      const missing = branches.filter((b) => (scope === '_all' || b.id === scope) && !(b.tags ?? []).includes(tag));
      if (!missing.length) return;
      const b = missing[0]!;
      locate(
        ['segments', i],
        'load/unknown-segment',
        `Unknown audience tag \`${tag}\` for branch ${missing.map((m) => m.id).join(', ')}; ${b.tags?.length ? `its tags in branches.yaml: ${b.tags.join(', ')}` : 'it declares no tags in branches.yaml'}`,
      );
    });
  }
  problems.push(...local);
  if (!fields || local.length) return undefined;
  const spans = decodedSpans(md, fields);
  const long = tooLong(spans);
  if (long) {
    problems.push({ ...long.at, severity: 'error', ruleId: 'load/too-long', message: long.message });
    return undefined;
  }
  // where file references are typed, so a photo that fails to decode is reported at its `photo:` line
  const refs: Record<string, import('../model.ts').Position> = {};
  const refPaths: YamlPath[] = [['photo'], ...(fields.photos ?? []).map((_, i): YamlPath => ['photos', i]), ['persona']];
  for (const path of refPaths) {
    const r = rangeAt(md.doc, path, 'value');
    if (r && valueAtPath(fields, path) !== undefined) refs[path.join('.')] = md.source.position(md.yaml.base + r[0]);
  }
  return {
    refs,
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

/** The longest body a brief may have, in characters as drawn, and the longest of any other text. */
export const MAX_BODY_CHARS = 5000;
export const MAX_FIELD_CHARS = 500;

/** The first text over its limit, located at its first character beyond the limit: rendering time and memory stay bounded. */
function tooLong(spans: import('../model.ts').TextSpan[]): { at: Pick<Problem, 'file' | 'line' | 'column'>; message: string } | undefined {
  for (const span of spans) {
    const limit = span.field === 'body' ? MAX_BODY_CHARS : MAX_FIELD_CHARS;
    if (span.text.length <= limit) continue;
    const pos = span.map?.[limit]?.start ?? { line: 1, column: 1 };
    return {
      at: { file: span.file, line: pos.line, column: pos.column },
      message: `\`${span.field}\` is ${span.text.length} characters; at most ${limit} fit an image (this is where the limit is passed)`,
    };
  }
  return undefined;
}

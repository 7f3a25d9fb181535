// `wendu lint`: lints briefs (.md, frontmatter aware), plain text files (.txt), folders of them or
// standard input, without rendering. Exit 0 when no error remains (and warnings are within
// --max-warnings), 1 otherwise, 2 on usage or configuration errors. The command layer: the only
// part that touches the disk. The pipeline modules load only once the arguments are read, so
// `wendu lint --help` answers at once.
import { HELP_TEXTS } from './help.js';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { Problem, TextSpan, Waiver } from '../model.ts';
import type { FileResult } from '../lint/format/index.ts';
import type { Finding, LintContext } from '../lint/index.ts';
import type { AppliedFix } from '../lint/fix.ts';
import { formatProblem, UsageError, type Io } from './io.ts';

const FORMAT_NAMES = ['text', 'stylish', 'json', 'eslint', 'sarif', 'html'];

const USAGE = HELP_TEXTS.lint;

interface Options {
  format?: string;
  fix?: boolean;
  stdin?: boolean;
  'stdin-filename'?: string;
  'max-warnings'?: string;
  quiet?: boolean;
  'output-file'?: string;
  policy?: string;
  'ignore-path'?: string;
  'no-ignore'?: boolean;
  help?: boolean;
}

export async function lintCommand(argv: string[], io: Io): Promise<number> {
  let values: Options;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: {
        format: { type: 'string', short: 'f' },
        fix: { type: 'boolean' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean' },
        'output-file': { type: 'string', short: 'o' },
        policy: { type: 'string' },
        'ignore-path': { type: 'string' },
        'no-ignore': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    }));
  } catch (err) {
    io.stderr(`wendu lint: ${(err as Error).message}\nRun \`wendu help lint\` for usage.\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  try {
    return await run(values, positionals, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`wendu lint: ${err.message}\nRun \`wendu help lint\` for usage.\n`);
      return 2;
    }
    throw err;
  }
}

async function run(values: Options, positionals: string[], io: Io): Promise<number> {
  roots.clear(); // folders are looked up afresh on each run
  const format = values.format ?? 'text';
  // --fix applies fixes; the ESLint shapes report them (`fix`, fixable counts)
  const wantsFixes = !!values.fix || format === 'eslint' || format === 'stylish';
  if (!FORMAT_NAMES.includes(format)) throw new UsageError(`Unknown format \`${values.format}\`; expected one of: ${FORMAT_NAMES.join(', ')}`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(values['max-warnings'])) throw new UsageError(`--max-warnings expects a whole number ≥ 0, not \`${values['max-warnings']}\``);
    maxWarnings = Number(values['max-warnings']);
  }
  const stdin = values.stdin || positionals.includes('-');
  if (stdin && positionals.some((p) => p !== '-')) throw new UsageError('Give either PATHs or standard input (--stdin / -), not both');
  if (stdin && values.fix) throw new UsageError('--fix rewrites files and cannot be used with standard input');
  if (values['stdin-filename'] !== undefined && !stdin) throw new UsageError('--stdin-filename names standard input: use it with --stdin or -');
  if (!stdin && positionals.length === 0) throw new UsageError('Expected at least one PATH (a .md brief, a .txt file or a folder), or --stdin');

  // the inputs: files found on disk, or standard input under a name
  let inputs: { file: string; bytes?: Uint8Array }[];
  if (stdin) {
    if (!io.stdin) throw new UsageError('No standard input to read');
    const name = values['stdin-filename'] ?? '<stdin>';
    inputs = [{ file: name, bytes: await io.stdin() }];
  } else {
    const ignored = values['no-ignore'] ? undefined : await ignoreFilter(io.cwd, values['ignore-path']);
    const skipped: string[] = [];
    const files = positionals.flatMap((p) => collect(p, io.cwd, ignored, skipped));
    for (const s of skipped) io.stderr(`${s}: skipped: the ignore file names it (use --no-ignore to lint it)\n`);
    if (files.length === 0) throw new UsageError(`No .md or .txt files to lint under ${positionals.join(', ')}${skipped.length ? ' (all ignored)' : ''}`);
    inputs = files.map((file) => ({ file }));
  }

  // the rules: as shipped, or with the bank's policy applied
  const { readPolicy, writeFileAtomic, fingerprintKey } = await import('./files.ts');
  const { active, problems: policyProblems, missing } = await readPolicy(io.cwd, values.policy, contentRootOf(resolve(io.cwd, inputs[0]!.file), io.cwd));
  if (missing) throw new UsageError(`No such policy file: ${missing}`);
  if (!active) {
    for (const p of policyProblems) io.stderr(`${formatProblem(p, io.colorErr)}\n`);
    io.stderr(`wendu lint: the policy ${policyProblems[0]?.file ?? ''} must be fixed before anything can be linted\n`);
    return 2;
  }

  const { lintSpans, applyFixes } = await import('../lint/index.ts');
  const { maskText } = await import('../load/mask.ts');
  // the brief reader (remark, YAML) loads only when there is a brief to read
  const anyBrief = inputs.some((i) => extname(i.file).toLowerCase() === '.md');
  const markdown = anyBrief ? await import('../load/markdown.ts') : undefined;
  const briefSpans = markdown?.briefSpans ?? noBriefReader;
  const { lintMapped } = await import('../check/texts.ts');
  const { judge } = await import('../approve/gate.ts');
  const { FORMATS } = await import('../lint/format/index.ts');
  const { REQUIRED_WARNINGS } = await import('../lint/warnings.ts');
  const { parse: parseYaml } = anyBrief ? await import('yaml') : { parse: noBriefReader };
  const env = { briefSpans: markdown?.decodedBriefSpans ?? noBriefReader, REQUIRED_WARNINGS, parseYaml };

  const results: FileResult[] = [];
  const fixed: { file: string; fixes: AppliedFix[] }[] = [];
  for (const input of inputs) {
    const abs = resolve(io.cwd, input.file);
    const ctx = await contextFor(abs, io.cwd);
    let bytes = input.bytes ?? readFileSync(abs);
    let { spans, problems } = textsOf(env, input.file, bytes);
    // judged as it ships: Markdown, entities and YAML decoded, positions mapped back to the file;
    // a fix is written into the file as typed, so it comes from the typed slices where a finding
    // there stands at the same place
    const isBrief = extname(input.file).toLowerCase() === '.md';
    const typedSpans = () => (isBrief ? briefSpans(input.file, bytes).spans : spans);
    const lint = () => {
      if (problems.length && !spans.length) return [];
      const judged = lintMapped(spans, ctx.lint, active.rules);
      // the typed source is linted a second time only when a fix can be shown or applied
      if (!isBrief || !judged.length || !wantsFixes) return judged;
      const typed = lintSpans(typedSpans(), ctx.lint, active.rules).filter((t) => t.fix);
      const at = (f: Finding) => `${f.ruleId}\0${f.line}:${f.column}-${f.endLine}:${f.endColumn}`;
      const fixes = new Map(typed.map((t) => [at(t), t]));
      return judged.map((f) => {
        const t = fixes.get(at(f));
        return t?.fix ? { ...f, fix: t.fix } : f;
      });
    };
    let findings = lint();
    if (values.fix && findings.some((f) => f.fix)) {
      const source = decoded(bytes);
      const { text, applied } = applyFixes(source, typedSpans(), findings.filter((f) => f.fix));
      if (applied.length) {
        await writeFileAtomic(abs, text);
        fixed.push({ file: maskedFileName(input.file, ctx.lint, maskText), fixes: applied });
        bytes = Buffer.from(text, 'utf8');
        ({ spans, problems } = textsOf(env, input.file, bytes));
        findings = lint();
      }
    }
    if (values.quiet) {
      findings = findings.filter((f) => f.severity === 'error');
      problems = problems.filter((p) => p.severity === 'error');
    }
    const waived = new Map<Finding, Waiver>();
    // (a waiver names a brief: without waivers there is no id to work out)
    const briefId = ctx.root && ctx.waivers.length ? briefIdOf(ctx.root, abs) : undefined;
    if (briefId) for (const j of judge(briefId, findings, ctx.waivers).judged) if (j.waiver) waived.set(j.finding, j.waiver);
    // a client detail in the file name is shown masked, as `wendu build` shows it, and is an error
    const shownName = maskedFileName(input.file, ctx.lint, maskText);
    if (shownName !== input.file) problems = [{ file: input.file, line: 1, column: 1, severity: 'error', ruleId: 'load/file-name', message: 'The file name holds a client detail (shown masked); it would be copied into image names, captions, the calendar and the audit. Rename the file' }, ...problems];
    const filePath = stdin && !values['stdin-filename'] ? input.file : abs;
    results.push({ file: shownName, filePath: shownName === input.file ? filePath : filePath.slice(0, filePath.length - basename(input.file).length) + basename(shownName), findings, problems, source: decoded(bytes), spans: isBrief ? [...typedSpans(), ...spans] : spans, waived });
  }

  const fingerprints = format === 'sarif' ? await fingerprintKey(io.cwd, io.env ?? {}) : undefined;
  const toFile = values['output-file'];
  const report = FORMATS[format as keyof typeof FORMATS](results, {
    ruleset: active.version,
    catalog: active.catalog,
    fixed,
    color: !toFile && io.color,
    ...(fingerprints ? { fingerprintKey: fingerprints } : {}),
    srcRoot: pathToFileURL(`${io.cwd}/`).href,
  });
  if (toFile) await writeFileAtomic(resolve(io.cwd, toFile), report);
  else io.stdout(report);

  const errors = results.some((r) => r.findings.some((f) => f.severity === 'error') || r.problems.some((p) => p.severity === 'error'));
  const warnings = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning' && !r.waived?.has(f)).length + r.problems.filter((p) => p.severity === 'warning').length, 0);
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(`wendu lint: ${warnings} warning${warnings === 1 ? '' : 's'} remain, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return errors ? 1 : 0;
}

const LINTED = new Set(['.md', '.txt']);

/** Stands in for the brief reader when no input is a brief (it is never called then). */
function noBriefReader(): never {
  throw new Error('wendu lint: the brief reader was not loaded');
}

/** `file` with a client detail in its name masked (the linter reads `-`, `_` and `.` as spaces). */
function maskedFileName(file: string, ctx: LintContext, maskText: (text: string, ctx: LintContext, probe?: string) => string): string {
  const name = basename(file);
  const masked = maskText(name, ctx, name.replace(/[-_.]/g, ' '));
  return masked === name ? file : file.slice(0, file.length - name.length) + masked;
}

type IgnoreFilter = (abs: string, dir: boolean) => boolean;

/** The ignore file (gitignore syntax), its patterns relative to its own folder. */
async function ignoreFilter(cwd: string, path: string | undefined): Promise<IgnoreFilter | undefined> {
  const file = resolve(cwd, path ?? '.wenduignore');
  if (!existsSync(file)) {
    if (path) throw new UsageError(`No such ignore file: ${path}`);
    return undefined;
  }
  const { default: ignore } = await import('ignore');
  const ig = ignore().add(readFileSync(file, 'utf8'));
  const base = dirname(file);
  return (abs, dir) => {
    const rel = relative(base, abs).split(sep).join('/');
    if (!rel || rel.startsWith('..') || isAbsolute(rel)) return false;
    return ig.ignores(dir ? `${rel}/` : rel);
  };
}

/** The files a PATH names: itself, or the .md/.txt files below a folder (sorted, dot-folders skipped). */
function collect(path: string, cwd: string, ignored: IgnoreFilter | undefined, skipped: string[]): string[] {
  const abs = resolve(cwd, path);
  if (!existsSync(abs)) throw new UsageError(`No such file or folder: ${path}`);
  if (!statSync(abs).isDirectory()) {
    if (!LINTED.has(extname(path).toLowerCase())) throw new UsageError(`Cannot lint ${path}: expected a .md brief, a .txt file or a folder`);
    if (ignored?.(abs, false)) {
      skipped.push(path);
      return [];
    }
    return [path];
  }
  const out: string[] = [];
  const walk = (rel: string) => {
    const entries = readdirSync(join(abs, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (ignored?.(join(abs, r), e.isDirectory())) continue;
      if (e.isDirectory()) walk(r);
      else if (e.isFile() && LINTED.has(extname(e.name).toLowerCase())) out.push(join(path, r));
    }
  };
  walk('');
  return out;
}

interface Env {
  briefSpans: typeof import('../load/markdown.ts').briefSpans;
  REQUIRED_WARNINGS: typeof import('../lint/warnings.ts').REQUIRED_WARNINGS;
  parseYaml: typeof import('yaml').parse;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder();

/** A file's bytes as text (a bad sequence as U+FFFD), decoded once however often it is asked for. */
let lastBytes: Uint8Array | undefined;
let lastText = '';
function decoded(bytes: Uint8Array, text?: string): string {
  if (bytes !== lastBytes) [lastBytes, lastText] = [bytes, text ?? lenient.decode(bytes)];
  return lastText;
}

/** The texts of a file as spans: a brief's frontmatter strings and body, or a text file whole. */
function textsOf(env: Env, file: string, bytes: Uint8Array): { spans: TextSpan[]; problems: Problem[] } {
  if (extname(file).toLowerCase() === '.md') {
    const { spans, problems } = env.briefSpans(file, bytes);
    return { spans: [...spans, ...templateWarnings(env, file, bytes)], problems };
  }
  let text: string;
  try {
    // valid UTF-8 decodes the same strictly and leniently: kept for the report's source
    text = decoded(bytes, utf8.decode(bytes));
  } catch {
    return { spans: [], problems: [{ file, line: 1, column: 1, severity: 'error', ruleId: 'lint/encoding', message: 'Not UTF-8: save the file as UTF-8 to lint it' }] };
  }
  return { spans: [{ field: 'text', text: text.replace(/^\uFEFF/, ''), file, start: { line: 1, column: 1 } }], problems: [] };
}

/**
 * A brief that declares `product: wealth|fund` gets its risk warning drawn and captioned by the
 * templates (from REQUIRED_WARNINGS): the whole-asset rules see it as they will after rendering.
 */
function templateWarnings(env: Env, file: string, bytes: Uint8Array): TextSpan[] {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(decoded(bytes));
  if (!m) return [];
  let product: unknown;
  try {
    product = (env.parseYaml(m[1]!) as { product?: unknown } | null)?.product;
  } catch {
    return [];
  }
  return product === 'wealth' || product === 'fund' ? [{ field: 'template:risk-warning', text: env.REQUIRED_WARNINGS[product], file }] : [];
}

// What is public about the speaker, from the nearest content folder: personas' names, branch
// phones, the bank hotline; and the reviewers' waivers. Read once per folder; a folder that does
// not parse gives nothing (the loader reports its problems; the linter only loses these).
interface FolderContext {
  root?: string;
  lint: LintContext;
  waivers: Waiver[];
}
const contexts = new Map<string, Promise<FolderContext>>();

/** The content root found for a folder (and working folder), looked up once per folder. */
const roots = new Map<string, string | undefined>();

function contentRootOf(file: string, cwd: string): string | undefined {
  const key = `${dirname(file)}\u0000${cwd}`;
  if (roots.has(key)) return roots.get(key);
  const root = findContentRoot(dirname(file)) ?? findContentRoot(cwd) ?? (existsSync(join(cwd, 'content', 'branches.yaml')) ? join(cwd, 'content') : undefined);
  roots.set(key, root);
  return root;
}

/** What the linter must know is public for a file: from its nearest content folder. */
export async function lintContext(file: string, cwd: string): Promise<LintContext> {
  return (await contextFor(file, cwd)).lint;
}

function contextFor(file: string, cwd: string): Promise<FolderContext> {
  const root = contentRootOf(file, cwd);
  if (!root) return Promise.resolve({ lint: { personaNames: [], allowedPhones: [], hotlines: [] }, waivers: [] });
  let ctx = contexts.get(root);
  if (!ctx) contexts.set(root, (ctx = readContext(root)));
  return ctx;
}

function findContentRoot(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'branches.yaml'))) return d;
    if (existsSync(join(d, 'content', 'branches.yaml'))) return join(d, 'content');
    if (dirname(d) === d) return undefined;
  }
}

/** `<root>/weeks/<week>/<scope>/<name>.md` → `<scope>/<name>`, the id waivers name. */
function briefIdOf(root: string, abs: string): string | undefined {
  const weeks = join(root, 'weeks');
  // a file outside the weeks folder has no id (told without a relative path, where paths compare as strings)
  if (sep === '/' && !abs.startsWith(`${weeks}/`)) return undefined;
  const rel = relative(weeks, abs).split(sep);
  return rel.length === 3 && !rel[0]!.startsWith('..') && rel[2]!.endsWith('.md') ? `${rel[1]}/${rel[2]!.slice(0, -3)}` : undefined;
}

async function readContext(root: string): Promise<FolderContext> {
  const { parse: parseYaml } = await import('yaml');
  const { approvalsSchema } = await import('../load/schema.ts');
  const lint: LintContext = { personaNames: [], allowedPhones: [], hotlines: [] };
  let waivers: Waiver[] = [];
  try {
    const data = parseYaml(readFileSync(join(root, 'branches.yaml'), 'utf8')) as {
      bank?: { hotline?: unknown; name?: unknown };
      branches?: { contact?: { phone?: unknown } }[];
    } | null;
    if (typeof data?.bank?.hotline === 'string') lint.hotlines.push(data.bank.hotline);
    if (typeof data?.bank?.name === 'string') lint.bankName = data.bank.name;
    for (const b of data?.branches ?? []) if (typeof b?.contact?.phone === 'string') lint.allowedPhones.push(b.contact.phone);
  } catch {
    // no exemptions from an unreadable branches.yaml
  }
  try {
    const parsed = approvalsSchema.safeParse(parseYaml(readFileSync(join(root, 'approvals.yaml'), 'utf8')) ?? {});
    if (parsed.success) waivers = parsed.data.waivers;
  } catch {
    // no waivers from a missing or unreadable approvals.yaml (the build reports it)
  }
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) {
        const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(p, 'utf8'));
        try {
          const name = m ? (parseYaml(m[1]!) as { name?: unknown } | null)?.name : undefined;
          if (typeof name === 'string') lint.personaNames.push(name);
        } catch {
          // a persona that does not parse exempts nothing
        }
      }
    }
  };
  walk(join(root, 'personas'));
  return { root, lint, waivers };
}

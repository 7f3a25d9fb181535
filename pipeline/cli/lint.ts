// `wendu lint [--format stylish|json|sarif|html] [--fix] PATH…`: lints briefs (.md, frontmatter
// aware), plain text files (.txt) and folders of them, without rendering. Exit 0 when no error
// remains, 1 otherwise, 2 on usage errors. The command layer: the only part that touches the disk.
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import type { Problem, TextSpan } from '../model.ts';
import { briefSpans } from '../load/markdown.ts';
import { UsageError, type Io } from './io.ts';
import { FORMATS, type FileResult, type FormatName } from '../lint/format/index.ts';
import { applyFixes, lintSpans, REQUIRED_WARNINGS, ruleCatalog, rulesetVersion, type Finding, type LintContext } from '../lint/index.ts';
import type { AppliedFix } from '../lint/fix.ts';


const USAGE = `Usage: wendu lint [--format stylish|json|sarif|html] [--fix] PATH…

Checks briefs (.md), plain text files (.txt) and folders of them against the compliance rules
(COMPLIANCE.md), without rendering.

Options:
  -f, --format FORMAT  stylish (default): path:line:col severity rule-id message, and a summary
                       json: one entry per file, as in DESIGN.md
                       sarif: SARIF 2.1.0 with rule metadata
                       html: a self-contained page
      --fix            mask client details in the files (138****5678, 张*, card first 6 + last 4)
                       and replace 预期收益率 with 业绩比较基准 where safe; files are rewritten atomically
  -h, --help           show this help

Personas' names, branch phones and the bank hotline come from the nearest content folder
(branches.yaml, personas/) and are never reported as client details.

Exit codes: 0 no error remains, 1 errors remain, 2 usage error.
`;

export async function lintCommand(argv: string[], io: Io): Promise<number> {
  let values: { format?: string; fix?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: { format: { type: 'string', short: 'f' }, fix: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (err) {
    io.stderr(`wendu lint: ${(err as Error).message}\nRun \`wendu lint --help\` for usage.\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  try {
    const format = (values.format ?? 'stylish') as FormatName;
    if (!(format in FORMATS)) throw new UsageError(`Unknown format \`${values.format}\`; expected one of: ${Object.keys(FORMATS).join(', ')}`);
    if (positionals.length === 0) throw new UsageError('Expected at least one PATH (a .md brief, a .txt file or a folder)');
    const files = positionals.flatMap((p) => collect(p, io.cwd));
    if (files.length === 0) throw new UsageError(`No .md or .txt files under ${positionals.join(', ')}`);

    const results: FileResult[] = [];
    const fixed: { file: string; fixes: AppliedFix[] }[] = [];
    for (const file of files) {
      const abs = resolve(io.cwd, file);
      const ctx = contextFor(abs, io.cwd);
      let bytes = readFileSync(abs);
      let { spans, problems } = textsOf(file, bytes);
      let findings = problems.length && !spans.length ? [] : lintSpans(spans, ctx);
      if (values.fix && findings.some((f) => f.fix)) {
        const source = new TextDecoder().decode(bytes);
        const { text, applied } = applyFixes(source, spans, findings);
        if (applied.length) {
          writeAtomically(abs, text);
          fixed.push({ file, fixes: applied });
          bytes = Buffer.from(text, 'utf8');
          ({ spans, problems } = textsOf(file, bytes));
          findings = lintSpans(spans, ctx);
        }
      }
      results.push({ file, findings, problems });
    }
    io.stdout(FORMATS[format](results, { ruleset: rulesetVersion(), catalog: ruleCatalog(), fixed }));
    const blocking = results.some((r) => r.findings.some((f) => f.severity === 'error') || r.problems.some((p) => p.severity === 'error'));
    return blocking ? 1 : 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`wendu lint: ${err.message}\nRun \`wendu lint --help\` for usage.\n`);
      return 2;
    }
    throw err;
  }
}

const LINTED = new Set(['.md', '.txt']);

/** The files a PATH names: itself, or the .md/.txt files below a folder (sorted, dot-folders skipped). */
function collect(path: string, cwd: string): string[] {
  const abs = resolve(cwd, path);
  if (!existsSync(abs)) throw new UsageError(`No such file or folder: ${path}`);
  const st = statSync(abs);
  if (st.isFile()) {
    if (!LINTED.has(extname(path).toLowerCase())) throw new UsageError(`Cannot lint ${path}: expected a .md brief, a .txt file or a folder`);
    return [path];
  }
  const out: string[] = [];
  const walk = (rel: string) => {
    const entries = readdirSync(join(abs, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.isFile() && LINTED.has(extname(e.name).toLowerCase())) out.push(join(path, r));
    }
  };
  walk('');
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The texts of a file as spans: a brief's frontmatter strings and body, or a text file whole. */
function textsOf(file: string, bytes: Uint8Array): { spans: TextSpan[]; problems: Problem[] } {
  if (extname(file).toLowerCase() === '.md') {
    const { spans, problems } = briefSpans(file, bytes);
    return { spans: [...spans, ...templateWarnings(file, bytes)], problems };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { spans: [], problems: [{ file, line: 1, column: 1, severity: 'error', ruleId: 'lint/encoding', message: 'Not UTF-8: save the file as UTF-8 to lint it' }] };
  }
  return { spans: [{ field: 'text', text: text.replace(/^\uFEFF/, ''), file, start: { line: 1, column: 1 } }], problems: [] };
}

/**
 * A brief that declares `product: wealth|fund` gets its risk warning drawn and captioned by the
 * templates (from REQUIRED_WARNINGS): the whole-asset rules see it as they will after rendering.
 */
function templateWarnings(file: string, bytes: Uint8Array): TextSpan[] {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(new TextDecoder().decode(bytes));
  if (!m) return [];
  let product: unknown;
  try {
    product = (parseYaml(m[1]!) as { product?: unknown } | null)?.product;
  } catch {
    return [];
  }
  return product === 'wealth' || product === 'fund' ? [{ field: 'template:risk-warning', text: REQUIRED_WARNINGS[product], file }] : [];
}

function writeAtomically(path: string, text: string) {
  const tmp = join(dirname(path), `.${Date.now().toString(36)}-${process.pid}.wendu-fix.tmp`);
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

// What is public about the speaker, from the nearest content folder: personas' names, branch
// phones, the bank hotline. Read once per folder; a folder that does not parse gives nothing
// (the loader reports its problems; the linter only loses these exemptions).
const contexts = new Map<string, LintContext>();

function contextFor(file: string, cwd: string): LintContext {
  const root = findContentRoot(dirname(file)) ?? findContentRoot(cwd) ?? (existsSync(join(cwd, 'content', 'branches.yaml')) ? join(cwd, 'content') : undefined);
  if (!root) return { personaNames: [], allowedPhones: [], hotlines: [] };
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

function readContext(root: string): LintContext {
  const ctx: LintContext = { personaNames: [], allowedPhones: [], hotlines: [] };
  try {
    const data = parseYaml(readFileSync(join(root, 'branches.yaml'), 'utf8')) as {
      bank?: { hotline?: unknown };
      branches?: { contact?: { phone?: unknown } }[];
    } | null;
    if (typeof data?.bank?.hotline === 'string') ctx.hotlines.push(data.bank.hotline);
    for (const b of data?.branches ?? []) if (typeof b?.contact?.phone === 'string') ctx.allowedPhones.push(b.contact.phone);
  } catch {
    // no exemptions from an unreadable branches.yaml
  }
  const personas = join(root, 'personas');
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) {
        const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(p, 'utf8'));
        try {
          const name = m ? (parseYaml(m[1]!) as { name?: unknown } | null)?.name : undefined;
          if (typeof name === 'string') ctx.personaNames.push(name);
        } catch {
          // a persona that does not parse exempts nothing
        }
      }
    }
  };
  walk(personas);
  return ctx;
}

export type { Finding };

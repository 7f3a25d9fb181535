// `wendu waive BRIEF RULE --reason … --reviewer …`: a reviewer's waiver of one warning, written
// exactly as the gate reads it. The brief is linted as it is now (with the bank's policy), the
// finding's text hash is taken from that, and the entry is appended to approvals.yaml through
// yaml's Document API, so the file's comments and layout stay as they were. Errors, and client
// details (PII) above all, are refused: the gate would never honour such a waiver.
import { HELP_TEXTS } from './help.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem, UsageError, type Io } from './io.ts';

const HELP = HELP_TEXTS.waive;

export async function waiveCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      reason: { type: 'string' },
      reviewer: { type: 'string' },
      date: { type: 'string' },
      content: { type: 'string', default: 'content' },
      policy: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError('Expected BRIEF and RULE, e.g. wendu waive jinjiang/tue-first-salary safety-words --reason … --reviewer …');
  const [briefArg, rule] = positionals as [string, string];
  const reason = values.reason?.trim();
  const reviewer = values.reviewer?.trim();
  if (!reason) throw new UsageError('--reason is required: say why the warning is acceptable here');
  if (!reviewer) throw new UsageError('--reviewer is required: name who waives it');
  const date = values.date ?? new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date expects YYYY-MM-DD, not \`${date}\``);

  const root = resolve(io.cwd, values.content!);
  if (!existsSync(join(root, 'weeks'))) throw new UsageError(`content folder \`${values.content}\` has no weeks/`);
  const { id, file } = findBrief(root, briefArg, io.cwd);

  const { readPolicy, writeFileAtomic } = await import('./files.ts');
  const { active, problems: policyProblems, missing } = await readPolicy(io.cwd, values.policy, root);
  if (missing) throw new UsageError(`No such policy file: ${missing}`);
  if (!active) {
    for (const p of policyProblems) io.stderr(`${formatProblem(p, io.colorErr)}\n`);
    return 2;
  }
  const policy = active.policy;
  if (!active.catalog.some((r) => r.id === rule)) throw new UsageError(`Unknown rule \`${rule}\`; known: ${active.catalog.map((r) => r.id).join(', ')}`);

  const { REQUIRED_WARNINGS } = await import('../lint/index.ts');
  const { decodedBriefSpans } = await import('../load/markdown.ts');
  const { lintMapped } = await import('../check/texts.ts');
  const { parse, parseDocument, isSeq, isMap } = await import('yaml');

  const shownFile = relative(io.cwd, file).split(sep).join('/');
  const bytes = readFileSync(file);
  // waivers bind to the text as drawn and pasted, exactly as the build's gate judges it
  const { spans, problems } = decodedBriefSpans(shownFile, bytes);
  if (problems.some((p) => p.severity === 'error')) {
    for (const p of problems) io.stderr(`${formatProblem(p, io.colorErr)}\n`);
    io.stderr(`wendu waive: ${shownFile} must load before a finding in it can be waived\n`);
    return 1;
  }
  const fm = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(new TextDecoder().decode(bytes));
  const product = fm ? (parse(fm[1]!) as { product?: unknown } | null)?.product : undefined;
  if (product === 'wealth' || product === 'fund') spans.push({ field: 'template:risk-warning', text: REQUIRED_WARNINGS[product], file: shownFile });

  const { lintContext } = await import('./lint.ts');
  const ctx = await lintContext(file, io.cwd);
  const found = lintMapped(spans, ctx, active.rules).filter((f) => f.ruleId === rule);
  if (!found.length) {
    io.stderr(`wendu waive: ${shownFile} has no \`${rule}\` finding to waive (rule set ${active.version})\n`);
    return 1;
  }
  const refused = found.find((f) => !f.waivable || f.severity !== 'warning');
  if (refused) {
    const why = !refused.waivable
      ? `\`${rule}\` finds client details (个人信息): it is never waivable; mask or remove 「${refused.excerpt}」 (wendu lint --fix masks it)`
      : `\`${rule}\` is an ${refused.severity}${policy?.rules[rule] ? ` under the policy ${policy.file}` : ''}: only warnings can be waived; change the text 「${refused.excerpt}」 instead`;
    io.stderr(`${formatProblem(refused, io.colorErr)}\nwendu waive: refused: ${why}\n`);
    return 1;
  }

  const approvalsFile = join(root, 'approvals.yaml');
  const text = existsSync(approvalsFile) ? readFileSync(approvalsFile, 'utf8') : '';
  const doc = parseDocument(text);
  if (doc.errors.length) throw new UsageError(`${relative(io.cwd, approvalsFile)}: invalid YAML; fix it before adding a waiver (${doc.errors[0]!.message.split('\n')[0]})`);
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
  let list = doc.get('waivers', true);
  if (!isSeq(list)) {
    doc.set('waivers', doc.createNode([]));
    list = doc.get('waivers', true);
  }
  const seq = list as import('yaml').YAMLSeq;
  const existing = (doc.toJS() as { waivers?: { brief?: string; rule?: string; textHash?: string }[] }).waivers ?? [];
  const hashes = [...new Map(found.map((f) => [f.textHash, f])).values()];
  let added = 0;
  for (const f of hashes) {
    if (existing.some((w) => w.brief === id && w.rule === rule && w.textHash === f.textHash)) {
      io.stdout(`${shownFile}:${f.line}:${f.column}: already waived: ${rule} 「${f.excerpt}」 (${f.field})\n`);
      continue;
    }
    seq.add(doc.createNode({ brief: id, rule, textHash: f.textHash, reviewer, date, reason }));
    added++;
    io.stdout(`${shownFile}:${f.line}:${f.column}: waived ${rule} 「${f.excerpt}」 in ${f.field} → ${relative(io.cwd, approvalsFile)} (textHash ${f.textHash.slice(0, 12)}…)\n`);
  }
  if (added) await writeFileAtomic(approvalsFile, doc.toString({ lineWidth: 0 }));
  return 0;
}

/** A brief path, or an id (`jinjiang/tue-first-salary`) looked up in the newest week that has it. */
function findBrief(root: string, arg: string, cwd: string): { id: string; file: string } {
  const asPath = resolve(cwd, arg);
  const weeks = join(root, 'weeks');
  if (arg.endsWith('.md') && existsSync(asPath)) {
    const rel = relative(weeks, asPath).split(sep);
    if (rel.length !== 3 || rel[0]!.startsWith('..')) throw new UsageError(`${arg} is not a brief under ${relative(cwd, weeks)}/<week>/<branch>/`);
    return { id: `${rel[1]}/${rel[2]!.slice(0, -3)}`, file: asPath };
  }
  const id = arg.replace(/\.md$/, '');
  const found = readdirSync(weeks)
    .filter((w) => existsSync(join(weeks, w, `${id}.md`)))
    .sort();
  if (!found.length) throw new UsageError(`No brief \`${arg}\` in ${relative(cwd, weeks) || weeks}/<week>/`);
  return { id, file: join(weeks, found.at(-1)!, `${id}.md`) };
}

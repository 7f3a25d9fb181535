// `--format text` (the default): the one line format every Wendu command prints for humans,
// `path:line:col: severity message [rule]`, the suggestion indented below, then a summary line
// with the rule-set version. `wendu build` prints its problems with the same formatProblem.
import { formatProblem, paint } from '../../cli/io.ts';
import { counts, messages, plural, type Formatter } from './types.ts';

export const text: Formatter = (results, meta) => {
  const c = paint(meta.color);
  const lines: string[] = [];
  for (const r of results) {
    for (const m of messages(r)) {
      const waived = m.finding && r.waived?.get(m.finding);
      lines.push(formatProblem({ ...m, file: r.file }, meta.color) + (waived ? c.dim(` (waived by ${waived.reviewer})`) : ''));
      if (m.suggestion) lines.push(c.dim(`    → ${m.suggestion}`));
    }
  }
  for (const { file, fixes } of meta.fixed) {
    for (const f of fixes) lines.push(`${file}:${f.finding.line}:${f.finding.column}: ${c.green('fixed')} ${f.text} ${c.dim(`[${f.finding.ruleId}]`)}`);
  }
  const n = counts(results);
  const total = n.errors + n.warnings + n.infos;
  const nFixed = meta.fixed.reduce((k, f) => k + f.fixes.length, 0);
  const fixed = nFixed ? `, ${plural(nFixed, 'fix')} applied` : '';
  const files = plural(results.length, 'file');
  if (total === 0) lines.push(c.green(`✔ no problems in ${files}${fixed} · ruleset ${meta.ruleset}`));
  else {
    const parts = [plural(n.errors, 'error'), plural(n.warnings, 'warning'), ...(n.infos ? [plural(n.infos, 'info')] : [])];
    const summary = `✖ ${plural(total, 'problem')} (${parts.join(', ')}) in ${files}${fixed} · ruleset ${meta.ruleset}`;
    lines.push(`${lines.length ? '\n' : ''}${n.errors ? c.red(c.bold(summary)) : c.yellow(c.bold(summary))}`);
  }
  return `${lines.join('\n')}\n`;
};

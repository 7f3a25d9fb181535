// `--format stylish`: `path:line:col severity rule-id message`, one finding a line (grep and editors
// understand it), the suggestion indented below, then a summary with the rule-set version.
import { counts, messages, plural, type Formatter } from './types.ts';

export const stylish: Formatter = (results, meta) => {
  const lines: string[] = [];
  for (const r of results) {
    for (const m of messages(r)) {
      lines.push(`${r.file}:${m.line}:${m.column} ${m.severity} ${m.ruleId} ${m.message}`);
      if (m.suggestion) lines.push(`    → ${m.suggestion}`);
    }
  }
  for (const { file, fixes } of meta.fixed) {
    for (const f of fixes) lines.push(`${file}:${f.finding.line}:${f.finding.column} fixed ${f.finding.ruleId} → ${f.text}`);
  }
  const c = counts(results);
  const total = c.errors + c.warnings + c.infos;
  const nFixed = meta.fixed.reduce((n, f) => n + f.fixes.length, 0);
  const fixed = nFixed ? `, ${plural(nFixed, 'fix')} applied` : '';
  const files = plural(results.length, 'file');
  if (total === 0) lines.push(`✔ no problems in ${files}${fixed} · ruleset ${meta.ruleset}`);
  else {
    const parts = [plural(c.errors, 'error'), plural(c.warnings, 'warning'), ...(c.infos ? [plural(c.infos, 'info')] : [])];
    lines.push(`${lines.length ? '\n' : ''}✖ ${plural(total, 'problem')} (${parts.join(', ')}) in ${files}${fixed} · ruleset ${meta.ruleset}`);
  }
  return `${lines.join('\n')}\n`;
};

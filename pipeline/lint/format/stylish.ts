// `--format stylish`: ESLint's stylish layout (file underlined, then aligned `line:col  severity
// message  rule` rows, then the ✖ summary), built from the same LintResults as `--format eslint`
// so it prints what ESLint's own stylish formatter prints for them (a test compares the two).
import { paint } from '../../cli/io.ts';
import { eslintResults } from './eslint.ts';
import type { Formatter } from './types.ts';

const plural = (word: string, n: number) => (n === 1 ? word : `${word}s`);

/** ESLint's text-table: columns padded to the widest cell, two spaces apart, trailing space trimmed. */
function table(rows: string[][], align: ('l' | 'r')[]): string {
  const sizes: number[] = [];
  for (const row of rows) row.forEach((c, i) => (sizes[i] = Math.max(sizes[i] ?? 0, c.length)));
  return rows.map((row) => row.map((c, i) => (align[i] === 'r' ? c.padStart(sizes[i]!) : c.padEnd(sizes[i]!))).join('  ').trimEnd()).join('\n');
}

export const stylish: Formatter = (results, meta) => {
  const c = paint(meta.color);
  let out = '\n';
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  for (const r of eslintResults(results)) {
    if (!r.messages.length) continue;
    errors += r.errorCount;
    warnings += r.warningCount;
    fixableErrors += r.fixableErrorCount;
    fixableWarnings += r.fixableWarningCount;
    out += `${c.underline(r.filePath)}\n`;
    const rows = r.messages.map((m) => {
      const text = m.message.length > 1 && m.message.endsWith('.') && m.message.at(-2) !== ' ' ? m.message.slice(0, -1) : m.message;
      return ['', String(m.line || 0), String(m.column || 0), m.fatal || m.severity === 2 ? 'error' : 'warning', text, m.ruleId ?? ''];
    });
    // padded as plain text, then coloured, so escape codes never skew the columns
    const lines = table(rows, ['l', 'r', 'l', 'l', 'l', 'l']).split('\n');
    out += `${lines
      .map((line, i) => {
        const [, , , sev, , rule] = rows[i]!;
        return line
          .replace(/^(\s*)(\d+)(\s+)(\d+)/, (_, a: string, l: string, _s: string, col: string) => `${a}${c.dim(`${l}:${col}`)}`)
          .replace(` ${sev} `, ` ${sev === 'error' ? c.red(sev!) : c.yellow(sev!)} `)
          .replace(new RegExp(`${rule!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), rule ? c.dim(rule) : '');
      })
      .join('\n')}\n\n`;
  }
  const total = errors + warnings;
  if (total === 0) return '';
  const tone = errors ? c.red : c.yellow;
  out += `${tone(c.bold(`\u2716 ${total}${plural(' problem', total)} (${errors}${plural(' error', errors)}, ${warnings}${plural(' warning', warnings)})`))}\n`;
  if (fixableErrors || fixableWarnings) {
    out += `${tone(c.bold(`  ${fixableErrors}${plural(' error', fixableErrors)} and ${fixableWarnings}${plural(' warning', fixableWarnings)} potentially fixable with the \`--fix\` option.`))}\n`;
  }
  return out;
};

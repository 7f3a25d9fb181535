// `--format eslint`: ESLint's LintResult[] as JSON, so ESLint's own formatters (stylish, junit, …)
// and CI annotators read Wendu's findings. Severity 2 is an error, 1 a warning (Wendu's `info`
// is reported as 1 too: ESLint has nothing milder); load problems are `fatal`; a waived finding
// is a suppressed message with the reviewer's reason; `fix.range` is a range of the file's text;
// `source` is left out of a file with a client detail in it (Wendu never prints one unmasked).
import { spanOffset } from '../fix.ts';
import { messages, type FileResult, type Formatter, type Message } from './types.ts';

export interface EslintMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fatal?: true;
  fix?: { range: [number, number]; text: string };
  suppressions?: { kind: string; justification: string }[];
}

export interface EslintResult {
  filePath: string;
  messages: EslintMessage[];
  suppressedMessages: EslintMessage[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  source?: string;
  usedDeprecatedRules: [];
}

function fixRange(r: FileResult, m: Message): EslintMessage['fix'] {
  const f = m.finding;
  if (!f?.fix || r.source === undefined || !r.spans) return undefined;
  const span = r.spans.find((s) => s.field === f.field && s.file === f.file);
  const base = span && spanOffset(r.source, span);
  return base === undefined ? undefined : { range: [base + f.fix.from, base + f.fix.to], text: f.fix.text };
}

export function eslintResults(results: FileResult[]): EslintResult[] {
  return results.map((r) => {
    const out: EslintResult = {
      filePath: r.filePath ?? r.file,
      messages: [],
      suppressedMessages: [],
      errorCount: 0,
      fatalErrorCount: 0,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
    };
    for (const m of messages(r)) {
      const severity = m.severity === 'error' ? 2 : 1;
      const fix = fixRange(r, m);
      const msg: EslintMessage = {
        ruleId: m.ruleId,
        severity,
        message: m.message,
        line: m.line,
        column: m.column,
        endLine: m.endLine ?? m.line,
        endColumn: m.endColumn ?? m.column,
        ...(m.finding ? {} : { fatal: true as const }),
        ...(fix ? { fix } : {}),
      };
      const waiver = m.finding && r.waived?.get(m.finding);
      if (waiver) {
        out.suppressedMessages.push({ ...msg, suppressions: [{ kind: 'external', justification: `${waiver.reason}（${waiver.reviewer}，${waiver.date}）` }] });
        continue;
      }
      out.messages.push(msg);
      if (severity === 2) {
        out.errorCount++;
        if (msg.fatal) out.fatalErrorCount++;
        if (fix) out.fixableErrorCount++;
      } else {
        out.warningCount++;
        if (fix) out.fixableWarningCount++;
      }
    }
    // ESLint shows `source` beside messages; never with an unmasked client detail in it
    const pii = r.findings.some((f) => !f.waivable && f.ruleId.startsWith('pii-'));
    if (out.messages.length && r.source !== undefined && !pii) out.source = r.source;
    return out;
  });
}

export const eslint: Formatter = (results) => `${JSON.stringify(eslintResults(results), null, 2)}\n`;

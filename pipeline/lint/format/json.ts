// `--format json`: exactly the structure of DESIGN.md — one entry per input file.
import { messages, type Formatter } from './types.ts';

export const json: Formatter = (results) =>
  `${JSON.stringify(
    results.map((r) => ({
      file: r.file,
      messages: messages(r).map((m) => ({
        ruleId: m.ruleId,
        severity: m.severity,
        line: m.line,
        column: m.column,
        endLine: m.endLine ?? m.line,
        endColumn: m.endColumn ?? m.column,
        message: m.message,
        excerpt: m.excerpt,
      })),
    })),
    null,
    2,
  )}\n`;

// What every report format receives: the findings per input file, plus the rule-set version.
import type { Problem, TextSpan, Waiver } from '../../model.ts';
import type { CatalogEntry, Finding } from '../engine.ts';
import type { AppliedFix } from '../fix.ts';

export interface FileResult {
  /** the path as the user gave it (or as found under a folder they gave) */
  file: string;
  findings: Finding[];
  /** problems that kept (part of) the file from being linted: unreadable, bad frontmatter */
  problems: Problem[];
  /** the absolute path (ESLint's `filePath`); defaults to `file` */
  filePath?: string;
  /** the file's text as linted, and its spans: lets `eslint` turn a fix into a source range */
  source?: string;
  spans?: TextSpan[];
  /** findings a reviewer waived in approvals.yaml, and by which waiver */
  waived?: Map<Finding, Waiver>;
}

export interface ReportMeta {
  ruleset: string;
  catalog: CatalogEntry[];
  /** the fixes `--fix` wrote, per file */
  fixed: { file: string; fixes: AppliedFix[] }[];
  /** ANSI colour in the human formats (a terminal, NO_COLOR unset) */
  color?: boolean;
  /**
   * The secret keying SARIF fingerprints (HMAC-SHA256): without it a fingerprint of a short text
   * (a bare phone number) could be reversed by hashing every candidate. No key, no fingerprints.
   */
  fingerprintKey?: Uint8Array;
  /** the directory SARIF artifact URIs are relative to (its `%SRCROOT%`), as a file: URI */
  srcRoot?: string;
}

export type Formatter = (results: FileResult[], meta: ReportMeta) => string;

export type Message = Problem & { excerpt: string; suggestion?: string; finding?: Finding };

/** Findings and load problems of a file, in file order, as one list of messages. */
export function messages(r: FileResult): Message[] {
  return [...r.problems.map((p) => ({ ...p, excerpt: '' })), ...r.findings.map((f) => ({ ...f, finding: f }))].sort(
    (a, b) => a.line - b.line || a.column - b.column,
  );
}

export function counts(results: FileResult[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const r of results)
    for (const m of messages(r)) {
      if (m.severity === 'error') errors++;
      else if (m.severity === 'warning') warnings++;
      else infos++;
    }
  return { errors, warnings, infos };
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : /(x|s|ch|sh)$/.test(word) ? 'es' : 's'}`;

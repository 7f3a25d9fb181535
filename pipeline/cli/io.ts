// What a command may touch of the process: output streams, standard input, the working directory
// and whether output goes to a terminal (colour, progress bar). Light on purpose: `wendu --help`
// loads this and nothing of the pipeline.
export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  /** whether stderr is a terminal (progress bar) or not (plain lines) */
  tty?: boolean;
  /** colour on stdout: a terminal and NO_COLOR unset (default: none) */
  color?: boolean;
  /** colour on stderr, by the same rule */
  colorErr?: boolean;
  /** the whole of standard input (`wendu lint -`) */
  stdin?: () => Promise<Uint8Array>;
  /** the process environment (NO_COLOR, WENDU_FINGERPRINT_KEY); default: none */
  env?: Record<string, string | undefined>;
}

import { colorWanted } from './commands.js';

export { colorWanted };

export const processIo = (): Io => ({
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  cwd: process.cwd(),
  tty: !!process.stderr.isTTY,
  color: colorWanted(process.stdout.isTTY, process.env),
  colorErr: colorWanted(process.stderr.isTTY, process.env),
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  },
  env: process.env,
});

export interface Paint {
  red: (s: string) => string;
  yellow: (s: string) => string;
  green: (s: string) => string;
  cyan: (s: string) => string;
  dim: (s: string) => string;
  bold: (s: string) => string;
  underline: (s: string) => string;
}

const sgr = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;
const plain = (s: string) => s;

/** ANSI styles when `on`, identity functions otherwise. */
export function paint(on: boolean | undefined): Paint {
  if (!on) return { red: plain, yellow: plain, green: plain, cyan: plain, dim: plain, bold: plain, underline: plain };
  return { red: sgr(31, 39), yellow: sgr(33, 39), green: sgr(32, 39), cyan: sgr(36, 39), dim: sgr(2, 22), bold: sgr(1, 22), underline: sgr(4, 24) };
}

export interface LocatedProblem {
  file: string;
  line: number;
  column: number;
  severity?: string;
  message: string;
  ruleId?: string;
  /** the field of a generated text (caption, image string): it has no line and column of its own */
  field?: string;
}

/**
 * The one line humans read, from `build` and `lint` alike: `path:line:col: severity message [rule]`
 * (editors, grep and terminals jump to `path:line:col`). Coloured severity when `color`.
 */
export function formatProblem(p: LocatedProblem, color?: boolean): string {
  const c = paint(color);
  const severity = p.severity ?? 'error';
  const sev = severity === 'error' ? c.red(severity) : severity === 'warning' ? c.yellow(severity) : c.cyan(severity);
  // a finding in a generated text has no place in the file: name its field, never a false 0:0
  const at = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : `${p.file}${p.field ? ` (${p.field})` : ''}`;
  return `${at}: ${sev} ${p.message}${p.ruleId ? ` ${c.dim(`[${p.ruleId}]`)}` : ''}`;
}

/** A usage error: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {}

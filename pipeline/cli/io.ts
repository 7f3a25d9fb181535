// What a command may touch of the process: output streams and the working directory.
export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  /** whether stderr is a terminal (progress bar) or not (plain lines) */
  tty?: boolean;
}

export const processIo = (): Io => ({
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  cwd: process.cwd(),
  tty: !!process.stderr.isTTY,
});

/** `path:line:col: message`, the shape editors and grep understand. */
export function formatProblem(p: { file: string; line: number; column: number; severity?: string; message: string; ruleId?: string }): string {
  return `${p.file}:${p.line}:${p.column}: ${p.severity ?? 'error'}: ${p.message}${p.ruleId ? ` [${p.ruleId}]` : ''}`;
}

/** A usage error: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {}

// A command's Io for tests: what it prints to stdout and stderr, collected.
export function capture(cwd: string, extra: Record<string, unknown> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s), cwd, tty: false, ...extra }, out, err };
}

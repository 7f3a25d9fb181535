// The `wendu` command: a table of commands, each module imported only when that command runs, so
// `wendu --help`, `--version` and `wendu help <command>` answer without loading the pipeline.
import { readFileSync } from 'node:fs';
import { paint, processIo, UsageError, type Io } from './io.ts';

type Command = (argv: string[], io: Io) => Promise<number>;

interface CommandEntry {
  /** one line for the general usage */
  summary: string;
  /** the command's own module, imported when it runs (or when its help is asked for) */
  load: () => Promise<Command>;
}

/**
 * Every command Wendu ships. Add a command here (name, one line, a lazy import) and it appears in
 * the usage, in `wendu help <command>` and in the dispatch.
 */
export const COMMANDS: Record<string, CommandEntry> = {
  build: { summary: "render the week's briefs into per-branch asset bundles", load: async () => (await import('./build.ts')).buildCommand },
  lint: { summary: 'check briefs or text files against the compliance rules', load: async () => (await import('./lint.ts')).lintCommand },
  verify: { summary: 'check a branch bundle against its manifest', load: async () => (await import('./verify.ts')).verifyCommand },
  waive: { summary: "record a reviewer's waiver of one warning in approvals.yaml", load: async () => (await import('./waive.ts')).waiveCommand },
};

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function usage(color?: boolean): string {
  const c = paint(color);
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  return `${c.bold('Usage:')} wendu <command> [options]

${c.bold('Commands:')}
${Object.entries(COMMANDS)
  .map(([name, e]) => `  ${c.cyan(name.padEnd(width))}  ${e.summary}`)
  .join('\n')}

  wendu help <command>   the command's options and exit codes
  wendu --version        the version of Wendu

Exit codes: 0 success; 1 problems found (see each command);
2 usage or configuration error.
`;
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v' || name === '-V') {
    io.stdout(`wendu ${version()}\n`);
    return 0;
  }
  if (!name) {
    io.stderr(usage(io.colorErr));
    return 2;
  }
  if (name === '--help' || name === '-h') {
    io.stdout(usage(io.color));
    return 0;
  }
  if (name === 'help') {
    const [topic] = rest;
    if (!topic) {
      io.stdout(usage(io.color));
      return 0;
    }
    if (!COMMANDS[topic]) {
      io.stderr(`wendu help: unknown command \`${topic}\`; expected one of: ${Object.keys(COMMANDS).join(', ')}\n`);
      return 2;
    }
    return run(topic, ['--help'], io);
  }
  if (!COMMANDS[name]) {
    io.stderr(`wendu: unknown command \`${name}\`; expected one of: ${Object.keys(COMMANDS).join(', ')}\n\n${usage(io.colorErr)}`);
    return 2;
  }
  return run(name, rest, io);
}

async function run(name: string, argv: string[], io: Io): Promise<number> {
  try {
    return await (await COMMANDS[name]!.load())(argv, io);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`wendu ${name}: ${(err as Error).message}\nRun \`wendu help ${name}\` for usage.\n`);
      return 2;
    }
    throw err;
  }
}

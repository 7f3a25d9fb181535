// The `wendu` command: dispatches to build, lint and verify.
import { processIo, UsageError, type Io } from './io.ts';

const USAGE = `Usage: wendu <command> [options]

Commands:
  build    render the week's briefs into per-branch asset bundles (wendu build --help)
  lint     check briefs or text files against the compliance rules (wendu lint --help)
  verify   check a branch bundle against its manifest (wendu verify --help)

Exit codes: 0 success, 1 problems found (see each command), 2 usage or configuration error.
`;

type Command = (argv: string[], io: Io) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  build: async () => (await import('./build.ts')).buildCommand,
  lint: async () => (await import('./lint.ts')).lintCommand,
  verify: async () => (await import('./verify.ts')).verifyCommand,
};

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.stdout : io.stderr)(USAGE);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`wendu: unknown command \`${name}\`; expected one of: ${Object.keys(COMMANDS).join(', ')}\n\n${USAGE}`);
    return 2;
  }
  try {
    return await (await load())(rest, io);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`wendu ${name}: ${(err as Error).message}\nRun \`wendu ${name} --help\` for usage.\n`);
      return 2;
    }
    throw err;
  }
}

// The `wendu` command: dispatches through the command table (commands.js), importing a command's
// module only when that command runs, so help and --version never load the pipeline.
import { answerWithoutCommand, COMMANDS, usage } from './commands.js';
import { processIo, UsageError, type Io } from './io.ts';

export { COMMANDS, version } from './commands.js';

type Command = (argv: string[], io: Io) => Promise<number>;

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const quick = answerWithoutCommand(argv, io.color, io.colorErr);
  if (quick) {
    if (quick.stdout) io.stdout(quick.stdout);
    if (quick.stderr) io.stderr(quick.stderr);
    return quick.code;
  }
  const [name, ...rest] = argv as [string, ...string[]];
  if (name === 'help') {
    const topic = rest[0]!;
    if (!Object.hasOwn(COMMANDS, topic)) {
      io.stderr(`wendu help: unknown command \`${topic}\`; expected one of: ${Object.keys(COMMANDS).join(', ')}\n`);
      return 2;
    }
    return run(topic, ['--help'], io);
  }
  if (!Object.hasOwn(COMMANDS, name)) {
    io.stderr(`wendu: unknown command \`${name}\`; expected one of: ${Object.keys(COMMANDS).join(', ')}\n\n${usage(io.colorErr)}`);
    return 2;
  }
  return run(name, rest, io);
}

async function run(name: string, argv: string[], io: Io): Promise<number> {
  const entry = COMMANDS[name]!;
  return runLoaded(name, () => import(new URL(entry.module, import.meta.url).href) as Promise<Record<string, Command>>, argv, io);
}

/** Runs command `name` from its module (loaded by `load`, or already loaded: bin.js's bundle of `wendu lint`). */
export async function runLoaded(name: string, load: Record<string, Command> | (() => Promise<Record<string, Command>>), argv: string[], io: Io = processIo()): Promise<number> {
  const entry = COMMANDS[name]!;
  try {
    const mod = typeof load === 'function' ? await load() : load;
    return await mod[entry.export]!(argv, io);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`wendu ${name}: ${(err as Error).message}\nRun \`wendu help ${name}\` for usage.\n`);
      return 2;
    }
    throw err;
  }
}

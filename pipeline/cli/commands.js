// The table of `wendu` commands, in plain JavaScript so that bin.js can answer `wendu --help` and
// `wendu --version` before TypeScript support (tsx) is even loaded. A command is a name, one line
// for the usage, and the module and export that run it — imported only when the command runs.
// To add a command, add a line here (main.ts dispatches from this table; `wendu help <name>`
// runs `<name> --help`).
import { readFileSync } from 'node:fs';
import { HELP_TEXTS } from './help.js';

/** @typedef {{ summary: string, module: string, export: string }} CommandEntry */

/** @type {Readonly<Record<string, CommandEntry>>} */
export const COMMANDS = Object.freeze({
  build: { summary: "render the week's briefs into per-branch asset bundles", module: './build.ts', export: 'buildCommand' },
  merge: { summary: "combine the out folders of a sharded build (build --shard I/N)", module: './merge.ts', export: 'mergeCommand' },
  lint: { summary: 'check briefs or text files against the compliance rules', module: './lint.ts', export: 'lintCommand' },
  verify: { summary: 'check a branch bundle against its manifest and signature', module: './verify.ts', export: 'verifyCommand' },
  keys: { summary: "make head office's signing key pair (wendu keys init)", module: './keys.ts', export: 'keysCommand' },
  waive: { summary: "record a reviewer's waiver of one warning in approvals.yaml", module: './waive.ts', export: 'waiveCommand' },
});

/**
 * https://no-color.org: colour on a terminal, unless NO_COLOR is present and not empty.
 * @param {boolean | undefined} isTTY
 * @param {Record<string, string | undefined>} env
 */
export const colorWanted = (isTTY, env) => !!isTTY && !env.NO_COLOR;

/** @returns {string} the version of the package */
export function version() {
  return JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
}

/**
 * The general usage; bold and cyan on a terminal.
 * @param {boolean | undefined} color
 * @returns {string}
 */
export function usage(color) {
  /** @type {(open: number, close: number) => (s: string) => string} */
  const sgr = (open, close) => (s) => (color ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  const bold = sgr(1, 22);
  const cyan = sgr(36, 39);
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, e]) => `  ${cyan(name.padEnd(width))}  ${e.summary}`);
  return `${bold('Usage:')} wendu <command> [options]

${bold('Commands:')}
${lines.join('\n')}

  wendu help <command>   the command's options and exit codes
  wendu --version        the version of Wendu

Exit codes: 0 success; 1 problems found (see each command);
2 usage or configuration error.
`;
}

/**
 * What needs no command module at all: --version, --help, `help` alone, no arguments.
 * @param {string[]} argv
 * @param {boolean | undefined} color colour on stdout
 * @param {boolean | undefined} colorErr colour on stderr
 * @returns {{ code: number, stdout?: string, stderr?: string } | undefined}
 */
export function answerWithoutCommand(argv, color, colorErr) {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v' || name === '-V') return { code: 0, stdout: `wendu ${version()}\n` };
  if (name === undefined) return { code: 2, stderr: usage(colorErr) };
  if (name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) return { code: 0, stdout: usage(color) };
  // a command's help needs none of the pipeline: `wendu help build`, `wendu build --help`
  const topic = name === 'help' && rest.length === 1 ? rest[0] : rest.length === 1 && (rest[0] === '--help' || rest[0] === '-h') ? name : undefined;
  if (topic !== undefined && Object.hasOwn(HELP_TEXTS, topic) && Object.hasOwn(COMMANDS, topic)) return { code: 0, stdout: /** @type {Record<string, string>} */ (HELP_TEXTS)[topic] };
  return undefined;
}

// `wendu verify BUNDLE.zip…`: is this bundle exactly what Wendu approved?
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { verifyBundle } from '../bundle/verify.ts';
import { UsageError, type Io } from './io.ts';

const HELP = `Usage: wendu verify BUNDLE.zip…

Checks a branch bundle against its manifest: every file's size and SHA-256, no file added or
missing, and the approval stamp over the manifest.

Exit codes:
  0  intact
  1  a file was altered, added or removed, or the manifest does not match its stamp
  2  usage error (no bundle named, file not found)
`;

export async function verifyCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h', default: false } }, allowPositionals: true, strict: true });
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('name the bundle to verify, e.g. wendu verify out/2026-W48/bundles/xihu.zip');
  let worst = 0;
  for (const path of positionals) {
    const data = await readFile(resolve(io.cwd, path)).catch(() => undefined);
    if (!data) throw new UsageError(`cannot read \`${path}\``);
    const result = await verifyBundle(data);
    if (result.problems.length === 0) {
      const m = result.manifest!;
      io.stdout(`${path}: intact — ${result.files} files, ${m.branch} ${m.week}, rule set ${m.ruleset}, approval stamp ${m.approval.stamp.slice(0, 16)}…\n`);
    } else {
      worst = 1;
      io.stderr(`${path}: NOT intact\n${result.problems.map((p) => `  ${p}\n`).join('')}`);
    }
  }
  return worst;
}

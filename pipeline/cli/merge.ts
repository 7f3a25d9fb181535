// `wendu merge`: the shards of one week (`wendu build --shard I/N`, each into its own out folder)
// combined into one out/<week>/: each branch's folders, bundle, outcome and thumbnails copied
// from the shard that built it, the audit log's branch transactions put in branches.yaml order,
// and run.json, the portal, the report, lint.json, lint.sarif and plan.json written from the
// shards' review/shard.json through the same writer a build uses — the bytes one unsharded build
// writes (with the same SOURCE_DATE_EPOCH for the audit stamps).
import { HELP_TEXTS } from './help.js';
import { parseArgs } from 'node:util';
import { cp, mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fingerprintKey } from './files.ts';
import { UsageError, type Io } from './io.ts';
import { acquireLock, PUBLIC, REVIEW, writeAtomic } from './out.ts';
import { mergePieces, SHARD_FILE, writeRunFiles, type RunPieces } from './publish.ts';

const HELP = HELP_TEXTS.merge;

type ShardPieces = RunPieces & { shard: { index: number; count: number } };

const exists = (p: string) => stat(p).then(() => true, () => false);

export async function mergeCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { week: { type: 'string' }, out: { type: 'string', default: 'out' }, help: { type: 'boolean', short: 'h', default: false } },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('name the shards\' out folders: wendu merge out-1 out-2 out-3');
  const dirs = positionals.map((p) => resolve(io.cwd, p));
  let week = values.week;
  if (!week) {
    const weeks = new Set<string>();
    for (const d of dirs) for (const w of await readdir(d).catch(() => [] as string[])) if (/^\d{4}-W\d{2}$/.test(w)) weeks.add(w);
    if (weeks.size !== 1) throw new UsageError(`the shards hold ${weeks.size ? `weeks ${[...weeks].sort().join(', ')}` : 'no week'}; name one with --week`);
    week = [...weeks][0]!;
  }

  const shards: { dir: string; pieces: ShardPieces }[] = [];
  for (const d of dirs) {
    const file = join(d, week, REVIEW, SHARD_FILE);
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (!text) {
      io.stderr(`wendu merge: ${file}: no shard output here; build it with \`wendu build --shard I/N --out ${d}\`\n`);
      return 1;
    }
    shards.push({ dir: join(d, week), pieces: JSON.parse(text) as ShardPieces });
  }
  const count = shards[0]!.pieces.shard.count;
  const seen = shards.map((s) => s.pieces.shard.index).sort((a, b) => a - b);
  const expected = Array.from({ length: count }, (_, i) => i + 1);
  if (shards.some((s) => s.pieces.shard.count !== count) || seen.join() !== expected.join()) {
    io.stderr(`wendu merge: expected shards 1…${count} of ${count} once each, got ${shards.map((s) => `${s.pieces.shard.index}/${s.pieces.shard.count}`).join(', ')}\n`);
    return 1;
  }
  const rulesets = new Set(shards.map((s) => s.pieces.ruleset));
  if (rulesets.size > 1) {
    io.stderr(`wendu merge: the shards were built with different rule sets (${[...rulesets].join(', ')}); build them again with the same policy\n`);
    return 1;
  }

  const outWeek = resolve(io.cwd, values.out!, week);
  const lock = await acquireLock(outWeek, new Date());
  if ('heldBy' in lock) {
    io.stderr(`wendu merge: a build (pid ${lock.heldBy.pid}) is writing ${values.out}/${week}/\n`);
    return 2;
  }
  try {
    // each branch's files from the shard that built it
    const audit = new Map<string, string[]>();
    for (const { dir, pieces } of shards) {
      const branches = [...new Set(pieces.results.map((r) => r.branch))];
      for (const b of branches) {
        for (const rel of [join(PUBLIC, b), join(PUBLIC, 'bundles', `${b}.zip`), join(REVIEW, 'outcomes', `${b}.json`), join(REVIEW, 'thumbs', b), join(REVIEW, 'images', b)]) {
          if (await exists(join(dir, rel))) {
            await mkdir(join(outWeek, rel, '..'), { recursive: true });
            await cp(join(dir, rel), join(outWeek, rel), { recursive: true });
          }
        }
      }
      if (await exists(join(dir, PUBLIC, 'signing-key.pub'))) await cp(join(dir, PUBLIC, 'signing-key.pub'), join(outWeek, PUBLIC, 'signing-key.pub'));
      const lines = (await readFile(join(dir, REVIEW, 'audit.jsonl'), 'utf8').catch(() => '')).split('\n').filter((l) => l.trim());
      for (const line of lines) {
        const branch = (JSON.parse(line) as { branch?: string }).branch ?? '';
        audit.set(branch, [...(audit.get(branch) ?? []), line]);
      }
    }
    const order = shards[0]!.pieces.order;
    const rank = (b: string) => (order.indexOf(b) < 0 ? 1e9 : order.indexOf(b));
    const lines = [...audit.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1)).flatMap((b) => audit.get(b)!);
    await writeAtomic(join(outWeek, REVIEW, 'audit.jsonl'), lines.map((l) => `${l}\n`).join(''));

    const merged = mergePieces(shards.map((s) => s.pieces));
    const sarif = { fingerprintKey: await fingerprintKey(io.cwd, io.env ?? {}), srcRoot: pathToFileURL(`${io.cwd}/`).href };
    await writeRunFiles(outWeek, merged, sarif);
    io.stdout(`wendu merge: ${shards.length} shards of ${week} → ${values.out}/${week}/ (${new Set(merged.results.map((r) => r.branch)).size} branches, ${merged.results.length} assets)\n`);
    return 0;
  } finally {
    await lock.release();
  }
}

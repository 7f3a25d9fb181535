// `npm run bench:cli [-- N]`: how long the `wendu` command takes to answer without doing any work —
// `wendu --help`, `--version`, `wendu help build` and `wendu lint --help` — as a fresh process each
// time, the median of N runs (default 15), beside a bare `node -e 0` for the machine's own start-up.
// All of them are answered from the command table and the help texts (commands.js, help.js)
// before tsx or any pipeline module loads.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('./bin.js', import.meta.url));
const runs = Math.max(3, Number(process.argv[2] ?? 15) || 15);

function time(args: string[], script: string[] = [BIN]): number[] {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [...script, ...args], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NO_COLOR: '1' } });
    if (r.status !== 0) throw new Error(`wendu ${args.join(' ')} exited ${r.status}`);
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return ms.sort((a, b) => a - b);
}

const median = (xs: number[]) => (xs.length % 2 ? xs[(xs.length - 1) >> 1]! : (xs[xs.length / 2 - 1]! + xs[xs.length / 2]!) / 2);
console.log(`wendu CLI start-up, ${runs} fresh processes each (node ${process.version}):`);
for (const [label, xs] of [
  ['node -e 0 (baseline)', time([], ['-e', '0'])],
  ['wendu --help', time(['--help'])],
  ['wendu --version', time(['--version'])],
  ['wendu help build', time(['help', 'build'])],
  ['wendu lint --help', time(['lint', '--help'])],
] as const) {
  console.log(`  ${label.padEnd(22)} median ${median(xs).toFixed(0).padStart(4)} ms   (min ${xs[0]!.toFixed(0)}, max ${xs.at(-1)!.toFixed(0)})`);
}

// `npm run bench:lint`: throughput of Wendu's linter on generated Chinese marketing text, side by
// side with a plain baseline — one combined RegExp over the same word list, on the same texts — in
// one run. Single-threaded (one core). Three figures:
//   - in-process lintSpans over assets of a few texts each (the batch's case);
//   - `wendu lint` on ONE large .txt file (BENCH_FILE_BYTES, default 8 MB), start-up included;
//   - `wendu lint` on the same bytes as many small .txt files (~550 bytes each), start-up included.
// The bar: ≥ 10 MB/s of UTF-8 input for both `wendu lint` figures.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { TextSpan } from '../model.ts';
import { lintSpans, rulesetVersion, type LintContext } from './index.ts';
import { RULES_DIR } from './rules.ts';
import { rng } from '../tools/rng.ts';

const TARGET_BYTES = Number(process.env.BENCH_BYTES ?? 4 * 1024 * 1024);
const FILE_BYTES = Number(process.env.BENCH_FILE_BYTES ?? 8 * 1000 * 1000);
const ROUNDS = 3;

// What the personas write, plus the violations a reviewer meets now and then.
const CLEAN = [
  '早上好！今天的晨会我们聊了养老规划，慢慢来，比较快。',
  '拆迁款到手，先留足生活备用金，再考虑分散配置。',
  '资产配置说白了，就是别把鸡蛋放在一个篮子里。',
  '周末拍了西湖的日落，分享给大家，祝大家周末愉快。',
  '张阿姨今年68岁，每天早上都来网点跟我们打招呼。',
  '李先生说，孙子的教育金要早点准备，我们一起算了算时间。',
  '咨询电话 0571-8765 4321 / 95527，工作日 9:00-17:00。',
  '最低起购金额1元，最短持有期30天，风险等级R2（中低风险）。',
  '小U举着咖啡说：周一也要元气满满！',
  '本周六下午，网点三楼活动室有理财小白入门课，免费参加。',
  '警惕"高息"诱惑，凡是说稳赚不赔的，都要多问一句、多等一天。',
  '第一件事：先留足生活备用金，装修、搬家、看病都要用钱。',
  '跑步和理财一样，配速稳比冲得快重要。',
  '业绩比较基准为年化2.8%-3.5%，选取理由与测算方法详见产品说明书。',
  '小U提醒：不要把银行卡号、验证码告诉陌生人！',
  '天气转凉，晨跑的朋友们注意保暖，慢慢来。',
];
const DIRTY = [
  '这款理财稳赚不赔，年化可达4.8%！',
  '保 本 保 息，到期连本带息一起拿。',
  '預期收益率4.5%，額度告急，手慢無！',
  '客户王建华说已经赚了两万，联系电话13800138000。',
  '卡号6222021234567890128，身份证11010519491231002X。',
  '全行收益最高的理财产品，政府兜底。',
];
const WARNING = '理财非存款、产品有风险、投资须谨慎。';


/** Assets of 2–4 texts (title, body, caption…), each a few sentences, ~TARGET_BYTES in all. */
function generate(target = TARGET_BYTES): TextSpan[][] {
  const rand = rng(48);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const assets: TextSpan[][] = [];
  let bytes = 0;
  let n = 0;
  while (bytes < target) {
    const spans: TextSpan[] = [];
    const count = 2 + Math.floor(rand() * 3);
    for (let i = 0; i < count; i++) {
      let text = '';
      const sentences = i === 0 ? 1 : 3 + Math.floor(rand() * 6);
      for (let s = 0; s < sentences; s++) text += rand() < 0.03 ? pick(DIRTY) : pick(CLEAN);
      if (i === count - 1 && rand() < 0.7) text += WARNING;
      spans.push({ field: i === 0 ? 'title' : i === count - 1 ? 'caption' : 'body', text, file: `bench/${n}.md`, start: { line: 1 + i * 3, column: 1 } });
      bytes += Buffer.byteLength(text, 'utf8');
    }
    assets.push(spans);
    n++;
  }
  return assets;
}

/** The word list of the word-list rules, as written in their files. */
function wordList(): string[] {
  const terms: string[] = [];
  for (const f of readdirSync(RULES_DIR).filter((f) => f.endsWith('.yaml'))) {
    const data = parseYaml(readFileSync(new URL(f, RULES_DIR), 'utf8')) as { terms?: (string | { text: string })[] };
    for (const t of data.terms ?? []) terms.push(typeof t === 'string' ? t : t.text);
  }
  return [...new Set(terms)];
}

function time(fn: () => number): { ms: number; found: number } {
  let best = Infinity;
  let found = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    found = fn();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, found };
}

const ctx: LintContext = { personaNames: ['周建国', '小U'], allowedPhones: ['0571-8765 4321'], hotlines: ['95527'] };
const assets = generate();
const totalBytes = assets.reduce((n, a) => n + a.reduce((m, s) => m + Buffer.byteLength(s.text, 'utf8'), 0), 0);
const words = wordList();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const baseline = new RegExp(words.sort((a, b) => b.length - a.length).map(escape).join('|'), 'gi');

// warm-up: compile the rules, fill the normalisation table, let the JIT see both loops
lintSpans(assets[0]!, ctx);
for (const a of assets.slice(0, 50)) for (const s of a) s.text.match(baseline);

const wendu = time(() => {
  let n = 0;
  for (const a of assets) n += lintSpans(a, ctx).length;
  return n;
});
const plain = time(() => {
  let n = 0;
  for (const a of assets) for (const s of a) n += s.text.match(baseline)?.length ?? 0;
  return n;
});

// Hostile shapes: one text made of a pattern the detectors look at closely, repeated. A linear
// linter takes about 4× the time for 4× the text; a quadratic spot shows as 16×.
const HOSTILE: [string, (n: number) => string][] = [
  ['numbers in pieces', (n) => '前3位138，中间4位0013，后4位8000，'.repeat(n / 24)],
  ['@mentions', (n) => '@王建华 '.repeat(n / 5)],
  ['a list over lines', (n) => `名单：\n${'1. 林雪梅\n'.repeat(n / 7)}`],
  ['client word + name', (n) => '客户孙建国光荣退休，'.repeat(n / 10)],
  ['digits after a label', (n) => `名单：\n${'1'.repeat(n)}`],
  ['letters for digits', (n) => 'l39 OO13 '.repeat(n / 9)],
  ['terms in one sentence', (n) => '稳赚不赔'.repeat(n / 4)],
  ['pinyin words', (n) => 'wen zhuan bu pei '.repeat(n / 17)],
  // (a claim on every line: what a line-bound look at each claim's line costs)
  ['a claim per line', (n) => '这款理财稳赚不赔，别犹豫～\n'.repeat(n / 14)],
  ['quoted pitches in rows', (n) => '「稳赚不赔」「保本保息」——\n'.repeat(n / 15)],
  // (a statute cited, its lines read back to the citation: once per sentence, not per word)
  ['a statute, cited', (n) => `《广告法》第二十五条抄给大家看看：\n${'（一）不得明示或者暗示保本、无风险或者保收益；\n'.repeat(n / 26)}`],
  // (a pronoun looks back for its person; a rhetorical 不就…嘛 reads to its sentence's end)
  ['people and questions', (n) => '我舅舅买了这款理财。他说收益比他预想的多不少，那不就跟存定期一样嘛？\n'.repeat(n / 36)],
  // (a table's rows, each looking up to its header, after one long line: read back a bounded way)
  ['table rows after a line', (n) => `${'x'.repeat(n / 2)}\n${'|稳赚不赔|\n'.repeat(n / 14)}`],
  // (a comment thread on one line: each comment's opening is looked for a bounded way back)
  ['a thread on one line', (n) => '@张女士：买理财会不会亏？回复@张女士：这款稳赚不赔。'.repeat(n / 29)],
  // (stop 35's readings: numbers written with a mask, Hong Kong flats and romanised names in a prize list)
  ['masks among digits', (n) => '138*'.repeat(n / 4)],
  ['Hong Kong flats', (n) => '寄去：海景大廈B座9樓3室嘅陳伯，'.repeat(n / 18)],
  ['romanised names', (n) => '一等獎：Chan Tai Man '.repeat(n / 19)],
  // (a masked number and its hidden digits given after it, over and over: each piece read once)
  ['masks and their middles', (n) => '钱先生138****5167，中间四位是2946。'.repeat(n / 24)],
];
const hostile = HOSTILE.map(([name, make]) => {
  const at = (n: number) => {
    const text = make(n);
    const t0 = performance.now();
    lintSpans([{ field: 'body', text, file: 'hostile.txt' }], ctx);
    return performance.now() - t0;
  };
  at(5000);
  const [a, b] = [at(100_000), at(400_000)];
  return `  ${name.padEnd(22)} ${a.toFixed(0).padStart(6)} ms at 100k chars, ${b.toFixed(0).padStart(6)} ms at 400k: ${(b / a).toFixed(1)}× for 4× the text`;
});

const mb = totalBytes / 1e6;
const rate = (ms: number) => mb / (ms / 1000);
const line = (name: string, r: { ms: number; found: number }) =>
  `${name.padEnd(34)} ${rate(r.ms).toFixed(1).padStart(7)} MB/s  ${r.ms.toFixed(0).padStart(6)} ms  ${String(r.found).padStart(6)} matches`;

// `wendu lint` as a user runs it: a fresh process per run (start-up included), on one large file
// and on the same text as many small files.
const BIN = fileURLToPath(new URL('../cli/bin.js', import.meta.url));
// BENCH_KEEP=DIR writes the files there and keeps them (for profiling)
const keep = process.env.BENCH_KEEP;
const dir = keep ? (mkdirSync(keep, { recursive: true }), keep) : mkdtempSync(join(tmpdir(), 'wendu-bench-'));
const fileText = generate(FILE_BYTES)
  .map((a) => a.map((s) => s.text).join('\n'))
  .join('\n');
const fileBytes = Buffer.byteLength(fileText, 'utf8');
writeFileSync(join(dir, 'large.txt'), fileText);
mkdirSync(join(dir, 'small'), { recursive: true });
{
  let i = 0;
  let at = 0;
  const step = 180; // characters: ~550 bytes of mostly CJK text
  while (at < fileText.length) {
    writeFileSync(join(dir, 'small', `${String(i++).padStart(6, '0')}.txt`), fileText.slice(at, at + step));
    at += step;
  }
}
const smallCount = readdirSync(join(dir, 'small')).length;
// the CPU time of each run too (user + system, from GNU time where there is one): on a machine
// busy with other work, wall time says little and CPU time still says what one core needs
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
function cli(path: string): { ms: number; cpuMs?: number } {
  let best = Infinity;
  let bestCpu = Infinity;
  for (let r = 0; r < 2; r++) {
    const t0 = performance.now();
    const [cmd, args] = GNU_TIME ? [GNU_TIME, ['-f', '\n%U %S', process.execPath, BIN, 'lint', '--format', 'json', path]] : [process.execPath, [BIN, 'lint', '--format', 'json', path]];
    const res = spawnSync(cmd, args, { maxBuffer: 1 << 30 });
    if (res.status !== 0 && res.status !== 1) throw new Error(`wendu lint ${path} exited ${res.status}: ${res.stderr}`);
    // (exit 1 is also a crash's status: a run counts only when it printed its report; a linter that
    // throws at start-up would otherwise be timed as a very fast one)
    try {
      JSON.parse(res.stdout.toString());
    } catch {
      throw new Error(`wendu lint ${path} printed no JSON report (exit ${res.status}): ${res.stderr.toString().slice(-2000)}`);
    }
    best = Math.min(best, performance.now() - t0);
    const times = GNU_TIME ? /(\d+(?:\.\d+)?) (\d+(?:\.\d+)?)\s*$/.exec(res.stderr.toString()) : null;
    if (times) bestCpu = Math.min(bestCpu, (Number(times[1]) + Number(times[2])) * 1000);
  }
  return { ms: best, ...(Number.isFinite(bestCpu) ? { cpuMs: bestCpu } : {}) };
}
writeFileSync(join(dir, 'one-line.txt'), `${CLEAN[0]}\n`);
const startup = cli(join(dir, 'one-line.txt'));
const large = cli(join(dir, 'large.txt'));
const small = cli(join(dir, 'small'));
if (!keep) rmSync(dir, { recursive: true, force: true });
const fileMb = fileBytes / 1e6;
const cliLine = (name: string, r: { ms: number; cpuMs?: number }) =>
  `${name.padEnd(34)} ${(fileMb / (r.ms / 1000)).toFixed(1).padStart(7)} MB/s  ${r.ms.toFixed(0).padStart(6)} ms` +
  (r.cpuMs !== undefined ? `  (CPU ${r.cpuMs.toFixed(0)} ms: ${(fileMb / (r.cpuMs / 1000)).toFixed(1)} MB per CPU-second)` : '');
const met = (r: { ms: number }) => fileMb / (r.ms / 1000) >= 10;

process.stdout.write(
  [
    `wendu lint benchmark · ruleset ${rulesetVersion()} · ${mb.toFixed(2)} MB (UTF-8) in ${assets.length} assets · ${words.length} words · best of ${ROUNDS} · one core`,
    line('wendu lintSpans (all rules)', wendu),
    line('baseline: one combined RegExp', plain),
    `ratio: wendu is ${(rate(wendu.ms) / rate(plain.ms)).toFixed(2)}× the baseline's throughput (${(wendu.ms / plain.ms).toFixed(1)}× its time)`,
    `\`wendu lint\`, start-up included, ${fileMb.toFixed(2)} MB, best of 2:`,
    `${'  start-up (a one-line file)'.padEnd(34)} ${startup.ms.toFixed(0).padStart(15)} ms${startup.cpuMs !== undefined ? `  (CPU ${startup.cpuMs.toFixed(0)} ms)` : ''}`,
    cliLine('  one large .txt file', large),
    cliLine(`  ${smallCount} small .txt files`, small),
    `bar: ≥ 10 MB/s each — ${met(large) && met(small) ? 'met' : 'NOT met'}`,
    'hostile shapes, one text each (linear: about 4×):',
    ...hostile,
    '',
  ].join('\n'),
);

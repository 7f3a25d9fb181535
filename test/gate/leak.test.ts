// Deliverable 4 of issue 12, the leak test: a seeded set of realistic client details (resident IDs
// with valid MOD 11-2 check digits, one typed with × for X; mobiles in six spellings; bank cards
// with valid Luhn; full names with honorifics; an email; a home address) is planted over the sample
// briefs' texts, frontmatter fields and file names; a signed build and `wendu lint` in every format
// must never show one raw (nor its digits with separators removed, nor the name without its
// honorific) in any file or file name under out/ (zips unpacked), nor on stdout/stderr, while the
// reviewers' report shows each one masked with its file:line.
import { describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../pipeline/cli/main.ts';
import { readZip } from '../../pipeline/bundle/verify.ts';
import { CONTENT_DIR } from '../helpers/content.ts';
import { rng } from '../../pipeline/tools/rng.ts';

const rand = rng(20261202);
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');

/** GB 11643 MOD 11-2 */
function idCheck(body17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const s = [...body17].reduce((a, d, i) => a + Number(d) * w[i]!, 0);
  return '10X98765432'[s % 11]!;
}
function residentId(wantX: boolean): string {
  for (;;) {
    const year = 1950 + Math.floor(rand() * 50);
    const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
    const body = `330106${year}${month}${day}${digits(3)}`;
    const id = body + idCheck(body);
    if (wantX === id.endsWith('X')) return id;
  }
}
function luhnCard(prefix: string, length: number): string {
  const body = prefix + digits(length - prefix.length - 1);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d *= 2;
    sum += d > 9 ? d - 9 : d;
  }
  return body + ((10 - (sum % 10)) % 10);
}
const mobile = () => `1${'3589'[Math.floor(rand() * 4)]}${digits(9)}`;
const fullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
const chineseNumerals = (s: string) => s.replace(/\d/g, (d) => '〇一二三四五六七八九'[Number(d)]!);
const dashed = (p: string) => `${p.slice(0, 3)}-${p.slice(3, 7)}-${p.slice(7)}`;
const spaced = (p: string) => `${p.slice(0, 3)} ${p.slice(3, 7)} ${p.slice(7)}`;
const grouped = (c: string) => c.replace(/(\d{4})(?=\d)/g, '$1 ');

const ID1 = residentId(false);
const ID2 = residentId(true); // typed with × for X
const ID3 = residentId(false); // in a file name
const P = Array.from({ length: 15 }, mobile);
const CARD62 = luhnCard('622202', 19);
const PASSPORT = `E${digits(8)}`;
const CARD4 = luhnCard('4', 16);
const CARD5 = luhnCard('5', 16);

/** a planted detail: how it is typed, and the forms that must never appear in out/ */
interface Detail { kind: string; typed: string; forms: string[] }
const D = (kind: string, typed: string, ...forms: string[]): Detail => ({ kind, typed, forms: [typed, ...forms] });
const only = (s: string) => s.replace(/\D/g, '');
const DETAILS = {
  title: D('name', '张建国先生', '张建国'),
  body: D('phone', P[0]!),
  unit: D('phone-dashed', dashed(P[1]!), P[1]!),
  label: D('id', ID1),
  subtitle: D('phone+86', `+86 ${spaced(P[2]!)}`, spaced(P[2]!), P[2]!),
  bodyCard: D('card-62', grouped(CARD62), CARD62),
  bodyId: D('id-×', ID2.replace('X', '×'), ID2, ID2.slice(0, 17)),
  bodyName: D('name', '李秀英女士', '李秀英'),
  tile: D('phone-fullwidth', fullWidth(P[3]!), P[3]!),
  place: D('address', '杭州市西湖区文三路188号5幢2单元301室', '文三路188号5幢2单元301室'),
  email: D('email', 'zhangjianguo1965@163.com', 'zhangjianguo1965'),
  sticker: D('name', '王海涛总', '王海涛'),
  weather: D('phone-chinese', chineseNumerals(P[4]!), P[4]!),
  cta: D('card-4', CARD4),
  caption: D('card-5', grouped(CARD5), CARD5),
  fileName: D('phone-file', P[5]!),
  fileNameId: D('id-file', ID3),
  dayValue: D('phone-day', P[6]!),
  spaced: D('phone-spaced', spaced(P[7]!), P[7]!),
  softBreak: D('phone-soft-break', `${P[8]!.slice(0, 6)}\n${P[8]!.slice(6)}`, P[8]!),
  sign: D('name', '赵丽华女士', '赵丽华'),
  eventName: D('name', '孙志强先生', '孙志强'),
  waiverReason: D('phone-waiver', P[9]!),
  titlePhone: D('phone-title', P[10]!),
  segment: D('name', '周美玲女士', '周美玲'),
  timeValue: D('phone-time', P[11]!),
  poseValue: D('phone-pose', P[12]!),
  link: D('phone-link', P[13]!),
  passport: D('passport', PASSPORT),
  plate: D('plate', '浙A 8K2C9', '浙A8K2C9'),
  winner: D('name-in-list', '刘德明'),
  village: D('address-village', '仓前街道新桥村3组25号', '新桥村3组25号'),
  emailAt: D('email-at', 'liu.deming(at)qq。com', 'liu.deming'),
};
/** planted outside the briefs' texts: located by their own assertions */
const ELSEWHERE = new Set(['fileName', 'fileNameId', 'dayValue', 'waiverReason', 'timeValue', 'poseValue', 'segment']);
const ALL: Detail[] = Object.values(DETAILS);

/** every form of every detail, plus its digits with separators removed */
function needles(): { detail: Detail; needle: string }[] {
  const out: { detail: Detail; needle: string }[] = [];
  for (const detail of ALL) {
    const forms = new Set(detail.forms);
    for (const f of detail.forms) if (only(f).length >= 7) forms.add(only(f));
    for (const needle of forms) out.push({ detail, needle });
  }
  return out;
}
/** the leaks in one text: also reads it with separators removed between digits */
function leaksIn(text: string): string[] {
  const squeezed = text.replace(/(?<=\d)[\s\-–—_.·,，/]+(?=\d)/g, '');
  return needles().filter(({ needle }) => text.includes(needle) || squeezed.includes(needle)).map(({ detail, needle }) => `${detail.kind}:${needle}`);
}
/** ASCII digit runs in a binary file's bytes */
function binaryLeaks(data: Buffer): string[] {
  const runs = data.toString('latin1').match(/\d{7,}/g) ?? [];
  return needles().filter(({ needle }) => /^\d+$/.test(needle) && runs.some((r) => r.includes(needle))).map(({ detail, needle }) => `${detail.kind}:${needle}`);
}
const TEXT = /\.(html?|json|jsonl|sarif|md|ics|txt|csv|log|xml|svg|yaml|yml|js|css|pub|sig)$/i;

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(p + '/', ...(await walk(p)));
    else out.push(p);
  }
  return out;
}

/** every leak under `dir`: names, text contents, zip entries (names and contents), binary digit runs */
async function scanTree(dir: string, places: { n: number }): Promise<string[]> {
  const found: string[] = [];
  const scanFile = async (name: string, data: Buffer) => {
    places.n += 2;
    for (const l of leaksIn(name)) found.push(`${name} (name) ${l}`);
    if (/\.zip$/i.test(name)) {
      const entries = await readZip(data);
      for (const [entry, body] of entries) await scanFile(`${name}!${entry}`, body);
    } else if (TEXT.test(name)) for (const l of leaksIn(data.toString('utf8'))) found.push(`${name} ${l}`);
    else for (const l of binaryLeaks(data)) found.push(`${name} (bytes) ${l}`);
  };
  for (const file of await walk(dir)) {
    if (file.endsWith('/')) {
      places.n++;
      for (const l of leaksIn(file)) found.push(`${file} (folder) ${l}`);
    } else await scanFile(file.slice(dir.length), await readFile(file));
  }
  return found;
}

async function edit(file: string, f: (s: string) => string) {
  const before = await readFile(file, 'utf8');
  const after = f(before);
  expect(after, file).not.toBe(before);
  await writeFile(file, after);
}

/** plants every detail in a temp copy of the sample content; returns the briefs' paths (relative to the temp dir) */
async function plant(dir: string) {
  const w = join(dir, 'content/weeks/2026-W48');
  const d = DETAILS;
  await edit(join(w, 'xihu/fri-client-story.md'), (s) =>
    s.replace('title: 张阿姨的一封手写感谢信', `title: ${d.title.typed}的一封手写感谢信`).replace('这封信，我们贴在了网点的墙上。', `这封信，我们贴在了网点的墙上。客户电话${d.body.typed}。`),
  );
  await edit(join(w, 'xihu/thu-weekly-report.md'), (s) => s.replace('title: 财富健康周报：本周街坊最关心什么？', `title: 财富健康周报：客户${d.titlePhone.typed}`).replace('unit: 次', `unit: 次 客户${d.unit.typed}`).replace('label: 防诈骗', `label: "${d.label.typed}"`));
  await edit(join(w, 'xihu/tue-eggs-and-baskets.md'), (s) =>
    s.replace('subtitle: 用大白话讲讲"资产配置"', `subtitle: 客户手机${d.subtitle.typed}`).replace('这就是资产配置最朴素的道理：', `客户卡号${d.bodyCard.typed}\n\n客户电话${d.softBreak.typed}\n\n这就是资产配置最朴素的道理：`),
  );
  await edit(join(w, 'xihu/mon-morning-meeting.md'), (s) =>
    s.replace('今天早上跑完西湖一圈', `今天${d.bodyName.typed}来网点，身份证号${d.bodyId.typed}，手机${d.spaced.typed}。今天早上跑完西湖一圈`),
  );
  await edit(join(w, 'xihu/fri-client-story.md'), (s) =>
    `${s.trimEnd()}\n\n获奖名单：${d.winner.typed}、陈女士。客户护照号${d.passport.typed}，车牌${d.plate.typed}。\n\n客户住址：${d.village.typed}，邮箱 ${d.emailAt.typed}\n`,
  );
  await edit(join(w, 'xihu/sat-weekend-walk.md'), (s) => s.replace('一杯龙井茶', `电话${d.tile.typed}`));
  await edit(join(w, '_all/wed-invitation-tea-party.md'), (s) =>
    s.replace('place: 本支行三楼客户活动室', `place: 客户家${d.place.typed}`).replace('name: 冬日暖心茶话会 · 防诈骗小课堂', `name: 冬日暖心茶话会 · 客户${d.eventName.typed}专场`).replace('天冷了，小U煮好了热茶', `报名请发邮件到${d.email.typed}。天冷了，小U煮好了热茶`),
  );
  await edit(join(w, '_all/mon-sticker-pack.md'), (s) =>
    s.replace('么么哒', `${d.sticker.typed}`).replace('weather: 早呀！今天有雨，记得带伞~', `weather: 客户电话${d.weather.typed}`),
  );
  await edit(join(w, '_all/tue-poster-finance-101.md'), (s) =>
    s.replace('sign: 理财小白入门指南', `sign: 客户${d.sign.typed}`).replace('link: https://events.tongxin-bank.example/finance-101', `link: https://events.tongxin-bank.example/finance-101?tel=${d.link.typed}`).replace('cta: 扫码报名，周六见！', `cta: 客户卡号${d.cta.typed}\ncaption: 客户银行卡${d.caption.typed}，周六见`),
  );
  const poster = await readFile(join(w, 'xihu/tue-eggs-and-baskets.md'), 'utf8');
  // a brief whose only fault is its file name; another whose `day` is a phone (quoted back by the loader)
  await writeFile(join(w, `xihu/fri-visit-${d.fileName.typed}.md`), poster.replace(/day: tue/, 'day: fri').replace(/subtitle: .*/, 'subtitle: 回访'));
  await cp(join(w, '_all/mon-sticker-pack.md'), join(w, `_all/thu-id-${d.fileNameId.typed}.md`));
  await writeFile(join(w, 'xihu/sun-bad-day.md'), poster.replace(/day: tue/, `day: "${d.dayValue.typed}"`).replace(/subtitle: .*/, 'subtitle: 回访'));
  // a reviewer's waiver whose reason quotes a client's phone (its hash matches nothing: a stale waiver)
  await edit(join(dir, 'content/approvals.yaml'), (s) => `${s.trimEnd()}\n  - brief: xihu/tue-eggs-and-baskets\n    rule: safety-words\n    textHash: ${'ab'.repeat(32)}\n    reviewer: 王审核（合规部）\n    date: 2026-11-20\n    reason: 已电话回访客户${d.waiverReason.typed}，同意发布。\n`);
  await writeFile(join(w, 'xihu/sun-bad-time.md'), poster.replace(/day: tue/, 'day: sun').replace(/time: .*/, `time: "${d.timeValue.typed}"`).replace(/subtitle: .*/, 'subtitle: 回访'));
  await writeFile(join(w, 'xihu/sun-bad-segment.md'), poster.replace(/day: tue/, 'day: sun').replace('product: wealth', `product: wealth\nsegments: [社区客群, ${d.segment.typed}]`).replace(/subtitle: .*/, 'subtitle: 回访'));
  const sticker = await readFile(join(w, '_all/mon-sticker-pack.md'), 'utf8');
  await writeFile(join(w, '_all/sun-bad-pose.md'), sticker.replace(/day: mon/, 'day: sun').replace('pose: wave', `pose: "${d.poseValue.typed}"`));
  const rels = ['xihu/fri-client-story.md', 'xihu/thu-weekly-report.md', 'xihu/tue-eggs-and-baskets.md', 'xihu/mon-morning-meeting.md', 'xihu/sat-weekend-walk.md', '_all/wed-invitation-tea-party.md', '_all/mon-sticker-pack.md', '_all/tue-poster-finance-101.md'];
  return Promise.all(rels.map(async (rel) => ({ rel, source: await readFile(join(w, rel), 'utf8') })));
}

describe('no client detail leaks (issue 12, deliverable 4)', () => {
  it('a signed build shows no planted detail raw anywhere under out/ nor on stdout/stderr; the report shows each masked at file:line', { timeout: 180_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wendu-leak-'));
    await cp(CONTENT_DIR, join(dir, 'content'), { recursive: true });
    const planted = await plant(dir);
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s), cwd: dir, tty: false, env: { WENDU_FINGERPRINT_KEY: 'leak-test-key' } };
    const keyDir = await mkdtemp(join(tmpdir(), 'wendu-leak-keys-'));
    expect(await main(['keys', 'init', '--dir', join(keyDir, 'k')], io)).toBe(0);
    const code = await main(['build', '--week', '2026-W48', '--branch', 'xihu', '--signing-key', join(keyDir, 'k/wendu-signing.key')], io);
    expect(code, err.join('')).toBe(1); // the planted briefs are rejected

    const places = { n: 0 };
    const found = await scanTree(join(dir, 'out'), places);
    for (const l of leaksIn(out.join(''))) found.push(`stdout ${l}`);
    for (const l of leaksIn(err.join(''))) found.push(`stderr ${l}`);
    places.n += 2;

    // `wendu lint` in every machine format, on the planted briefs
    const weekDir = join(dir, 'content/weeks/2026-W48');
    for (const format of ['json', 'sarif', 'eslint', 'html', 'text', 'stylish']) {
      const lo: string[] = [];
      const le: string[] = [];
      await main(['lint', '--format', format, join(weekDir, 'xihu'), join(weekDir, '_all')], { ...io, stdout: (s) => void lo.push(s), stderr: (s) => void le.push(s) });
      places.n += 2;
      expect(lo.join('').length, format).toBeGreaterThan(100);
      for (const l of leaksIn(lo.join(''))) found.push(`lint --format ${format} ${l}`);
      for (const l of leaksIn(le.join(''))) found.push(`lint --format ${format} (stderr) ${l}`);
    }
    console.info(`leak test: ${ALL.length} details planted, ${places.n} places checked, ${found.length} leaks`);
    if (process.env.LEAK_KEEP) console.info(dir);
    expect(found).toEqual([]);

    // the reviewers' report shows each detail masked, at its file:line: a PII finding there in the
    // outcome (the report's data), its location and masked excerpt in the report's page
    const report = await readFile(join(dir, 'out/2026-W48/review/index.html'), 'utf8');
    const outcomes = JSON.parse(await readFile(join(dir, 'out/2026-W48/review/outcomes/xihu.json'), 'utf8')) as { assets: { findings: { ruleId: string; file: string; line: number; excerpt: string }[] }[] };
    const piiFindings = outcomes.assets.flatMap((a) => a.findings).filter((f) => f.ruleId.startsWith('pii-'));
    let located = 0;
    for (const [key, detail] of Object.entries(DETAILS)) {
      if (ELSEWHERE.has(key)) continue;
      const where = planted.find((p) => p.source.includes(detail.typed));
      expect(where, key).toBeDefined();
      const line = where!.source.slice(0, where!.source.indexOf(detail.typed)).split('\n').length;
      const file = `content/weeks/2026-W48/${where!.rel}`;
      const hits = piiFindings.filter((f) => f.file === file && f.line === line);
      expect(hits.length, `${key} at ${file}:${line}`).toBeGreaterThan(0);
      expect(report, `${key} at ${file}:${line}`).toContain(`${where!.rel}:${line}:`);
      for (const h of hits) expect(report, key).toContain(h.excerpt.replace(/&/g, '&amp;'));
      located++;
    }
    expect(located).toBe(ALL.length - ELSEWHERE.size);
    expect(report).toMatch(/张\*\*?先生|张\*/);
    expect(report).toContain(`${ID2.slice(0, 6)}********${ID2.slice(14)}`);
    // the file names and the quoted `day` value: load problems at the masked name, line 1 / the day line
    const maskedPhone = (p: string) => `${p.slice(0, 3)}****${p.slice(7)}`;
    expect(report).toContain(`xihu/fri-visit-${maskedPhone(P[5]!)}.md:1:1`);
    expect(report).toMatch(new RegExp(`_all/thu-id-${ID3.slice(0, 6)}\\*+${ID3.slice(-4)}\\.md:1:1`));
    expect(report).toMatch(/xihu\/sun-bad-day\.md:\d+:\d+/);
    expect(report).toContain(maskedPhone(P[6]!));
    expect(report).toMatch(/xihu\/sun-bad-time\.md:\d+:\d+/);
    expect(report).toMatch(/xihu\/sun-bad-segment\.md:\d+:\d+/);
    expect(report).toContain('周*女士');
    expect(report).toMatch(/_all\/sun-bad-pose\.md:\d+:\d+/);
    // the stale waiver is still listed for the reviewers, its reason masked
    expect(report).toContain(`已电话回访客户${maskedPhone(P[9]!)}`);
  });

  it('SARIF fingerprints are keyed: a phone-only text is not recoverable by hashing candidates', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wendu-leak-fp-'));
    const phone = P[0]!;
    await writeFile(join(dir, 'note.txt'), `${phone}\n`);
    const lo: string[] = [];
    await main(['lint', '--format', 'sarif', join(dir, 'note.txt')], { stdout: (s) => void lo.push(s), stderr: () => {}, cwd: dir, tty: false, env: { WENDU_FINGERPRINT_KEY: 'k1' } });
    const sarif = lo.join('');
    expect(sarif).not.toContain(phone);
    const fps = (JSON.parse(sarif).runs[0].results as { partialFingerprints?: Record<string, string> }[]).flatMap((r) => Object.values(r.partialFingerprints ?? {}));
    expect(fps.length).toBeGreaterThan(0);
    const plain = [phone, `${phone}\n`].flatMap((t) => [createHash('sha256').update(t).digest('hex'), createHash('sha1').update(t).digest('hex'), createHash('md5').update(t).digest('hex')]);
    for (const fp of fps) for (const p of plain) expect(fp.startsWith(p.slice(0, 16))).toBe(false);
    // another key, another fingerprint
    const lo2: string[] = [];
    await main(['lint', '--format', 'sarif', join(dir, 'note.txt')], { stdout: (s) => void lo2.push(s), stderr: () => {}, cwd: dir, tty: false, env: { WENDU_FINGERPRINT_KEY: 'k2' } });
    const fps2 = (JSON.parse(lo2.join('')).runs[0].results as { partialFingerprints?: Record<string, string> }[]).flatMap((r) => Object.values(r.partialFingerprints ?? {}));
    expect(fps2).not.toEqual(fps);
  });
});

// The whole batch on a copy of the sample week, as marketing runs it: what lands in the bundles,
// the report and the portal, and what never may — nothing of a rejected asset and no finding
// under public/.
import { beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { main } from '../../pipeline/cli/main.ts';
import { readZip } from '../../pipeline/bundle/verify.ts';
import { writePages } from '../../pipeline/cli/publish.ts';
import { CONTENT_DIR } from '../helpers/content.ts';
import { capture } from '../helpers/io.ts';
import { filesUnder } from '../helpers/tree.ts';

const PHONE = '13812345678';
const SALARY = 'content/weeks/2026-W48/jinjiang/tue-first-salary.md';
/** an injected violation: a guarantee no reviewer can waive */
const CLAIM = '这款理财保本保息，稳赚不赔';

let dir = '';
let first: ReturnType<typeof capture>;
let code = -1;
let week = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wendu-publish-'));
  await cp(CONTENT_DIR, join(dir, 'content'), { recursive: true });
  // a client's unmasked phone number in Friday's story, and a guarantee in Wednesday's pension post
  const story = join(dir, 'content/weeks/2026-W48/jinjiang/fri-client-story.md');
  await writeFile(story, (await readFile(story, 'utf8')).replace('王叔叔今年七十二岁，', `王叔叔今年七十二岁（电话 ${PHONE}），`));
  const pension = join(dir, 'content/weeks/2026-W48/jinjiang/wed-pension-plan.md');
  const text = await readFile(pension, 'utf8');
  const end = text.indexOf('\n---', 4) + 5;
  await writeFile(pension, `${text.slice(0, end)}${CLAIM}。\n${text.slice(end)}`);
  expect(await main(['keys', 'init', '--dir', join(dir, 'keys')], capture(dir).io)).toBe(0);
  first = capture(dir);
  code = await main(['build', '--week', '2026-W48', '--branch', 'jinjiang', '--signing-key', join(dir, 'keys/wendu-signing.key')], first.io);
  week = join(dir, 'out/2026-W48');
}, 300_000);

describe('a weekly build', () => {
  it('exits 0: rejections are a normal outcome, and names them in the summary', () => {
    expect(code).toBe(0);
    const summary = first.out.join('');
    expect(summary).toMatch(/jinjiang\s+\d+ approved \(1 with waivers\), 2 rejected/);
    expect(summary).toContain('jinjiang/fri-client-story — pii-phone');
    expect(summary).toContain('jinjiang/wed-pension-plan — guarantee');
    expect(summary).toMatch(/signed\s+every bundle, key [0-9a-f]{8} [0-9a-f]{8}/);
  });

  it('puts only the portal, branch pages, approved images, bundles and the public key under public/', async () => {
    const files = [];
    for (const f of await filesUnder(join(week, 'public'))) files.push(relative(join(week, 'public'), f));
    expect(files).toContain('index.html');
    expect(files).toContain('signing-key.pub');
    expect(files).toContain('bundles/jinjiang.zip');
    expect(files).toContain('jinjiang/index.html');
    expect(files.filter((f) => !/^(index\.html|signing-key\.pub|bundles\/jinjiang\.zip|jinjiang\/.+|previews\/jinjiang\/\d\.jpg)$/.test(f))).toEqual([]);
    expect(files.filter((f) => f.startsWith('previews/'))).toHaveLength(4);
    expect(files.some((f) => /client-story|pension-plan/.test(f))).toBe(false);
    for (const name of ['index.html', 'lint.json', 'lint.sarif', 'audit.jsonl', 'plan.json']) expect((await stat(join(week, 'review', name))).isFile()).toBe(true);
    expect((await readdir(join(week, 'review/thumbs/jinjiang'))).some((f) => f.includes('pension-plan'))).toBe(true);
    expect(await readdir(week)).toEqual(expect.arrayContaining(['public', 'review']));
    expect((await readdir(week)).filter((n) => !n.startsWith('.'))).toEqual(['public', 'review']);
  });

  it('has no byte of a rejected asset and no finding text under public/', async () => {
    // the rejected assets' pixels, as the report's thumbnails hold them, and their texts
    const rejectedThumbs = (await readdir(join(week, 'review/thumbs/jinjiang'))).filter((f) => /client-story|pension-plan/.test(f));
    expect(rejectedThumbs.length).toBeGreaterThan(0);
    const lint = JSON.parse(await readFile(join(week, 'review/lint.json'), 'utf8')) as { messages: { message: string; excerpt: string; ruleId: string }[] }[];
    const findings = lint.flatMap((f) => f.messages);
    expect(findings.some((m) => m.ruleId === 'guarantee')).toBe(true);
    const needles = [CLAIM, '稳赚不赔', PHONE, '138****5678', '王叔叔今年七十二岁', ...findings.map((m) => m.message)].map((s) => Buffer.from(s));
    const publicFiles: string[] = [];
    for (const f of await filesUnder(join(week, 'public'))) publicFiles.push(f);
    const zipped = new Map<string, Buffer>();
    for (const [n, d] of await readZip(await readFile(join(week, 'public/bundles/jinjiang.zip')))) zipped.set(`zip:${n}`, d);
    const contents = new Map<string, Buffer>([...(await Promise.all(publicFiles.map(async (f) => [f, await readFile(f)] as const))), ...zipped]);
    for (const [name, data] of contents) for (const n of needles) expect(data.includes(n), `${name} holds «${n.toString()}»`).toBe(false);
    // pixels: the rejected images decoded at thumbnail size match no public image
    const publicImages = [...contents].filter(([n]) => /\.(jpe?g|png)$/.test(n));
    const sig = async (buf: Buffer) => (await sharp(buf).resize(16, 16, { fit: 'fill' }).greyscale().raw().toBuffer()).toString('hex');
    const publicSigs = new Set(await Promise.all(publicImages.map(([, d]) => sig(d))));
    for (const t of rejectedThumbs) expect(publicSigs.has(await sig(await readFile(join(week, 'review/thumbs/jinjiang', t)))), t).toBe(false);
  });

  it('keeps the asset with a client phone number, and the number, out of the bundle and everything written', async () => {
    const zip = await readZip(await readFile(join(week, 'public/bundles/jinjiang.zip')));
    expect([...zip.keys()].some((p) => p.includes('client-story'))).toBe(false);
    expect([...zip.keys()].some((p) => p.includes('first-salary'))).toBe(true);
    for (const [name, data] of zip) expect(data.includes(PHONE), name).toBe(false);
    for (const file of await filesUnder(join(dir, 'out'))) expect((await readFile(file)).includes(PHONE), file).toBe(false);
    expect(await readFile(join(week, 'review/index.html'), 'utf8')).toContain('138****5678');
  });

  it('ships the waived warning with its reviewer in the manifest and the report', async () => {
    const manifest = JSON.parse(await readFile(join(week, 'public/jinjiang/manifest.json'), 'utf8'));
    expect(manifest.waivers).toEqual([expect.objectContaining({ brief: 'jinjiang/tue-first-salary', rule: 'safety-words', reviewer: '王审核（合规部）' })]);
    expect(await readFile(join(week, 'review/index.html'), 'utf8')).toContain('王审核（合规部）');
  });

  it('writes an audit line per decision and commits each branch change, appending across runs', async () => {
    const lines = (await readFile(join(week, 'review/audit.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.find((l) => l.job === '2026-W48:jinjiang:jinjiang/fri-client-story')).toMatchObject({ event: 'decision', decision: 'rejected' });
    expect(lines.find((l) => l.job === '2026-W48:jinjiang:jinjiang/tue-first-salary')).toMatchObject({ decision: 'approved-with-waivers' });
    const zipSha = (await import('node:crypto')).createHash('sha256').update(await readFile(join(week, 'public/bundles/jinjiang.zip'))).digest('hex');
    expect(lines.filter((l) => l.branch === 'jinjiang' && l.event !== 'decision').map((l) => [l.event, l.sha256])).toEqual([
      ['pending', zipSha],
      ['commit', zipSha],
    ]);
  });

  it('verifies the signed bundle against the public key, and fails it when a byte changes', async () => {
    const path = join(week, 'public/bundles/jinjiang.zip');
    const trust = ['--trust', join(dir, 'keys/wendu-signing.pub')];
    expect(await main(['verify', ...trust, path], capture(dir).io)).toBe(0);
    expect(await readFile(join(week, 'public/signing-key.pub'), 'utf8')).toBe(await readFile(join(dir, 'keys/wendu-signing.pub'), 'utf8'));
    const zip = await readFile(path);
    const copy = join(dir, 'copy.zip');
    const at = zip.indexOf(Buffer.from('captions.md')) + 200;
    zip[at] = zip[at]! ^ 0x01;
    await writeFile(copy, zip);
    const c = capture(dir);
    expect(await main(['verify', ...trust, copy], c.io)).toBe(1);
    expect(c.err.join('')).toMatch(/NOT intact/);
  });

  it('has no post of more than 9 images in any output: manifest, captions, calendar, 说明.txt, branch page', async () => {
    const b = join(week, 'public/jinjiang');
    const manifest = JSON.parse(await readFile(join(b, 'manifest.json'), 'utf8')) as { posts: { mode: string; files: string[] }[] };
    for (const p of manifest.posts.filter((p) => p.mode !== 'stickers')) expect(p.files.length).toBeLessThanOrEqual(9);
    expect(manifest.posts.find((p) => p.mode === 'stickers')!.files.length).toBeGreaterThan(9);
    const counts = (text: string, re: RegExp) => [...text.matchAll(re)].map((m) => Number(m[1]));
    const captions = await readFile(join(b, 'captions.md'), 'utf8');
    const ics = (await readFile(join(b, 'schedule.ics'), 'utf8')).replace(/\r\n[ \t]/g, '');
    const readme = await readFile(join(b, '说明.txt'), 'utf8');
    for (const n of [...counts(captions, /图片 (\d+) 张/g), ...counts(ics, /图片 (\d+) 张/g), ...counts(readme, /（(\d+) 张/g)]) expect(n).toBeLessThanOrEqual(9);
    expect(counts(captions, /图片 (\d+) 张/g).length).toBeGreaterThan(0);
    for (const text of [captions, ics, readme]) expect(text).not.toMatch(/2[0-9] 张/);
    const posts = JSON.parse(await readFile(join(b, 'posts.json'), 'utf8')) as { posts: { mode: string; images: unknown[] }[] };
    for (const p of posts.posts) expect(p.images.length).toBeLessThanOrEqual(9);
  });

  it('rebuilds the portal and the report byte for byte from what is on disk', async () => {
    const pages = [join(week, 'public/index.html'), join(week, 'review/index.html')];
    const before = await Promise.all(pages.map((p) => readFile(p)));
    for (const p of pages) await (await import('node:fs/promises')).rm(p);
    await writePages(week);
    const after = await Promise.all(pages.map((p) => readFile(p)));
    expect(after[0]!.equals(before[0]!)).toBe(true);
    expect(after[1]!.equals(before[1]!)).toBe(true);
  });

  it('refuses a second build on the same out/<week> while one holds the lock', async () => {
    const lock = join(week, '.lock');
    // a live process (this one) holds it
    await writeFile(lock, JSON.stringify({ pid: process.pid, host: (await import('node:os')).hostname(), started: '2026-11-20T09:00:00Z' }));
    const c = capture(dir);
    expect(await main(['build', '--week', '2026-W48', '--branch', 'jinjiang'], c.io)).toBe(2);
    expect(c.err.join('')).toMatch(new RegExp(`another build \\(pid ${process.pid} .*\\) is writing out/2026-W48/`));
    await (await import('node:fs/promises')).rm(lock);
  });

  it('revives the waived warning when its text is edited', async () => {
    const salary = join(dir, SALARY);
    await writeFile(salary, (await readFile(salary, 'utf8')).replace('节奏对了，路就顺了。', '节奏对了，路就顺了！'));
    const c = capture(dir);
    expect(await main(['build', '--week', '2026-W48', '--branch', 'jinjiang', '--strict'], c.io)).toBe(1);
    expect(c.out.join('')).toContain('jinjiang/tue-first-salary — safety-words');
    expect(c.out.join('')).toContain('UNSIGNED');
    const zip = await readZip(await readFile(join(week, 'public/bundles/jinjiang.zip')));
    expect([...zip.keys()].some((p) => p.includes('first-salary'))).toBe(false);
  }, 300_000);
});

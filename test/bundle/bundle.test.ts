import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yazl from 'yazl';
import { bundleFiles, captionsMarkdown, readme, scheduleIcs, zipBundle, type BundleFile, type BundlePost } from '../../pipeline/bundle/bundle.ts';
import { verifyBundle } from '../../pipeline/bundle/verify.ts';
import { generateSigningKey, signingKeyFrom, publicKeyFrom, SIGNATURE_ENTRY } from '../../pipeline/bundle/sign.ts';
import { main } from '../../pipeline/cli/main.ts';
import { sampleContent } from '../helpers/jobs.ts';

const CAPTION = '【拆迁款】先别急着一次性投出去，留足三年生活费。\n理财非存款、产品有风险、投资须谨慎。';
const FORGED = '保本保息，稳赚不赔！';

async function posts(): Promise<BundlePost[]> {
  const square = await sharp({ create: { width: 1080, height: 1080, channels: 3, background: '#B3261E' } }).jpeg().toBuffer();
  const tall = await sharp({ create: { width: 1080, height: 1440, channels: 3, background: '#E8A33D' } }).jpeg().toBuffer();
  const sticker = await sharp({ create: { width: 240, height: 240, channels: 4, background: '#FFFFFF00' } }).png().toBuffer();
  const common = { persona: '周建国', segments: [] as string[] };
  return [
    {
      ...common,
      order: 1,
      briefId: '_all/mon-sticker-pack',
      title: '小U表情包',
      kind: 'sticker-pack',
      persona: '小U',
      date: '2026-11-23',
      time: '07:30',
      caption: '早安！',
      mode: 'stickers',
      images: [],
      stickers: Array.from({ length: 12 }, (_, i) => ({
        name: `${String(i + 1).padStart(2, '0')}-zao-an`,
        still: { path: `images/1-mon-0730-sticker-pack-${String(i + 1).padStart(2, '0')}-zao-an.png`, data: sticker, width: 240, height: 240 },
        animated: [],
      })),
    },
    { ...common, order: 2, briefId: 'xihu/mon-morning-meeting', title: '周一晨会', kind: 'photo-moments', date: '2026-11-23', time: '08:30', caption: '早上好 ☀️', segments: ['社区客群', '白发客群'], mode: 'post', images: [{ path: 'images/2-mon-0830-morning-meeting.jpg', data: tall, width: 1080, height: 1440 }] },
    {
      ...common,
      order: 3,
      briefId: 'xihu/wed-relocation-funds',
      title: '拆迁款到手，先做好这三件事',
      kind: 'moments',
      date: '2026-11-25',
      time: '10:00',
      caption: CAPTION,
      mode: 'pick-one',
      images: [
        { path: 'images/3-wed-1000-relocation-funds-1x1.jpg', data: square, width: 1080, height: 1080 },
        { path: 'images/3-wed-1000-relocation-funds-3x4.jpg', data: tall, width: 1080, height: 1440 },
      ],
    },
  ];
}

async function bundle(key?: ReturnType<typeof signingKeyFrom>) {
  const content = await sampleContent();
  const branch = content.branches[0]!;
  return { content, ...bundleFiles({ week: '2026-W48', branch, bank: content.bank, ruleset: 'abc123', waivers: [], posts: await posts(), ...(key ? { key } : {}) }) };
}

const testKey = () => {
  const pair = generateSigningKey();
  return { pair, key: signingKeyFrom(pair.privatePem), pub: publicKeyFrom(pair.publicPem) };
};

/** A zip written entry by entry as given: duplicates allowed, as a forger would. */
function rawZip(files: BundleFile[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const f of files) zip.addBuffer(f.data, f.path, { mtime: new Date(2026, 10, 23), compress: false });
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

describe('a branch bundle', () => {
  it('holds images, captions, schedule, 说明.txt and a manifest listing every other file', async () => {
    const { files, manifest } = await bundle();
    expect(files.map((f) => f.path).at(-1)).toBe('manifest.json');
    expect(manifest.files.map((f) => f.path)).toEqual(files.map((f) => f.path).filter((p) => p !== 'manifest.json').sort());
    expect(manifest.files.find((f) => f.path.endsWith('morning-meeting.jpg'))).toMatchObject({ width: 1080, height: 1440, brief: 'xihu/mon-morning-meeting' });
    expect(manifest).toMatchObject({ week: '2026-W48', branch: 'xihu', ruleset: 'abc123' });
    expect(manifest.posts.find((p) => p.brief === 'xihu/mon-morning-meeting')).toMatchObject({ segments: ['社区客群', '白发客群'], mode: 'post' });
  });

  it('is byte-identical when built (and signed) twice from the same inputs', async () => {
    const { key } = testKey();
    const a = await zipBundle((await bundle(key)).files, '2026-W48');
    const b = await zipBundle((await bundle(key)).files, '2026-W48');
    expect(a.equals(b)).toBe(true);
  });

  it('schedules each post at its China time with a reminder, and the sticker pack as stickers to save', async () => {
    const content = await sampleContent();
    const ics = scheduleIcs('2026-W48', content.branches[0]!, await posts());
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(ics).toContain('DTSTART:20261123T003000Z'); // 08:30 in China
    expect(ics).toContain('TRIGGER:-PT10M');
    expect(ics).toContain('SUMMARY:保存表情包：小U表情包');
    expect(ics).not.toMatch(/12 张图片/);
    expect(ics).toContain('CATEGORIES:社区客群,白发客群');
    expect(ics.replace(/\r\n[ \t]/g, '')).toContain('可见范围：社区客群、白发客群');
  });

  it('tells staff to post one of two sizes, to save stickers rather than post them, and whom each post is for', async () => {
    const content = await sampleContent();
    const md = captionsMarkdown('2026-W48', content.branches[0]!, await posts());
    expect(md).toContain('图片二选一（只发其中一张）：3-wed-1000-relocation-funds-1x1.jpg（1:1 方图） 或 3-wed-1000-relocation-funds-3x4.jpg（3:4 竖图）');
    expect(md).toContain('## 表情包（不发朋友圈）');
    expect(md).not.toMatch(/12 张/);
    expect(md).toContain('可见范围：社区客群、白发客群');
    expect(md).toContain('可见范围：全部客户');
    expect(md).toContain(CAPTION);
    const txt = readme('2026-W48', content.branches[0]!, content.bank, await posts());
    expect(txt).toContain('二选一');
    expect(txt).toContain('表情包 12 个，保存即可，不发朋友圈');
    expect(txt).not.toMatch(/certutil|shasum/);
  });
});

describe('wendu verify', () => {
  it('passes an intact signed bundle only against the key that signed it', async () => {
    const { key, pub } = testKey();
    const zip = await zipBundle((await bundle(key)).files, '2026-W48');
    expect(await verifyBundle(zip, [pub])).toMatchObject({ problems: [], signature: 'signed', signedBy: key.fingerprint });
    expect((await verifyBundle(zip, [testKey().pub])).signature).toBe('untrusted');
    expect((await verifyBundle(zip)).signature).toBe('untrusted');
  });

  it('names an altered, an added and a removed file', async () => {
    const { files } = await bundle();
    const altered = files.map((f) => (f.path === 'captions.md' ? { ...f, data: Buffer.from(f.data.toString().replace('早上好', '晚上好')) } : f));
    expect((await verifyBundle(await zipBundle(altered, '2026-W48'))).problems).toEqual([expect.stringMatching(/^captions\.md: altered/)]);
    const added = [...files, { path: 'images/extra.jpg', data: Buffer.from('x') }];
    expect((await verifyBundle(await zipBundle(added, '2026-W48'))).problems).toEqual(['images/extra.jpg: added (not in the manifest)']);
    const removed = files.filter((f) => f.path !== 'schedule.ics');
    expect((await verifyBundle(await zipBundle(removed, '2026-W48'))).problems).toEqual(['schedule.ics: missing from the zip']);
  });

  it('refuses a forged bundle: caption edited to 「保本保息，稳赚不赔！」, digests recomputed, re-zipped', async () => {
    const { pair, key } = testKey();
    const { files, manifest } = await bundle(key);
    const data = Buffer.from(files.find((f) => f.path === 'captions.md')!.data.toString().replace('先别急着一次性投出去，留足三年生活费。', FORGED));
    expect(data.toString()).toContain(FORGED);
    const forged = { ...manifest, files: manifest.files.map((f) => (f.path === 'captions.md' ? { ...f, bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') } : f)) };
    const tampered = files.map((f) => (f.path === 'captions.md' ? { ...f, data } : f.path === 'manifest.json' ? { ...f, data: Buffer.from(`${JSON.stringify(forged, null, 2)}\n`) } : f));
    const zip = await zipBundle(tampered, '2026-W48');
    // every digest matches: only the signature tells
    const dir = await mkdtemp(join(tmpdir(), 'wendu-forge-'));
    await writeFile(join(dir, 'forged.zip'), zip);
    await writeFile(join(dir, 'good.zip'), await zipBundle(files, '2026-W48'));
    await writeFile(join(dir, 'head-office.pub'), pair.publicPem);
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s), cwd: dir };
    expect(await main(['verify', '--trust', 'head-office.pub', 'forged.zip'], io)).toBe(1);
    expect(err.join('')).toMatch(/forged\.zip: signature NOT trusted[\s\S]*the signature does not match/);
    expect(await main(['verify', '--trust', 'head-office.pub', 'good.zip'], io)).toBe(0);
    expect(out.join('')).toMatch(/good\.zip: intact — .* signed by trusted key/);
    // a forger's own key, trusted by nobody
    const theirs = testKey();
    const resigned = bundleFiles({ ...(await bundleInput()), key: theirs.key });
    await writeFile(join(dir, 'resigned.zip'), await zipBundle(resigned.files, '2026-W48'));
    expect(await main(['verify', '--trust', 'head-office.pub', 'resigned.zip'], io)).toBe(1);
    expect(err.join('')).toContain('which is not a trusted key');
  });

  it('reports an unsigned bundle as unsigned: exit 1 unless --allow-unsigned', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wendu-unsigned-'));
    await writeFile(join(dir, 'u.zip'), await zipBundle((await bundle()).files, '2026-W48'));
    await writeFile(join(dir, 'k.pub'), testKey().pair.publicPem);
    const err: string[] = [];
    const out: string[] = [];
    const io = { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s), cwd: dir };
    expect(await main(['verify', '--trust', 'k.pub', 'u.zip'], io)).toBe(1);
    expect(err.join('')).toContain('u.zip: intact but UNSIGNED');
    expect(await main(['verify', '--trust', 'k.pub', '--allow-unsigned', 'u.zip'], io)).toBe(0);
    expect(out.join('')).toContain('UNSIGNED (accepted with --allow-unsigned)');
    expect(await main(['verify', '--trust', 'missing.pub', 'u.zip'], io)).toBe(2);
  });

  it('refuses a zip with two entries of one name (the forged copy first)', async () => {
    const { key, pub } = testKey();
    const { files } = await bundle(key);
    const forged = { path: 'captions.md', data: Buffer.from(FORGED) };
    const zip = await rawZip([forged, ...files]);
    const r = await verifyBundle(zip, [pub]);
    expect(r.problems).toEqual([expect.stringMatching(/not a readable zip: two entries named captions\.md/)]);
    // names equal but for case collide on Windows and macOS
    const folded = await rawZip([...files, { path: 'CAPTIONS.md', data: Buffer.from(FORGED) }]);
    expect((await verifyBundle(folded, [pub])).problems).toEqual([expect.stringMatching(/two entries named CAPTIONS\.md/)]);
  });

  it('rejects a zip with a flipped byte', async () => {
    const zip = await zipBundle((await bundle()).files, '2026-W48');
    const flipped = Buffer.from(zip);
    const at = flipped.indexOf(Buffer.from('images/2-mon-0830-morning-meeting.jpg')) + 200;
    flipped[at] = flipped[at]! ^ 0xff;
    expect((await verifyBundle(flipped)).problems).toEqual([expect.stringMatching(/^images\/2-mon-0830-morning-meeting\.jpg: altered/)]);
  });

  it('ships the signature beside the manifest', async () => {
    const { key } = testKey();
    const { files, signature } = await bundle(key);
    expect(files.map((f) => f.path).slice(-2)).toEqual(['manifest.json', SIGNATURE_ENTRY]);
    expect(signature).toMatchObject({ alg: 'ed25519', key: key.fingerprint });
  });
});

async function bundleInput() {
  const content = await sampleContent();
  return { week: '2026-W48', branch: content.branches[0]!, bank: content.bank, ruleset: 'abc123', waivers: [], posts: await posts() };
}

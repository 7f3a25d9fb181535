import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createHash } from 'node:crypto';
import { bundleFiles, scheduleIcs, zipBundle, type BundlePost } from '../../pipeline/bundle/bundle.ts';
import { verifyBundle } from '../../pipeline/bundle/verify.ts';
import { sampleContent } from '../helpers/jobs.ts';

async function posts(): Promise<BundlePost[]> {
  const jpeg = await sharp({ create: { width: 1080, height: 1080, channels: 3, background: '#B3261E' } }).jpeg().toBuffer();
  return [
    { order: 1, briefId: 'xihu/mon-morning-meeting', title: '周一晨会', kind: 'photo-moments', persona: '周建国', date: '2026-11-23', time: '08:30', caption: '早上好 ☀️', files: [{ path: 'images/1-mon-0830-morning-meeting.jpg', data: jpeg, width: 1080, height: 1080 }] },
    { order: 2, briefId: 'xihu/wed-relocation-funds', title: '拆迁款到手，先做好这三件事', kind: 'knowledge-card', persona: '周建国', date: '2026-11-25', time: '10:00', caption: '【拆迁款】理财非存款、产品有风险、投资须谨慎', files: [{ path: 'images/2-wed-1000-relocation-funds.jpg', data: jpeg, width: 1080, height: 1080 }] },
  ];
}

async function bundle() {
  const content = await sampleContent();
  const branch = content.branches[0]!;
  return { content, ...bundleFiles({ week: '2026-W48', branch, bank: content.bank, ruleset: 'abc123', waivers: [], posts: await posts() }) };
}

describe('a branch bundle', () => {
  it('holds images, captions, schedule, 说明.txt and a manifest listing every other file', async () => {
    const { files, manifest } = await bundle();
    expect(files.map((f) => f.path)).toEqual(['captions.md', 'images/1-mon-0830-morning-meeting.jpg', 'images/2-wed-1000-relocation-funds.jpg', 'schedule.ics', '说明.txt', 'manifest.json']);
    expect(manifest.files.map((f) => f.path)).toEqual(files.map((f) => f.path).filter((p) => p !== 'manifest.json').sort());
    expect(manifest.files.find((f) => f.path.endsWith('.jpg'))).toMatchObject({ width: 1080, height: 1080, brief: 'xihu/mon-morning-meeting' });
    expect(manifest).toMatchObject({ week: '2026-W48', branch: 'xihu', ruleset: 'abc123' });
  });

  it('is byte-identical when built twice from the same inputs', async () => {
    const a = await zipBundle((await bundle()).files, '2026-W48');
    const b = await zipBundle((await bundle()).files, '2026-W48');
    expect(a.equals(b)).toBe(true);
  });

  it('schedules each post at its China time with a reminder', async () => {
    const content = await sampleContent();
    const ics = scheduleIcs('2026-W48', content.branches[0]!, await posts());
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain('DTSTART:20261123T003000Z'); // 08:30 in China
    expect(ics).toContain('TRIGGER:-PT10M');
    expect(ics).toContain('UID:2026-W48-xihu-xihu-mon-morning-meeting@wendu');
  });
});

describe('wendu verify', () => {
  it('passes an intact bundle', async () => {
    const zip = await zipBundle((await bundle()).files, '2026-W48');
    expect((await verifyBundle(zip)).problems).toEqual([]);
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

  it('catches a manifest edited to match an altered file', async () => {
    const { files, manifest } = await bundle();
    const data = Buffer.from('tampered');
    const forged = { ...manifest, files: manifest.files.map((f) => (f.path === 'captions.md' ? { ...f, bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') } : f)) };
    const tampered = files.map((f) => (f.path === 'captions.md' ? { ...f, data } : f.path === 'manifest.json' ? { ...f, data: Buffer.from(JSON.stringify(forged)) } : f));
    expect((await verifyBundle(await zipBundle(tampered, '2026-W48'))).problems).toEqual([expect.stringContaining('approval stamp does not match')]);
  });

  it('rejects a zip with a flipped byte', async () => {
    const zip = await zipBundle((await bundle()).files, '2026-W48');
    const flipped = Buffer.from(zip);
    // a byte inside the stored data of the first image, past its local header
    const at = flipped.indexOf(Buffer.from('images/1-mon-0830-morning-meeting.jpg')) + 200;
    flipped[at] = flipped[at]! ^ 0xff;
    expect((await verifyBundle(flipped)).problems).toEqual([expect.stringMatching(/^images\/1-mon-0830-morning-meeting\.jpg: altered/)]);
  });
});

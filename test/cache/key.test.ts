import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assetHashes, loadAssets, partialsOf, sha256, type AssetHashes } from '../../pipeline/assets/index.ts';
import { contentFilesOf, keyOf, keyParts, type KeyInput } from '../../pipeline/cache/key.ts';
import { plan } from '../../pipeline/plan/plan.ts';
import { REQUIRED_WARNINGS } from '../../pipeline/lint/index.ts';
import type { Branch, Content, Job } from '../../pipeline/model.ts';
import { CONTENT_DIR } from '../helpers/content.ts';
import { sampleContent } from '../helpers/jobs.ts';

const content: Content = await sampleContent();
const jobs = plan(content);
const hashes: AssetHashes = assetHashes(await loadAssets());
const fileHashes: Record<string, string> = {};
for (const j of jobs) for (const f of contentFilesOf(j)) fileHashes[f] ??= sha256(await readFile(join(CONTENT_DIR, f)));

const branchOf = (id: string) => content.branches.find((b) => b.id === id)!;
const input = (job: Job, over: Partial<KeyInput> = {}): KeyInput => ({
  job,
  branch: branchOf(job.branch),
  bank: content.bank,
  warning: job.brief.fields.product ? REQUIRED_WARNINGS[job.brief.fields.product] : '',
  assets: hashes,
  fileHashes,
  version: 'wendu 0.1.0',
  ...over,
});
const key = (job: Job, over: Partial<KeyInput> = {}) => keyOf(keyParts(input(job, over)));
const find = (brief: string, branch: string) => jobs.find((j) => j.brief.id === brief && j.branch === branch)!;
const edit = (job: Job, fields: Partial<Job['brief']['fields']>): Job => ({ ...job, brief: { ...job.brief, fields: { ...job.brief.fields, ...fields } } });

describe('render cache key', () => {
  it('is the same for the same job planned twice, and differs between jobs', () => {
    const again = plan(content);
    expect(jobs.map((j) => key(j))).toEqual(again.map((j) => key(j)));
    expect(new Set(jobs.map((j) => key(j))).size).toBeGreaterThan(jobs.length - 3);
  });

  it('gives one sticker pack per brand: a branch with the same colours shares the key, another colour does not', () => {
    const xihu = find('_all/mon-sticker-pack', 'xihu');
    const twin: Branch = { ...branchOf('xihu'), id: 'xihu-east', name: '西湖东支行', contact: { phone: '0571-87000000', address: '杭州市西湖区文三路1号' } };
    expect(key({ ...xihu, branch: 'xihu-east', order: 3 }, { branch: twin })).toBe(key(xihu));
    const red: Branch = { ...twin, colors: { ...twin.colors, primary: '#C8102E' } };
    expect(key(xihu, { branch: red })).not.toBe(key(xihu));
  });

  it('changes with a drawn field (a traditional-character title, an emoji) but not with the caption line or audience tags', () => {
    const job = find('xihu/mon-morning-meeting', 'xihu');
    expect(key(edit(job, { title: '晨會：今天聊聊「穩健」理財 🌱' }))).not.toBe(key(job));
    expect(key(edit(job, { caption: '歡迎來支行喝杯茶～', segments: ['退休客群'] }))).toBe(key(job));
    expect(key({ ...job, order: 9, id: 'other-id' })).toBe(key(job));
    expect(key(job, { branch: { ...branchOf('xihu'), tags: ['车主客群'] } })).toBe(key(job));
    expect(key(job, { branch: { ...branchOf('xihu'), contact: { ...branchOf('xihu').contact, phone: '0571-8700 0000' } } })).not.toBe(key(job));
  });

  it('changes with the risk warning the image must draw and with the posting date', () => {
    const job = find('xihu/mon-morning-meeting', 'xihu');
    expect(key(job, { warning: '理财非存款，产品有风险，投资须谨慎。' })).not.toBe(key(job, { warning: '' }));
    expect(key({ ...job, date: '2026-11-24' })).not.toBe(key(job));
  });

  it('a template edit changes only the keys of jobs whose kind fills it; a partial edit those that include it', () => {
    const poster = find('_all/tue-poster-finance-101', 'xihu');
    const report = find('xihu/thu-weekly-report', 'xihu');
    const edited = { ...hashes, templates: { ...hashes.templates, poster: sha256('<div>新海報</div>') } };
    expect(key(poster, { assets: edited })).not.toBe(key(poster));
    expect(key(report, { assets: edited })).toBe(key(report));
  });

  it('fonts change every key; 小U art only the kinds that draw him', () => {
    const poster = find('_all/tue-poster-finance-101', 'xihu');
    const pack = find('_all/mon-sticker-pack', 'xihu');
    const story = find('xihu/fri-client-story', 'xihu');
    const mascot = { ...hashes, mascot: sha256('new pose') };
    expect(key(poster, { assets: mascot })).not.toBe(key(poster));
    expect(key(pack, { assets: mascot })).not.toBe(key(pack));
    expect(key(story, { assets: mascot })).toBe(key(story));
    expect(key(story, { assets: { ...hashes, fonts: sha256('other font') } })).not.toBe(key(story));
  });

  it('changes when a photo the job draws changes bytes, and when Wendu is upgraded', () => {
    const withPhoto = jobs.find((j) => j.brief.fields.kind === 'photo-moments')!;
    const [photo] = contentFilesOf(withPhoto).filter((f) => f === withPhoto.brief.fields.photo);
    expect(photo).toBeDefined();
    expect(key(withPhoto, { fileHashes: { ...fileHashes, [photo!]: sha256('edited photo') } })).not.toBe(key(withPhoto));
    expect(key(withPhoto, { version: 'wendu 0.2.0' })).not.toBe(key(withPhoto));
  });
});

describe('partialsOf', () => {
  it('follows partials through partials and ignores inline partials', () => {
    const partials = new Map([
      ['footer', { source: '<div>{{> warning}}</div>' }],
      ['warning', { source: '<p>{{warning}}</p>' }],
      ['badge', { source: '<b/>' }],
    ]);
    expect(partialsOf('{{#*inline "body"}}x{{/inline}}{{> body}}{{> footer }}', partials)).toEqual(['footer', 'warning']);
  });
});

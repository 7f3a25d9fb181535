// Selecting what ships: WeChat's rules for a post, applied to a week's approved results.
import { describe, expect, it } from 'vitest';
import type { JobResult } from '../../pipeline/batch.ts';
import { judge } from '../../pipeline/approve/gate.ts';
import { plan } from '../../pipeline/plan/plan.ts';
import { MAX_IMAGES, selectPosts } from '../../pipeline/bundle/select.ts';
import { displayLines, foldOf } from '../../pipeline/report/moments.ts';
import { sampleContent } from '../helpers/jobs.ts';

const data = Buffer.from('jpeg');

async function results(): Promise<JobResult[]> {
  const content = await sampleContent();
  const jobs = plan(content, { branches: ['xihu'] });
  return jobs.map((job) => {
    const base = `${job.order}-${job.brief.fields.day}-${job.time.replace(':', '')}-${job.brief.id.split('/').pop()!.replace(new RegExp(`^${job.brief.fields.day}-`), '')}`;
    const kind = job.brief.fields.kind;
    const names =
      kind === 'moments'
        ? ['1x1', '3x4']
        : kind === 'nine-grid'
          ? Array.from({ length: 9 }, (_, i) => `tile-${i + 1}`)
          : kind === 'sticker-pack'
            ? ['01-zao-an', '01-zao-an-thumb', '01-zao-an-wave', '02-shou-dao', '02-shou-dao-thumb', ...Array.from({ length: 10 }, (_, i) => `${String(i + 3).padStart(2, '0')}-x${i}`)]
            : [''];
    const files = names.map((name) => ({
      name,
      path: `images/${base}${name ? `-${name}` : ''}.${kind === 'sticker-pack' ? (name.endsWith('-wave') ? 'gif' : 'png') : 'jpg'}`,
      data,
      width: name === '3x4' ? 1080 : 1080,
      height: name === '3x4' ? 1440 : 1080,
      format: (kind === 'sticker-pack' ? (name.endsWith('-wave') ? 'gif' : 'png') : 'jpeg') as 'jpeg' | 'png' | 'gif',
    }));
    // the Wednesday card is rejected
    const finding = { file: job.brief.file, line: 9, column: 1, severity: 'error' as const, ruleId: 'guarantee', message: '保本', field: 'body', excerpt: '保本', waivable: true };
    const rejected = job.brief.id === 'xihu/wed-relocation-funds';
    return { job, caption: `${job.brief.fields.title}\n理财非存款、产品有风险、投资须谨慎`, files, spans: [], drawn: [], findings: [], decision: judge(job.brief.id, rejected ? [finding] : [], []) };
  });
}

describe('selecting what ships', () => {
  it('leaves rejected assets out and numbers the rest 1…n without a gap', async () => {
    const posts = selectPosts(await results());
    expect(posts.map((p) => p.briefId)).not.toContain('xihu/wed-relocation-funds');
    expect(posts.map((p) => p.order)).toEqual(posts.map((_, i) => i + 1));
    for (const p of posts) for (const f of [...p.images, ...(p.stickers ?? []).map((s) => s.still)]) expect(f.path).toMatch(new RegExp(`^images/${p.order}-`));
  });

  it('makes the sizes of one card 二选一, nine tiles one post, and the sticker pack stickers', async () => {
    const posts = selectPosts(await results());
    const eggs = posts.find((p) => p.briefId === 'xihu/tue-eggs-and-baskets')!;
    expect(eggs.mode).toBe('pick-one');
    expect(eggs.images.map((i) => i.path.replace(/^images\/\d+-/, ''))).toEqual(['tue-1210-eggs-and-baskets-1x1.jpg', 'tue-1210-eggs-and-baskets-3x4.jpg']);
    const grid = posts.find((p) => p.kind === 'nine-grid')!;
    expect(grid).toMatchObject({ mode: 'post' });
    expect(grid.images).toHaveLength(9);
    const stickers = posts.find((p) => p.kind === 'sticker-pack')!;
    expect(stickers.mode).toBe('stickers');
    expect(stickers.images).toEqual([]);
    expect(stickers.stickers!.map((s) => s.name)).toEqual(['01-zao-an', '02-shou-dao', ...Array.from({ length: 10 }, (_, i) => `${String(i + 3).padStart(2, '0')}-x${i}`)]);
    expect(stickers.stickers![0]!.thumb!.path).toMatch(/01-zao-an-thumb\.png$/);
    expect(stickers.stickers![0]!.animated.map((a) => a.path)).toEqual([expect.stringMatching(/01-zao-an-wave\.gif$/)]);
    for (const p of posts) expect(p.images.length).toBeLessThanOrEqual(MAX_IMAGES);
    const meeting = posts.find((p) => p.briefId === 'xihu/mon-morning-meeting')!;
    expect(meeting.segments).toEqual(['社区客群', '白发客群']);
  });
});

describe('where Moments folds a caption', () => {
  const warning = '理财非存款、产品有风险、投资须谨慎';
  it('wraps at about 20 Chinese characters a line, Latin and digits at half width', () => {
    expect(displayLines('一二三四五六七八九十一二三四五六七八九十一二')).toEqual([['一二三四五六七八九十一二三四五六七八九十', '一二']]);
    expect(displayLines('a'.repeat(41))).toEqual([['a'.repeat(40), 'a']]);
    expect(displayLines('早上好 ☀️\n\n稳')).toHaveLength(3);
  });

  it('says on which line the warning ends and whether it is folded away', () => {
    expect(foldOf(`早上好！\n${warning}\n今天降温了`, warning)).toEqual({ line: 2, folded: false });
    expect(foldOf(`一\n二\n三\n四\n五\n六\n${warning}`, warning)).toEqual({ line: 7, folded: true });
    // a long line wraps: the warning is pushed past the sixth displayed line
    expect(foldOf(`${'很长的一句话'.repeat(17)}\n${warning}`, warning)).toEqual({ line: 7, folded: true });
    expect(foldOf('没有风险提示的文案', warning)).toBeUndefined();
  });
});

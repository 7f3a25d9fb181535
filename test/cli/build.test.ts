import { describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../pipeline/cli/main.ts';
import { CONTENT_DIR } from '../helpers/content.ts';
import { capture } from '../helpers/io.ts';

describe('wendu build', () => {
  it('reports a broken brief at path:line:col, builds the others, and exits 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wendu-build-'));
    await cp(CONTENT_DIR, join(dir, 'content'), { recursive: true });
    const broken = join(dir, 'content/weeks/2026-W48/xihu/wed-relocation-funds.md');
    await writeFile(broken, (await readFile(broken, 'utf8')).replace('persona: xihu/president', 'persona: xihu/presdent'));

    const { io, out, err } = capture(dir);
    const code = await main(['build', '--week', '2026-W48', '--branch', 'xihu'], io);
    expect(code).toBe(1);
    expect(err.join('')).toContain('content/weeks/2026-W48/xihu/wed-relocation-funds.md:2:10: error Unknown persona `xihu/presdent`; known: xiao-u, xihu/manager-chen, xihu/president');
    const captions = await readFile(join(dir, 'out/2026-W48/public/xihu/captions.md'), 'utf8');
    expect(captions).toContain('张阿姨的一封手写感谢信');
    expect(captions).not.toContain('拆迁款到手，先做好这三件事');
    expect(out.join('')).toMatch(/briefs\s+\d+ loaded/);
    // every other sample brief passes the gate as drawn: a false alarm on any text of the week
    // (a story card's 暖心周刊 over 客户信息均已脱敏处理, say) would reject one
    expect(out.join('')).toMatch(/xihu\s+8 approved →/);
    expect(await readdir(join(dir, 'out/2026-W48/public'))).not.toContain('jinjiang');
  });

  it('checks audience tags against the branch: an unknown tag is a located error, the tags reach captions, calendar, manifest and portal', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wendu-tags-'));
    await cp(CONTENT_DIR, join(dir, 'content'), { recursive: true });
    const meeting = join(dir, 'content/weeks/2026-W48/xihu/mon-morning-meeting.md');
    await writeFile(meeting, (await readFile(meeting, 'utf8')).replace('segments: [社区客群, 白发客群]', 'segments: [社区客群, 車主客群]'));
    const { io, err } = capture(dir);
    expect(await main(['build', '--week', '2026-W48', '--branch', 'xihu'], io)).toBe(1);
    expect(err.join('')).toContain(
      'content/weeks/2026-W48/xihu/mon-morning-meeting.md:8:18: error Unknown audience tag `車主客群` for branch xihu; its tags in branches.yaml: 社区客群, 白发客群, 代发客群, 白领客群 [load/unknown-segment]',
    );
    const public_ = join(dir, 'out/2026-W48/public');
    const captions = await readFile(join(public_, 'xihu/captions.md'), 'utf8');
    expect(captions).not.toContain('周一晨会');
    expect(captions).toMatch(/拆迁款到手，先做好这三件事\n\n可见范围：白发客群、社区客群/);
    const ics = (await readFile(join(public_, 'xihu/schedule.ics'), 'utf8')).replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('CATEGORIES:白发客群,社区客群');
    const manifest = JSON.parse(await readFile(join(public_, 'xihu/manifest.json'), 'utf8'));
    expect(manifest.posts.find((p: { brief: string }) => p.brief === 'xihu/wed-relocation-funds').segments).toEqual(['白发客群', '社区客群']);
    // the portal, per tag: 代发客群 sees only the posts meant for every client, 白发客群 also the relocation card
    const portal = await readFile(join(public_, 'index.html'), 'utf8');
    const card = (tag: string) => portal.slice(portal.indexOf(`data-tag="${tag}"`), portal.indexOf('</details>', portal.indexOf(`data-tag="${tag}"`)));
    expect(card('白发客群')).toContain('拆迁款到手，先做好这三件事');
    expect(card('代发客群')).not.toContain('拆迁款到手，先做好这三件事');
    expect(card('代发客群')).toContain('鸡蛋');
  });

  it('exits 2 on usage and configuration errors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wendu-usage-'));
    expect(await main(['build', '--bogus'], capture(dir).io)).toBe(2);
    expect(await main(['build', '--content', 'nowhere'], capture(dir).io)).toBe(2);
    const c = capture(process.cwd());
    expect(await main(['build', '--content', CONTENT_DIR, '--week', '2026-W99'], c.io)).toBe(2);
    expect(c.err.join('')).toContain('not an ISO week');
    expect(await main(['frobnicate'], capture(dir).io)).toBe(2);
  });

  it('prints help with the exit codes', async () => {
    const c = capture(process.cwd());
    expect(await main(['build', '--help'], c.io)).toBe(0);
    expect(c.out.join('')).toContain('Exit codes:');
    // every flag the help names exists: scale-out and the cache are documented with their forms
    for (const flag of ['--shard I/N', '--concurrency N', '--cache DIR', '--no-cache']) expect(c.out.join('')).toContain(flag);
  });
});

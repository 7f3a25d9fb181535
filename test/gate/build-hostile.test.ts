// A whole build with hostile briefs beside the sample ones: each hostile brief is a located error
// on stderr, the rest of the batch is built and bundled, and the client detail hidden in a brief
// (by character references) or in a file name appears nowhere under out/ nor on stderr.
import { describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../pipeline/cli/main.ts';
import { CONTENT_DIR } from '../helpers/content.ts';
import { briefSource, KNOWLEDGE } from './helpers.ts';
import { filesUnder } from '../helpers/tree.ts';

const PHONE = '13812345678';

describe('wendu build with hostile briefs', () => {
  it('reports each at path:line:col, builds the rest, and leaks no client detail', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wendu-hostile-'));
    await cp(CONTENT_DIR, join(dir, 'content'), { recursive: true });
    const week = join(dir, 'content/weeks/2026-W48/xihu');
    const title = 'title: 拆迁款到手，先做好这三件事';
    await writeFile(join(week, 'wed-bomb.md'), briefSource([...KNOWLEDGE, title, 'a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]', 'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]'], '正文\n'));
    await writeFile(join(week, `thu-${'长'.repeat(81)}.md`), briefSource([...KNOWLEDGE, title], '正文\n'));
    await writeFile(join(week, `fri-visit-${PHONE}.md`), briefSource([...KNOWLEDGE, title], '正文\n'));
    await writeFile(join(week, 'sat-nested.md'), briefSource([...KNOWLEDGE, title], `${'>'.repeat(20_000)} 深\n`));
    await writeFile(join(week, 'sun-hidden.md'), briefSource([...KNOWLEDGE, title], `客户电话${[...PHONE].map((d) => `&#${d.charCodeAt(0)};`).join('')}，欢迎来电。\n`));

    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['build', '--week', '2026-W48', '--branch', 'xihu'], { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), cwd: dir, tty: false });
    const stderr = err.join('');
    expect(code).toBe(1);
    expect(stderr).toContain("xihu/wed-bomb.md:8:8: error YAML aliases expand too far");
    expect(stderr).toMatch(/xihu\/thu-长+\.md:1:1: error The file name is 247 bytes/);
    expect(stderr).toContain('xihu/fri-visit-138****5678.md:1:1: error The file name holds a client detail');
    expect(stderr).toMatch(/xihu\/sat-nested\.md:8:1: error A line opens more than 64 levels/);
    expect(stderr).not.toContain(PHONE);

    // the others are built and bundled; the hidden detail is rejected and appears nowhere
    const outDir = join(dir, 'out/2026-W48');
    expect((await stat(join(outDir, 'public/bundles/xihu.zip'))).size).toBeGreaterThan(0);
    const captions = await readFile(join(outDir, 'public/xihu/captions.md'), 'utf8');
    expect(captions).toContain('张阿姨的一封手写感谢信');
    expect(captions).not.toContain('欢迎来电');
    for (const file of await filesUnder(dir.replace(/$/, '/out'))) {
      expect(file).not.toContain(PHONE);
      if (/\.(html|json|sarif|md|ics|txt|csv|log)$/.test(file)) expect(await readFile(file, 'utf8'), file).not.toContain(PHONE);
    }
    const report = await readFile(join(outDir, 'review/index.html'), 'utf8');
    expect(report).toContain('138****5678');
  });
});

import { describe, expect, it } from 'vitest';
import { loadContent } from '../../pipeline/load/content.ts';
import { put, sampleTree, text } from '../helpers/content.ts';

const WEEK = '2026-W48';
const WED = 'weeks/2026-W48/xihu/wed-relocation-funds.md';
const FILE = `content/${WED}`;

/** Loads the sample with one brief replaced, and returns the problems of that brief. */
async function problemsOf(rel: string, source: string | Uint8Array) {
  const tree = put(await sampleTree(), rel, source);
  const content = loadContent(tree, WEEK);
  return { content, problems: content.problems.filter((p) => p.file === `content/${rel}`) };
}

const brief = (front: string, body = '正文：先留足生活备用金。\n') => `---\n${front}\n---\n${body}`;
const BASE = ['persona: xihu/president', 'kind: knowledge-card', 'day: wed', 'title: 拆迁款到手，先做好这三件事'];

describe('the sample content', () => {
  it('loads every persona and brief without a single problem', async () => {
    const content = loadContent(await sampleTree(), WEEK);
    expect(content.problems).toEqual([]);
    expect(content.branches.map((b) => b.id)).toEqual(['xihu', 'jinjiang', 'tianhe']);
    expect([...content.personas.keys()]).toContain('xiao-u');
    expect(content.briefs.length).toBeGreaterThanOrEqual(14);
  });
});

describe('a brief with a problem', () => {
  it('reports an unknown key at the key, listing the allowed keys', async () => {
    const { problems } = await problemsOf(WED, brief([...BASE, 'colour: red'].join('\n')));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: FILE, line: 6, column: 1, ruleId: 'load/unknown-key' });
    expect(problems[0]!.message).toMatch(/^Unknown key `colour` in brief frontmatter; allowed: persona, kind, day, time, title/);
  });

  it('reports a wrong type at the value, naming what it received', async () => {
    const { problems } = await problemsOf(WED, brief(['persona: xihu/president', 'kind: knowledge-card', 'day: wed', 'title: 42'].join('\n')));
    expect(problems).toEqual([expect.objectContaining({ line: 5, column: 8, ruleId: 'load/wrong-type', message: 'Expected a string for `title` but received the number `42`' })]);
  });

  it('reports an unknown persona at its value and lists the personas this branch can use', async () => {
    const { problems } = await problemsOf(WED, brief(['persona: xihu/presdent', ...BASE.slice(1)].join('\n')));
    expect(problems).toEqual([
      expect.objectContaining({ line: 2, column: 10, endColumn: 23, message: 'Unknown persona `xihu/presdent`; known: xiao-u, xihu/manager-chen, xihu/president' }),
    ]);
  });

  it("reports another branch's persona as such", async () => {
    const { problems } = await problemsOf(WED, brief(['persona: jinjiang/president', ...BASE.slice(1)].join('\n')));
    expect(problems[0]).toMatchObject({ line: 2, column: 10, ruleId: 'load/foreign-persona' });
    expect(problems[0]!.message).toBe('Persona `jinjiang/president` belongs to branch jinjiang; briefs in xihu/ can use: xiao-u, xihu/manager-chen, xihu/president');
  });

  it('reports an unknown kind once, listing the kinds', async () => {
    const { problems } = await problemsOf(WED, brief(['persona: xihu/president', 'kind: flyer', 'day: wed', 'title: 标题'].join('\n')));
    expect(problems).toEqual([expect.objectContaining({ line: 3, column: 7, ruleId: 'load/unknown-kind' })]);
    expect(problems[0]!.message).toContain('Unknown kind `flyer`; allowed: moments, photo-moments, nine-grid, poster');
  });

  it('reports a day that is not mon..sun', async () => {
    const { problems } = await problemsOf(WED, brief(['persona: xihu/president', 'kind: knowledge-card', 'day: 周三', 'title: 标题'].join('\n')));
    expect(problems).toEqual([
      expect.objectContaining({ line: 4, column: 6, message: 'Unknown value `周三` for `day`; expected one of: mon, tue, wed, thu, fri, sat, sun' }),
    ]);
  });

  it('reports a missing title', async () => {
    const { problems } = await problemsOf(WED, brief(BASE.slice(0, 3).join('\n')));
    expect(problems).toEqual([expect.objectContaining({ line: 2, column: 1, ruleId: 'load/missing-key', message: 'Missing required key `title` in brief frontmatter' })]);
  });

  it('reports invalid YAML where it breaks', async () => {
    const { problems } = await problemsOf(WED, brief([...BASE.slice(0, 3), 'title: [未闭合'].join('\n')));
    expect(problems[0]).toMatchObject({ line: 5, ruleId: 'load/yaml' });
    expect(problems[0]!.message).toMatch(/^Invalid YAML: /);
  });

  it('reports a file that is not UTF-8 at the first bad byte', async () => {
    const gbk = Uint8Array.from([...new TextEncoder().encode(`---\n${BASE.join('\n')}\n---\n你好`), 0xc4, 0xe3, 0xba, 0xc3]);
    const { problems } = await problemsOf(WED, gbk);
    expect(problems).toEqual([expect.objectContaining({ line: 7, column: 3, ruleId: 'load/encoding' })]);
    expect(problems[0]!.message).toContain('not valid UTF-8 (byte 0xC4)');
  });

  it('reports an empty file and a file without frontmatter', async () => {
    expect((await problemsOf(WED, '\n  \n')).problems).toEqual([expect.objectContaining({ line: 1, column: 1, ruleId: 'load/empty' })]);
    expect((await problemsOf(WED, '# 标题\n正文')).problems).toEqual([expect.objectContaining({ line: 1, column: 1, ruleId: 'load/no-frontmatter' })]);
  });

  it('refuses photos outside the content folder and remote URLs', async () => {
    const photo = (p: string) => brief(['persona: xihu/president', 'kind: photo-moments', 'day: mon', 'title: 晨会', `photo: ${p}`].join('\n'));
    const remote = await problemsOf(WED, photo('https://example.com/a.jpg'));
    expect(remote.problems).toEqual([expect.objectContaining({ line: 6, column: 8, ruleId: 'load/bad-path' })]);
    expect(remote.problems[0]!.message).toContain('Remote or absolute URL');
    const outside = await problemsOf(WED, photo('../../etc/passwd'));
    expect(outside.problems[0]!.message).toContain('leaves the content folder');
  });

  it('keeps going: every other brief still loads', async () => {
    const before = loadContent(await sampleTree(), WEEK).briefs.length;
    const { content } = await problemsOf(WED, brief('persona: [broken'));
    expect(content.briefs.length).toBe(before - 1);
  });

  it('gives positions in the file with traditional characters, full-width forms and emoji before the error', async () => {
    const { problems } = await problemsOf(WED, brief([...BASE.slice(0, 3), 'title: 「理財」ＡＢＣ☕🎉', 'segments: 銀髮客群'].join('\n')));
    expect(problems).toEqual([expect.objectContaining({ line: 6, column: 11, ruleId: 'load/wrong-type' })]);
  });
});

describe('brief texts for the linter', () => {
  it('records every frontmatter string and the body as drawn, each character mapped to the one typed', async () => {
    const tree = await sampleTree();
    const content = loadContent(tree, WEEK);
    const wed = content.briefs.find((b) => b.id === 'xihu/wed-relocation-funds')!;
    const lines = text(tree, WED).split('\n');
    for (const span of wed.spans) {
      expect(span.map).toHaveLength(span.text.length);
      span.map!.forEach((r, i) => {
        // a character typed as itself maps to exactly that character
        if (r.start.line === r.end.line && r.end.column === r.start.column + 1) expect(lines[r.start.line - 1]![r.start.column - 1]).toBe(span.text[i]);
      });
    }
    expect(wed.spans.map((s) => s.field)).toEqual(['title', 'subtitle', 'segments.0', 'segments.1', 'body']);
    expect(wed.paragraphs[0]).toContain('拆迁补偿款');
    // the body span is the paragraphs templates draw, Markdown removed
    expect(wed.spans.at(-1)!.text).toBe(wed.paragraphs.join('\n\n'));
  });
});

describe('a brief naming the mascot', () => {
  it('reports an unknown pose at its value, listing the known poses', async () => {
    const { checkMascot } = await import('../../pipeline/mascot/check.ts');
    const rel = 'weeks/2026-W48/_all/tue-poster-finance-101.md';
    const tree = await sampleTree();
    put(tree, rel, text(tree, rel).replace('pose: sign', 'pose: dance'));
    const problems = loadContent(tree, WEEK, { checkMascot }).problems.filter((p) => p.file === `content/${rel}`);
    expect(problems).toEqual([expect.objectContaining({ line: 10, column: 17, endColumn: 22, ruleId: 'load/unknown-mascot' })]);
    expect(problems[0]!.message).toBe('Unknown mascot pose `dance`; known: wave, sign, calculator, coffee, thumbs-up, cheer');
  });
});

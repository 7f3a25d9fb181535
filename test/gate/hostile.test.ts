// Hostile and careless briefs (issue 12, deliverable 2): each is a located error or finding, or is
// drawn as typed — never a crash, never interpreted, never a silent skip — and the rest of the
// batch loads as before. Times and sizes are bounded per brief.
import { createServer, type Server } from 'node:http';
import { mkdtemp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { loadContent } from '../../pipeline/load/content.ts';
import { readContentTree } from '../../pipeline/cli/files.ts';
import { checkMascot } from '../../pipeline/mascot/check.ts';
import { CONTENT_DIR, put, sampleTree, text } from '../helpers/content.ts';
import { blocking, briefSource, FILE, gate, KNOWLEDGE, loadBrief, REL, WEEK } from './helpers.ts';

const SAMPLE_BRIEFS = 20;
const card = (front: string[], body = '正文：先留足生活备用金。\n') => briefSource([...KNOWLEDGE, ...front], body);
const TITLE = 'title: 拆迁款到手，先做好这三件事';

/** Loads the sample with `rel` replaced; asserts the other briefs still load. */
async function alone(source: string | Uint8Array, rel = REL) {
  const { content, brief, problems } = await loadBrief(source, rel);
  expect(content.briefs.filter((b) => b.file !== `content/${rel}`)).toHaveLength(SAMPLE_BRIEFS - 1);
  return { brief, problems };
}

const bomb = [
  'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
  'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
  'f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
  'g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]',
];

describe('YAML', () => {
  it('an alias bomb in a brief is a located error, in bounded time', async () => {
    const t0 = Date.now();
    const { brief, problems } = await alone(card([TITLE, ...bomb]));
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(brief).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ ruleId: 'load/yaml-aliases', line: 8, severity: 'error' })]);
  });

  it('an alias bomb in branches.yaml, a persona or approvals.yaml is a located error, not a crash', async () => {
    for (const rel of ['approvals.yaml', 'personas/xihu/president.md', 'branches.yaml']) {
      const tree = await sampleTree();
      const src = text(tree, rel);
      put(tree, rel, rel.endsWith('.md') ? src.replace('---\n', `---\n${bomb.join('\n')}\n`) : `${src}\n${bomb.join('\n')}\n`);
      const content = loadContent(tree, WEEK, { checkMascot });
      expect(content.problems.find((p) => p.file === `content/${rel}`), rel).toMatchObject({ ruleId: 'load/yaml-aliases' });
    }
  });

  it('ordinary anchors are legal: a reviewer anchored once and reused in 100 waivers, a tag in 100 segments', async () => {
    const tree = await sampleTree();
    const waiver = (i: number) => [`  - brief: xihu/brief-${i}`, '    rule: safety-words', `    textHash: ${'ab'.repeat(32)}`, i === 0 ? '    reviewer: &wang 王审核（合规部）' : '    reviewer: *wang', '    date: 2026-11-20', '    reason: 同意'].join('\n');
    put(tree, 'approvals.yaml', `waivers:\n${Array.from({ length: 100 }, (_, i) => waiver(i)).join('\n')}\n`);
    const content = loadContent(tree, WEEK, { checkMascot });
    expect(content.problems).toEqual([]);
    expect(content.waivers).toHaveLength(100);
    expect(content.waivers[99]!.reviewer).toBe('王审核（合规部）');
    const { brief } = await alone(card(['title: 拆迁款', `segments: [&t 社区客群, ${Array(99).fill('*t').join(', ')}]`]));
    expect(brief!.fields.segments).toHaveLength(100);
  });

  it('a duplicate key is a located error at the second one', async () => {
    const { problems } = await alone(card([TITLE, 'title: 另一个标题']));
    expect(problems).toEqual([expect.objectContaining({ ruleId: 'load/yaml', line: 7, column: 1 })]);
  });

  it('impossible dates are located errors, never NaN月NaN日', async () => {
    for (const date of ['2026-13-45', '2026-11-31', '2026-02-29']) {
      const { problems } = await alone(briefSource(['persona: xihu/president', 'kind: invitation', 'day: wed', 'title: 茶话会', `event: { name: 茶话会, date: ${date}, place: 网点 }`], '正文\n'));
      expect(problems, date).toEqual([expect.objectContaining({ ruleId: 'load/invalid-value', line: 6, column: 27 })]);
      expect(problems[0]!.message).toContain('real calendar date');
    }
  });

  it('a load error never quotes a client detail raw', async () => {
    const { problems } = await alone(briefSource(['persona: xihu/president', 'kind: knowledge-card', 'day: "13812349999"', TITLE], '正文\n'));
    expect(problems[0]!.message).toContain('138****9999');
    expect(problems[0]!.message).not.toMatch(/13812349999/);
    const persona = await alone(briefSource(['persona: "张三 13912345678"', 'kind: knowledge-card', 'day: wed', TITLE], '正文\n'));
    expect(persona.problems[0]!.message).not.toMatch(/\d{7}/);
  });
});

describe('bytes and sizes', () => {
  it('invalid UTF-8 is a located error at the first bad byte', async () => {
    const bytes = Buffer.concat([Buffer.from(card([TITLE], '正文')), Buffer.from([0xb2, 0xe2]), Buffer.from('\n')]);
    const { problems } = await alone(bytes);
    expect(problems).toEqual([expect.objectContaining({ ruleId: 'load/encoding', line: 8, column: 3 })]);
  });

  it('a BOM and CRLF line ends load, and findings still point at the right characters', async () => {
    const src = `\uFEFF${card([TITLE], '街坊们，客户电话13812345678。\n')}`.replace(/\n/g, '\r\n');
    const { result, problems } = await gate(src);
    expect(problems).toEqual([]);
    const phone = result!.decision.judged.find((j) => j.finding.ruleId === 'pii-phone' && j.finding.field === 'body')!;
    expect(phone.finding).toMatchObject({ line: 8, column: 9, field: 'body' });
    expect(result!.caption).not.toContain('\r');
  });

  it('NUL and other control characters are located errors', async () => {
    const { problems } = await alone(card(['title: 拆迁\u0000款']));
    expect(problems).toEqual([expect.objectContaining({ ruleId: 'load/control-character', line: 6, column: 10 })]);
  });

  it('astral characters load and map: an emoji is drawn, 𠮷 is a missing-glyph finding at its place', async () => {
    const { result, problems } = await gate(card(['title: 早安🌅𠮷拆迁款'], '今天😀也要加油。\n'));
    expect(problems).toEqual([]);
    expect(result!.failure).toBeUndefined();
    const missing = result!.findings.find((f) => f.ruleId === 'missing-glyph')!;
    expect(missing).toMatchObject({ line: 6, column: 12, field: 'title' });
  });

  it('a 1 MB body is refused before parsing, quickly', async () => {
    const t0 = Date.now();
    const { problems } = await alone(card([TITLE], `${'很长的正文。'.repeat(60_000)}\n`));
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(problems).toEqual([expect.objectContaining({ ruleId: 'load/too-large' })]);
  });

  it('a 60,000-character word is a located error where the limit is passed', async () => {
    const { problems } = await alone(card([TITLE], `${'a'.repeat(60_000)}\n`));
    expect(problems).toEqual([expect.objectContaining({ ruleId: 'load/too-long', line: 8, column: 5001 })]);
  });

  it('20,000 nested quotes are a located error; a few levels load', async () => {
    const deep = await alone(card([TITLE], `${'>'.repeat(20_000)} 深\n`));
    expect(deep.problems).toEqual([expect.objectContaining({ ruleId: 'load/too-deep', line: 8, column: 1 })]);
    const some = await alone(card([TITLE], '> > > 引用三层也可以\n'));
    expect(some.brief!.paragraphs).toEqual(['引用三层也可以']);
  });
});

describe('text that does not fit', () => {
  it('the longest body the loader lets through renders in bounded time and is reported, not approved', async () => {
    const t0 = Date.now();
    const { result, problems } = await gate(card([TITLE], `${'很长的正文，'.repeat(833)}\n`));
    expect(problems).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(result!.findings.filter((f) => f.ruleId === 'text-overflow').map((f) => f.field)).toEqual(['body']);
  });

  it('a long Latin run in the title and a row of dashes in the body are text-overflow findings, not approved', async () => {
    const { result } = await gate(card([`title: ${'W'.repeat(120)}`], `分隔线${'-'.repeat(150)}\n`));
    expect(result!.failure).toBeUndefined();
    const overflow = result!.findings.filter((f) => f.ruleId === 'text-overflow').map((f) => f.field);
    expect(overflow).toEqual(expect.arrayContaining(['title', 'body']));
    expect(result!.decision.approved).toBe(false);
  });
});

describe('file names and places', () => {
  it('a 249-byte Chinese file name is a located error, not ENAMETOOLONG', async () => {
    const rel = `weeks/2026-W48/xihu/wed-${'长'.repeat(81)}.md`;
    const { problems } = await loadBrief(card([TITLE]), rel);
    expect(problems).toEqual([expect.objectContaining({ ruleId: 'load/file-name', line: 1, column: 1 })]);
  });

  it('odd file names are refused with a message', async () => {
    for (const name of ['-rf', 'a\u202Eb', 'tab\there', 'a:b']) {
      const { problems } = await loadBrief(card([TITLE]), `weeks/2026-W48/xihu/${name}.md`);
      expect(problems.map((p) => p.ruleId), name).toEqual(['load/file-name']);
    }
  });

  it('a client detail in a file name is refused and shown masked', async () => {
    const rel = 'weeks/2026-W48/xihu/wed-visit-13812345678.md';
    const { content } = await loadBrief(card([TITLE]), rel);
    const p = content.problems.find((x) => x.ruleId === 'load/file-name')!;
    expect(p.file).toBe('content/weeks/2026-W48/xihu/wed-visit-138****5678.md');
    expect(JSON.stringify(content.problems)).not.toContain('13812345678');
    expect(content.briefs.some((b) => b.id.includes('1381234'))).toBe(false);
  });

  it('an ID number, a card number or a client named with an honorific in a file name is refused too', async () => {
    for (const detail of ['11010519491231002X', '6222021234567890123']) {
      const { content } = await loadBrief(card([TITLE]), `weeks/2026-W48/xihu/wed-${detail}.md`);
      const file = content.problems.find((p) => p.ruleId === 'load/file-name')!.file;
      expect(file, detail).toMatch(/^content\/weeks\/2026-W48\/xihu\/wed-\d{3,6}\*{6,}\d{2,4}X?\.md$/);
      expect(JSON.stringify(content.problems)).not.toContain(detail.slice(0, 12));
    }
    const { content } = await loadBrief(card([TITLE]), 'weeks/2026-W48/xihu/wed-客户张伟女士-回访.md');
    const p = content.problems.find((x) => x.ruleId === 'load/file-name')!;
    expect(p.message).toContain('client detail');
    expect(p.file).not.toContain('张伟');
  });

  it('names that differ only in letter case or Unicode form are refused: they would be one file elsewhere', async () => {
    const tree = await sampleTree();
    put(tree, 'weeks/2026-W48/xihu/Wed-Relocation-Funds.md', card([TITLE]));
    put(tree, 'weeks/2026-W48/xihu/wed-cafe\u0301.md', card([TITLE]));
    const content = loadContent(tree, WEEK, { checkMascot });
    expect(content.problems.filter((p) => p.ruleId === 'load/duplicate-brief').map((p) => p.file).sort()).toEqual([
      'content/weeks/2026-W48/xihu/Wed-Relocation-Funds.md',
      'content/weeks/2026-W48/xihu/wed-relocation-funds.md',
    ]);
    expect(content.problems.find((p) => p.file.includes('cafe'))).toMatchObject({ ruleId: 'load/file-name' });
    expect(content.briefs.filter((b) => b.id.toLowerCase() === 'xihu/wed-relocation-funds')).toEqual([]);
  });

  it('a brief saved as .MD or another extension gets a message, not silence', async () => {
    const { content } = await loadBrief(card([TITLE]), 'weeks/2026-W48/xihu/wed-upper.MD');
    expect(content.problems.find((p) => p.file.endsWith('wed-upper.MD'))).toMatchObject({ ruleId: 'load/file-name', severity: 'error' });
    const tree = await sampleTree();
    tree.paths.add('weeks/2026-W48/xihu/notes.docx');
    expect(loadContent(tree, WEEK).problems.find((p) => p.file.endsWith('notes.docx'))).toMatchObject({ ruleId: 'load/not-a-brief' });
  });

  it('refuses traversal, absolute paths and URLs in photo paths and persona refs, at the value', async () => {
    for (const photo of ['../../etc/passwd', '/etc/passwd', 'photos/../../../x.jpg', 'https://127.0.0.1/a.jpg', 'file:///etc/passwd']) {
      const { problems } = await alone(briefSource(['persona: xihu/president', 'kind: photo-moments', 'day: wed', TITLE, `photo: "${photo}"`], '正文\n'));
      expect(problems, photo).toEqual([expect.objectContaining({ ruleId: 'load/bad-path', line: 6, column: 8 })]);
    }
    const { problems } = await alone(briefSource(['persona: ../../personas/xihu/president', 'kind: knowledge-card', 'day: wed', TITLE], '正文\n'));
    expect(problems).toEqual([expect.objectContaining({ ruleId: 'load/unknown-persona', line: 2, column: 10 })]);
  });

  it('a brief in a folder that is not a branch is refused', async () => {
    const { problems } = await loadBrief(card([TITLE]), 'weeks/2026-W48/evil/wed-x.md');
    expect(problems).toEqual([expect.objectContaining({ ruleId: 'load/unknown-branch' })]);
  });

  describe('symbolic links', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'wendu-links-'));
      const content = join(dir, 'content');
      await mkdir(join(content, 'weeks/2026-W48/xihu'), { recursive: true });
      await mkdir(join(content, 'personas/xihu'), { recursive: true });
      await mkdir(join(content, 'photos'), { recursive: true });
      for (const rel of ['branches.yaml', 'personas/xiao-u.md', 'personas/xihu/president.md']) {
        await writeFile(join(content, rel), (await readFile(join(CONTENT_DIR, rel), 'utf8')).replace(/^avatar:.*\n/m, ''));
      }
      await writeFile(join(dir, 'outside.md'), card([TITLE]));
      await writeFile(join(dir, 'outside.jpg'), await readFile(join(CONTENT_DIR, 'photos/xihu/grid-1.jpg')));
      await symlink(join(dir, 'outside.md'), join(content, 'weeks/2026-W48/xihu/wed-linked.md'));
      await symlink(join(dir, 'outside.jpg'), join(content, 'photos/linked.jpg'));
      await writeFile(join(content, 'weeks/2026-W48/xihu/wed-photo.md'), briefSource(['persona: xihu/president', 'kind: photo-moments', 'day: wed', TITLE, 'photo: photos/linked.jpg'], '正文\n'));
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it('a symlinked brief is named, not followed and not silently skipped; a symlinked photo is refused at its line', async () => {
      const tree = await readContentTree(join(dir, 'content'));
      tree.root = 'content';
      const content = loadContent(tree, WEEK);
      expect(content.problems.find((p) => p.file.endsWith('wed-linked.md'))).toMatchObject({ ruleId: 'load/not-read' });
      expect(content.problems.find((p) => p.file.endsWith('wed-photo.md'))).toMatchObject({ ruleId: 'load/bad-path', line: 6 });
      expect(content.briefs).toEqual([]);
    });
  });
});

describe('photos', () => {
  const photoBrief = (photo: string) => briefSource(['persona: xihu/president', 'kind: photo-moments', 'day: wed', TITLE, '# the photo:', `photo: ${photo}`], '正文\n');
  const real = () => readFile(join(CONTENT_DIR, 'photos/xihu/grid-1.jpg'));
  /** a PNG header claiming 60000×60000 pixels: a decompression bomb as far as any decoder can tell */
  const bombPng = () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } }).png().toBuffer().then((b) => {
    b.writeUInt32BE(60_000, 16);
    b.writeUInt32BE(60_000, 20);
    return b;
  });

  it('corrupt, truncated, non-image and bomb photos are failures located at the photo line; the batch goes on', async () => {
    const cases: [string, Uint8Array][] = [
      ['photos/corrupt.jpg', Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256))],
      ['photos/truncated.jpg', (await real()).subarray(0, 2000)],
      ['photos/words.jpg', Buffer.from('这不是图片，是一段文字')],
      ['photos/bomb.png', await bombPng()],
    ];
    for (const [path, data] of cases) {
      const t0 = Date.now();
      const { result, problems } = await gate(photoBrief(path), REL, 'xihu', { [path]: data });
      expect(problems, path).toEqual([]);
      expect(result!.failure, path).toMatchObject({ file: FILE, line: 7, column: 8, ruleId: 'render/failed' });
      expect(result!.decision.approved).toBe(false);
      expect(Date.now() - t0, path).toBeLessThan(10_000);
    }
  });
});

describe('URLs are never fetched', () => {
  let server: Server;
  let requests = 0;
  let base = '';
  beforeAll(async () => {
    server = createServer((_req, res) => {
      requests++;
      res.end('x');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const addr = server.address() as { port: number };
    base = `http://127.0.0.1:${addr.port}`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  it('in every text field, the body (links, images, autolinks), the caption and the sign-up link: zero requests', async () => {
    const u = (p: string) => `${base}/${p}`;
    const poster = briefSource(
      ['persona: xiao-u', 'kind: poster', 'day: tue', `title: 讲座 ${u('title')}`, `subtitle: ${u('subtitle')}`, `caption: ${u('caption')}`, `link: ${u('link').replace('http:', 'https:')}`, `cta: 报名 ${u('cta')}`],
      `正文 [链接](${u('md-link')}) ![图](${u('md-img')}) <${u('autolink')}> <img src="${u('html-img')}">\n\n[ref]: ${u('ref')}\n`,
    );
    const { result, problems } = await gate(poster, 'weeks/2026-W48/_all/tue-poster-finance-101.md');
    expect(problems).toEqual([]);
    expect(result!.failure).toBeUndefined();
    // audience tags are a closed list per branch: a URL there is a located error, never a reference
    const tagged = await gate(poster.replace('cta:', `segments: ["${u('seg')}"]\ncta:`), 'weeks/2026-W48/_all/tue-poster-finance-101.md');
    expect(tagged.problems.map((p) => p.ruleId)).toEqual(['load/unknown-segment']);
    const invite = briefSource(['persona: xiao-u', 'kind: invitation', 'day: wed', `title: ${u('t')}`, `event: { name: "${u('event')}", date: 2026-12-05, place: "${u('place')}" }`], `${u('body')}\n`);
    await gate(invite, 'weeks/2026-W48/_all/wed-invitation-tea-party.md');
    const photo = await loadBrief(briefSource(['persona: xihu/president', 'kind: photo-moments', 'day: wed', TITLE, `photo: ${u('photo.jpg')}`], '正文\n'));
    expect(photo.problems[0]!.ruleId).toBe('load/bad-path');
    await new Promise((ok) => setTimeout(ok, 200));
    expect(requests).toBe(0);
  });
});

describe('markup and template syntax are drawn as typed', () => {
  it('in the title, subtitle, caption and body', async () => {
    const typed = ['<b>粗体</b>{{title}}', '{{{branch.name}}} <img src=x onerror=alert(1)>', '{{#each paragraphs}}x{{/each}}'];
    const src = card([`title: "${typed[0]}"`, `subtitle: "${typed[1]}"`, `caption: "${typed[2]}"`], '正文里有 <i>斜体</i> 和 {{persona.name}}。\n');
    const { result, problems } = await gate(src);
    expect(problems).toEqual([]);
    expect(result!.failure).toBeUndefined();
    const drawn = result!.drawn.map((d) => d.text);
    expect(drawn).toContain(typed[0]);
    expect(drawn).toContain(typed[1]);
    expect(drawn).toContain('正文里有 <i>斜体</i> 和 {{persona.name}}。');
    expect(result!.caption).toContain(typed[2]);
    // character references in YAML fields are text: drawn as typed, not decoded
    const refs = await gate(card(['title: "&#49;&#51;&#56; 和 &amp;"']));
    expect(refs.result!.drawn.map((d) => d.text)).toContain('&#49;&#51;&#56; 和 &amp;');
    expect(blocking(result!).filter((b) => b.startsWith('render'))).toEqual([]);
  });
});

describe('markup and template syntax in every kind\'s fields are drawn as typed', () => {
  const M = ['<b>粗</b>', '{{title}}', '{{{x}}}', '&lt;i&gt;'];
  const q = (t: string) => JSON.stringify(t);
  const cases: [string, string, string[], string[]][] = [
    ['weeks/2026-W48/_all/tue-poster-finance-101.md', 'poster', ['persona: xiao-u', 'kind: poster', 'day: tue', `title: ${q(`课${M[0]}`)}`, `cta: ${q(`报名${M[1]}`)}`, 'link: https://events.tongxin-bank.example/x', `mascot: { pose: sign, sign: ${q(`指南${M[3]}`)} }`], [`课${M[0]}`, `报名${M[1]}`]],
    ['weeks/2026-W48/_all/wed-invitation-tea-party.md', 'invitation', ['persona: xiao-u', 'kind: invitation', 'day: wed', 'title: 茶话会', `event: { name: ${q(`茶${M[2]}`)}, date: 2026-11-28, place: ${q(`三楼${M[0]}`)} }`], [`三楼${M[0]}`]],
    ['weeks/2026-W48/_all/mon-sticker-pack.md', 'sticker-pack', ['persona: xiao-u', 'kind: sticker-pack', 'day: mon', 'title: 表情包', `stickers: [${['早安', '收到', '谢谢', '加油', '晚安', '辛苦啦', '么么哒'].join(', ')}, ${q(`{{x}}`)}]`], ['{{x}}']],
    ['weeks/2026-W48/xihu/thu-weekly-report.md', 'weekly-report', ['persona: xihu/manager-chen', 'kind: weekly-report', 'day: thu', 'title: 周报', 'chart:', '  type: bar', `  unit: ${q(`次${M[0]}`)}`, `  source: ${q(`登记${M[1]}`)}`, '  data:', `    - { label: ${q(`养老${M[3]}`)}, value: 46 }`, '    - { label: 教育金, value: 31 }'], [`单位：次${M[0]}`, `养老${M[3]}`]],
  ];
  for (const [rel, kind, front, expected] of cases) {
    it(kind, async () => {
      const { result, problems } = await gate(briefSource(front, `正文 ${M.join(' ')}\n`), rel);
      expect(problems).toEqual([]);
      expect(result!.failure).toBeUndefined();
      const drawn = result!.drawn.map((d) => d.text).join('\n');
      for (const t of expected) expect(drawn, t).toContain(t);
    });
  }
});

// The whole batch on a copy of the sample week, as marketing runs it: what lands in the bundles,
// the report and the portal, and what never may.
import { beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../pipeline/cli/main.ts';
import { readZip } from '../../pipeline/bundle/verify.ts';
import { CONTENT_DIR } from '../helpers/content.ts';

const PHONE = '13812345678';
const SALARY = 'content/weeks/2026-W48/jinjiang/tue-first-salary.md';

function capture(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s), cwd, tty: false }, out, err };
}

async function* walk(dir: string): AsyncGenerator<string> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isDirectory()) yield* walk(join(dir, e.name));
    else yield join(dir, e.name);
  }
}

let dir = '';
let first: ReturnType<typeof capture>;
let code = -1;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wendu-publish-'));
  await cp(CONTENT_DIR, join(dir, 'content'), { recursive: true });
  // a client's unmasked phone number in Friday's story
  const story = join(dir, 'content/weeks/2026-W48/jinjiang/fri-client-story.md');
  await writeFile(story, (await readFile(story, 'utf8')).replace('王叔叔今年七十二岁，', `王叔叔今年七十二岁（电话 ${PHONE}），`));
  first = capture(dir);
  code = await main(['build', '--week', '2026-W48', '--branch', 'jinjiang'], first.io);
}, 300_000);

describe('a weekly build', () => {
  it('exits 0: rejections are a normal outcome, and names them in the summary', () => {
    expect(code).toBe(0);
    const summary = first.out.join('');
    expect(summary).toMatch(/jinjiang\s+\d+ approved \(1 with waivers\), 1 rejected/);
    expect(summary).toContain('jinjiang/fri-client-story — pii-phone');
  });

  it('keeps the asset with a client phone number, and the number, out of the bundle and everything written', async () => {
    const zip = await readZip(await readFile(join(dir, 'out/2026-W48/bundles/jinjiang.zip')));
    expect([...zip.keys()].some((p) => p.includes('client-story'))).toBe(false);
    expect([...zip.keys()].some((p) => p.includes('first-salary'))).toBe(true);
    for (const [name, data] of zip) expect(data.includes(PHONE), name).toBe(false);
    for await (const file of walk(join(dir, 'out'))) expect((await readFile(file)).includes(PHONE), file).toBe(false);
    expect(await readFile(join(dir, 'out/2026-W48/report/index.html'), 'utf8')).toContain('138****5678');
  });

  it('ships the waived warning with its reviewer in the manifest and the report', async () => {
    const manifest = JSON.parse(await readFile(join(dir, 'out/2026-W48/jinjiang/manifest.json'), 'utf8'));
    expect(manifest.waivers).toEqual([expect.objectContaining({ brief: 'jinjiang/tue-first-salary', rule: 'safety-words', reviewer: '王审核（合规部）' })]);
    expect(await readFile(join(dir, 'out/2026-W48/report/index.html'), 'utf8')).toContain('王审核（合规部）');
  });

  it('writes an audit line per decision, appending across runs', async () => {
    const lines = (await readFile(join(dir, 'out/2026-W48/audit.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.find((l) => l.job === '2026-W48:jinjiang:jinjiang/fri-client-story')).toMatchObject({ decision: 'rejected' });
    expect(lines.find((l) => l.job === '2026-W48:jinjiang:jinjiang/tue-first-salary')).toMatchObject({ decision: 'approved-with-waivers' });
  });

  it('verifies the bundle, and fails it when a byte changes', async () => {
    const path = join(dir, 'out/2026-W48/bundles/jinjiang.zip');
    expect(await main(['verify', path], capture(dir).io)).toBe(0);
    const zip = await readFile(path);
    const at = zip.indexOf(Buffer.from('captions.md')) + 200;
    zip[at] = zip[at]! ^ 0x01;
    await writeFile(path, zip);
    const c = capture(dir);
    expect(await main(['verify', path], c.io)).toBe(1);
    expect(c.err.join('')).toMatch(/NOT intact/);
  });

  it('revives the waived warning when its text is edited', async () => {
    const salary = join(dir, SALARY);
    await writeFile(salary, (await readFile(salary, 'utf8')).replace('节奏对了，路就顺了。', '节奏对了，路就顺了！'));
    const c = capture(dir);
    expect(await main(['build', '--week', '2026-W48', '--branch', 'jinjiang', '--strict'], c.io)).toBe(1);
    expect(c.out.join('')).toContain('jinjiang/tue-first-salary — safety-words');
    const zip = await readZip(await readFile(join(dir, 'out/2026-W48/bundles/jinjiang.zip')));
    expect([...zip.keys()].some((p) => p.includes('first-salary'))).toBe(false);
  }, 300_000);
});

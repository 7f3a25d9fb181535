// `wendu waive`: the exact entry the gate reads, appended to approvals.yaml with its comments kept;
// errors and client details refused.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli/main.ts';
import { CONTENT_DIR } from '../helpers/content.ts';

let dir: string;
async function wendu(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd: dir });
  return { code, stdout, stderr };
}
const approvals = () => readFile(join(dir, 'content/approvals.yaml'), 'utf8');

const REASON = '「安全」形容的是活期存款（受存款保险保障），不是理财产品；文中已附理财风险提示，同意发布。';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wendu-waive-'));
  await cp(CONTENT_DIR, join(dir, 'content'), { recursive: true });
});

describe('wendu waive', () => {
  it('writes exactly the waiver a reviewer wrote by hand, keeping the file’s comments', async () => {
    const original = await approvals();
    const entry = parse(original).waivers[0];
    expect(entry).toMatchObject({ brief: 'jinjiang/tue-first-salary', rule: 'safety-words' });
    // the sample file without its waiver: the header comment stays
    const header = original.slice(0, original.indexOf('waivers:'));
    await writeFile(join(dir, 'content/approvals.yaml'), `${header}waivers: []\n`);

    const r = await wendu('waive', 'jinjiang/tue-first-salary', 'safety-words', '--reason', REASON, '--reviewer', '王审核（合规部）', '--date', '2026-11-20');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/tue-first-salary\.md:13:21: waived safety-words 「安全」 in body/);
    const written = await approvals();
    expect(written.startsWith(header)).toBe(true);
    expect(parse(written).waivers).toEqual([{ ...entry, date: '2026-11-20' }]);
    expect(parse(written).waivers[0].textHash).toBe(entry.textHash);

    // asked again: nothing is duplicated
    const again = await wendu('waive', 'content/weeks/2026-W48/jinjiang/tue-first-salary.md', 'safety-words', '--reason', REASON, '--reviewer', '王审核（合规部）');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already waived');
    expect(await approvals()).toBe(written);
  });

  it('appends below the existing waivers and their comments', async () => {
    const before = await approvals();
    await writeFile(join(dir, 'content/weeks/2026-W48/xihu/sat-weekend-walk.md'), `---
persona: xihu/president
kind: moments
day: sat
title: 周末走走
---
这款理财最稳，理财非存款、产品有风险、投资须谨慎。
`);
    const r = await wendu('waive', 'xihu/sat-weekend-walk', 'superlative', '--reason', '「最稳」指步道最平稳，与产品无关。', '--reviewer', '李审核');
    expect(r.code).toBe(0);
    const after = await approvals();
    expect(after.startsWith(before.trimEnd())).toBe(true);
    const waivers = parse(after).waivers;
    expect(waivers).toHaveLength(2);
    expect(waivers[1]).toMatchObject({ brief: 'xihu/sat-weekend-walk', rule: 'superlative', reviewer: '李审核', textHash: expect.stringMatching(/^[0-9a-f]{64}$/), date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });

  it('refuses an error, and says the policy made it one', async () => {
    const before = await approvals();
    const err = await wendu('waive', 'tianhe/thu-new-product-draft', 'guarantee', '--reason', '试试', '--reviewer', '某人');
    expect(err.code).toBe(1);
    expect(err.stderr).toContain('refused: `guarantee` is an error: only warnings can be waived');
    // the sample policy makes inducement an error for this bank
    const policy = await wendu('waive', 'tianhe/thu-new-product-draft', 'inducement', '--reason', '试试', '--reviewer', '某人');
    expect(policy.code).toBe(1);
    expect(policy.stderr).toMatch(/`inducement` is an error under the policy content\/policy\.yaml/);
    expect(await approvals()).toBe(before);
  });

  it('refuses a client detail: never waivable, and the number is not printed', async () => {
    const file = join(dir, 'content/weeks/2026-W48/xihu/sat-weekend-walk.md');
    await writeFile(file, (await readFile(file, 'utf8')).trimEnd() + '\n有事请打张阿姨电话13912345678。\n');
    const r = await wendu('waive', 'xihu/sat-weekend-walk', 'pii-phone', '--reason', '客户同意公开', '--reviewer', '某人');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('never waivable');
    expect(r.stderr).not.toContain('13912345678');
  });

  it('says when there is nothing to waive, and rejects bad usage (exit 2)', async () => {
    const none = await wendu('waive', 'xihu/sat-weekend-walk', 'superlative', '--reason', '无', '--reviewer', '某人');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('has no `superlative` finding');
    expect((await wendu('waive', 'xihu/sat-weekend-walk', 'superlative', '--reviewer', '某人')).code).toBe(2);
    expect((await wendu('waive', 'xihu/nope', 'superlative', '--reason', 'x', '--reviewer', '某人')).code).toBe(2);
    expect((await wendu('waive', 'xihu/sat-weekend-walk', 'no-such-rule', '--reason', 'x', '--reviewer', '某人')).code).toBe(2);
  });
});

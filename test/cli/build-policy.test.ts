// `wendu build` under the bank's policy: a policy that lowers a client-detail rule stops the
// build before anything renders (a located error, exit 2); a valid one is applied to every job
// and named, through the rule-set version, in the manifest, the SARIF log and the summary.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli/main.ts';
import { rulesetVersion } from '../../pipeline/lint/index.ts';
import { CONTENT_DIR } from '../helpers/content.ts';

async function sample() {
  const dir = await mkdtemp(join(tmpdir(), 'wendu-build-policy-'));
  await cp(CONTENT_DIR, join(dir, 'content'), { recursive: true });
  return dir;
}
async function wendu(dir: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd: dir, tty: false });
  return { code, stdout, stderr };
}

describe('wendu build with a policy', () => {
  it('refuses a policy that lowers pii-phone, at its line and column, before rendering anything', async () => {
    const dir = await sample();
    await writeFile(join(dir, 'content/policy.yaml'), 'rules:\n  pii-phone:\n    severity: info\n    reason: 想让分行电话以外的号码也能发出去。\n');
    const r = await wendu(dir, 'build', '--branch', 'xihu');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^content\/policy\.yaml:3:15: error `pii-phone` is a client-detail \(PII\) rule/m);
    expect(r.stdout).toBe('');
  });

  it("applies the content folder's policy to every job and names it in the manifest and SARIF", async () => {
    const dir = await sample();
    // this bank treats 安全 about a product as an error: the waived warning is no longer waivable
    await writeFile(join(dir, 'content/policy.yaml'), 'rules:\n  safety-words:\n    severity: error\n    reason: 本行一律不用「安全」形容理财产品。\n');
    const r = await wendu(dir, 'build', '--branch', 'jinjiang');
    expect(r.code).toBe(0);
    const version = r.stdout.match(/rule set\s+(\S+)/)![1]!;
    expect(version).toMatch(new RegExp(`^${rulesetVersion()}\\+policy\\.[0-9a-f]{8}$`));
    expect(r.stdout).toContain('jinjiang/tue-first-salary — safety-words');
    const manifest = JSON.parse(await readFile(join(dir, 'out/2026-W48/public/jinjiang/manifest.json'), 'utf8'));
    expect(manifest.ruleset).toBe(version);
    const sarif = JSON.parse(await readFile(join(dir, 'out/2026-W48/review/lint.sarif'), 'utf8'));
    expect(sarif.runs[0].tool.driver.version).toBe(version);
    const rule = sarif.runs[0].tool.driver.rules.find((x: { id: string }) => x.id === 'safety-words');
    expect(rule).toMatchObject({ defaultConfiguration: { level: 'error' }, properties: { waivable: false } });
  });
});

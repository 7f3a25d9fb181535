// A child process for the kill test (test/cli/kill.test.ts): publishes a small synthetic week into
// OUT again and again, a little different every time, until it is killed. Not a test file.
//   node --import tsx test/cli/kill-child.ts OUTWEEK KEYFILE FIXTURE loop|once
// FIXTURE: the content and jobs, v8-serialised by the test (so the child starts without the loader).
// Exit codes: 0 after `once`; 3 when the lock is held by a live build.
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { JobResult } from '../../pipeline/batch.ts';
import { judge } from '../../pipeline/approve/gate.ts';
import { signingKeyFrom } from '../../pipeline/bundle/sign.ts';
import { acquireLock } from '../../pipeline/cli/out.ts';
import { publish } from '../../pipeline/cli/publish.ts';
import { deserialize } from 'node:v8';
import { activeRules } from '../../pipeline/lint/policy.ts';
import type { Content, Job } from '../../pipeline/model.ts';

const [outWeek, keyFile, fixture, mode] = process.argv.slice(2) as [string, string, string, string];
const key = signingKeyFrom(await readFile(keyFile));
const { content, jobs } = deserialize(await readFile(fixture)) as { content: Content; jobs: Job[] };
const jpeg = (colour: string) => sharp({ create: { width: 48, height: 64, channels: 3, background: colour } }).jpeg().toBuffer();
const images = await Promise.all(['#b3261e', '#e8a33d', '#3f8f6b'].map(jpeg));
/** A slug making `prefix + slug + .jpg` exactly 249 bytes: a temporary name built by appending to it would overflow NAME_MAX (255). */
function longSlug(prefix: string): string {
  let slug = '长'.repeat(Math.floor((249 - Buffer.byteLength(`${prefix}.jpg`)) / 3));
  while (Buffer.byteLength(`${prefix}${slug}.jpg`) < 249) slug += 'x';
  return slug;
}

function results(i: number): JobResult[] {
  return jobs.map((job, k) => {
    const prefix = `${job.order}-${job.brief.fields.day}-${job.time.replace(':', '')}-`;
    const base = `${prefix}${k === 0 ? longSlug(prefix) : job.brief.id.split('/').pop()}`;
    const caption = `第 ${i} 版文案：${job.brief.fields.title}\n理财非存款、产品有风险、投资须谨慎`;
    // every third version the jinjiang branch ships nothing (its bundle withdrawn)
    const rejected = job.branch === 'jinjiang' && i % 3 === 2;
    const finding = { file: job.brief.file, line: 1, column: 1, severity: 'error' as const, ruleId: 'guarantee', message: '保本保收益', field: 'caption', excerpt: '保本', waivable: false };
    return {
      job,
      caption,
      files: [{ name: '', path: `images/${base}.jpg`, data: images[(i + k) % 3]!, width: 48, height: 64, format: 'jpeg' as const }],
      spans: [{ field: 'caption', text: caption, file: job.brief.file }],
      drawn: [],
      findings: [],
      decision: judge(job.brief.id, rejected ? [finding] : [], []),
    };
  });
}

const active = activeRules();
const sarif = { fingerprintKey: Buffer.alloc(32, 7), srcRoot: 'file:///' };
const readContentFile = () => Promise.reject(new Error('no avatars in the kill test'));
const lock = await acquireLock(outWeek, new Date());
if ('heldBy' in lock) process.exit(3);
process.stdout.write('ready\n');
for (let i = Math.floor(Math.random() * 1000); ; i++) {
  const t = Date.now();
  await publish({ content, jobs, results: results(i), outWeek, key, readContentFile, branchIds: content.branches.map((b) => b.id), active, sarif });
  process.stdout.write(`cycle ${Date.now() - t}\n`);
  if (mode === 'once') break;
}
await lock.release();

// The bundle stage: a branch's approved assets as the files staff receive — images in posting
// order, captions.md, schedule.ics, 说明.txt and manifest.json — and the same files as one zip.
// Deterministic: nothing comes from the clock, entries are sorted, zip timestamps are fixed, so the
// same inputs give a byte-identical zip.
import { createHash } from 'node:crypto';
import yazl from 'yazl';
import { createEvents, type EventAttributes } from 'ics';
import type { Bank, Branch, Waiver } from '../model.ts';
import { chineseDate, dateOf } from '../week.ts';

export interface BundlePost {
  /** posting order within the branch's week, 1-based */
  order: number;
  briefId: string;
  title: string;
  kind: string;
  persona: string;
  date: string;
  time: string;
  caption: string;
  files: { path: string; data: Buffer; width: number; height: number }[];
}

export interface BundleFile {
  path: string;
  data: Buffer;
}

export interface ManifestEntry {
  path: string;
  bytes: number;
  sha256: string;
  width?: number;
  height?: number;
  brief?: string;
}

export interface Manifest {
  week: string;
  branch: string;
  ruleset: string;
  waivers: Pick<Waiver, 'brief' | 'rule' | 'reviewer' | 'date' | 'reason' | 'textHash'>[];
  files: ManifestEntry[];
  /** sha256 over week, branch, rule set, waivers and every file's path and hash: see `approvalStamp` */
  approval: { by: 'wendu'; stamp: string };
}

export const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * The approval stamp: a digest binding the files to the rule set and waivers they were approved
 * under. `wendu verify` recomputes it, so a manifest edited to match altered files is caught.
 */
export function approvalStamp(m: Omit<Manifest, 'approval'>): string {
  const files = m.files.map((f) => `${f.path}\0${f.bytes}\0${f.sha256}`).join('\n');
  const waivers = m.waivers.map((w) => `${w.brief}\0${w.rule}\0${w.textHash}\0${w.reviewer}`).join('\n');
  return sha256(`wendu-approval-v1\n${m.week}\n${m.branch}\n${m.ruleset}\n${waivers}\n${files}`);
}

/** China has one time zone and no daylight saving: posting times are UTC+8. */
function utcArray(date: string, time: string): [number, number, number, number, number] {
  const d = new Date(`${date}T${time}:00+08:00`);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
}

export function scheduleIcs(week: string, branch: Branch, posts: BundlePost[]): string {
  const events: EventAttributes[] = posts.map((p) => ({
    uid: `${week}-${branch.id}-${p.briefId.replace(/[^\w-]/g, '-')}@wendu`,
    title: `发朋友圈：${p.title}`,
    description: `${p.persona} · ${p.files.length} 张图片（${p.files.map((f) => f.path.replace(/^images\//, '')).join('、')}）\n文案见 captions.md 第 ${p.order} 条。`,
    start: utcArray(p.date, p.time),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: 15 },
    // DTSTAMP from the posting slot rather than the clock: the calendar is reproducible
    timestamp: Date.parse(`${p.date}T00:00:00+08:00`),
    alarms: [{ action: 'display', description: `10 分钟后发布：${p.title}`, trigger: { minutes: 10, before: true } }],
    productId: 'wendu/schedule',
    calName: `${branch.name} ${week} 朋友圈排期`,
  }));
  const { error, value } = createEvents(events);
  if (error || !value) throw new Error(`schedule.ics: ${error?.message ?? 'no calendar'}`);
  return value;
}

export function captionsMarkdown(week: string, branch: Branch, posts: BundlePost[]): string {
  const parts = [`# ${branch.name} · ${week} 朋友圈文案`, '', '按发布顺序排列；每条文案可直接复制粘贴，图片见 images/ 中同序号的文件。', ''];
  for (const p of posts) {
    parts.push(`## ${p.order}. ${chineseDate(p.date)} ${p.time} · ${p.title}`, '', `图片：${p.files.map((f) => f.path.replace(/^images\//, '')).join('、')}`, '', p.caption, '');
  }
  return parts.join('\n');
}

export function readme(week: string, branch: Branch, bank: Bank, posts: BundlePost[]): string {
  const lines = [
    `${branch.name} · ${week} 朋友圈素材包`,
    '',
    '本素材包内的全部图片与文案均已通过合规审核，请按以下方式使用：',
    '',
    '1. images/ 文件夹：按发布顺序编号的图片，文件名中含发布日与时间（如 1-mon-0830 表示周一 08:30）。',
    '   九宫格素材按 tile-1 至 tile-9 的顺序一次选入同一条朋友圈；表情包可直接保存到微信表情。',
    '2. captions.md：每条朋友圈的文案，按序号与图片对应，复制粘贴即可，请勿改动风险提示语。',
    '3. schedule.ics：本周发布排期，可导入手机日历，每条发布前 10 分钟提醒。',
    '4. manifest.json：素材清单与校验值，总行可用 wendu verify 校验素材包是否被改动。',
    '',
    '本周发布安排：',
    ...posts.map((p) => `  ${p.order}. ${chineseDate(p.date)} ${p.time}  ${p.title}（${p.files.length} 张）`),
    '',
    '温馨提示：',
    '- 请使用本行认证的工作微信发布，不要自行修改图片或文案；如需调整，请联系总行营销部重新出图审核。',
    '- 图片中的客户信息均已脱敏处理，请勿在评论区补充任何客户的姓名、电话或其他个人信息。',
    `- 客户咨询请引导至网点电话 ${branch.contact.phone} 或客服热线 ${bank.hotline}。`,
    '',
  ];
  return lines.join('\r\n');
}

export interface BundleInput {
  week: string;
  branch: Branch;
  bank: Bank;
  ruleset: string;
  waivers: Waiver[];
  posts: BundlePost[];
}

/** Every file of the bundle (manifest last), in a stable order. */
export function bundleFiles(input: BundleInput): { files: BundleFile[]; manifest: Manifest } {
  const { week, branch, posts } = input;
  const files: BundleFile[] = [];
  const entries: ManifestEntry[] = [];
  const add = (path: string, data: Buffer, extra: Partial<ManifestEntry> = {}) => {
    files.push({ path, data });
    entries.push({ path, bytes: data.length, sha256: sha256(data), ...extra });
  };
  for (const p of posts) for (const f of p.files) add(f.path, f.data, { width: f.width, height: f.height, brief: p.briefId });
  add('captions.md', Buffer.from(captionsMarkdown(week, branch, posts)));
  add('schedule.ics', Buffer.from(scheduleIcs(week, branch, posts)));
  add('说明.txt', Buffer.from(readme(week, branch, input.bank, posts)));
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const waivers = [...input.waivers]
    .map(({ brief, rule, reviewer, date, reason, textHash }) => ({ brief, rule, reviewer, date, reason, textHash }))
    .sort((a, b) => `${a.brief}\0${a.rule}\0${a.textHash}`.localeCompare(`${b.brief}\0${b.rule}\0${b.textHash}`));
  const unsigned = { week, branch: branch.id, ruleset: input.ruleset, waivers, files: entries };
  const manifest: Manifest = { ...unsigned, approval: { by: 'wendu', stamp: approvalStamp(unsigned) } };
  files.push({ path: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) });
  return { files: files.sort((a, b) => (a.path === 'manifest.json' ? 1 : b.path === 'manifest.json' ? -1 : a.path < b.path ? -1 : 1)), manifest };
}

/** The zip of a bundle's files, with fixed timestamps and no per-machine metadata. */
export function zipBundle(files: BundleFile[], week: string): Promise<Buffer> {
  // local-time components, so the DOS timestamp is the same on every machine whatever its zone
  const [y, m, d] = dateOf(week, 'mon').split('-').map(Number) as [number, number, number];
  const mtime = new Date(y, m - 1, d, 0, 0, 0);
  const zip = new yazl.ZipFile();
  for (const f of files) {
    const already = /\.(jpe?g|png|gif|webp|zip)$/i.test(f.path);
    zip.addBuffer(f.data, f.path, { mtime, mode: 0o100644, compress: !already, forceDosTimestamp: true });
  }
  zip.end({ forceZip64Format: false, comment: '' });
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

// Fixture data for the report and portal tests: a realistic week of three branches, written as
// the build would assemble it, plus small PNG thumbnails made with sharp.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import type { PortalData, ReportAsset, ReportData, ReportFinding, ReportText } from '../../pipeline/report/model.ts';

export const SCRIPT_TEXT = '<script>alert(1)</script>';

/** A highlight of the first `needle` in `text` (from `from`), pointing at findings[finding]. */
function hl(text: string, needle: string, finding: number, from = 0) {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`fixture: ${needle} not in ${text}`);
  return { start, end: start + needle.length, finding };
}

const BASIS = {
  guarantee: '《广告法》第二十五条第（一）项；《理财公司理财产品销售管理暂行办法》第二十五条',
  expectedYield: '《理财公司理财产品销售管理暂行办法》第二十五条（不得使用“预期收益率”等表述、不得预测收益）；《广告法》第二十五条第（一）项',
  superlative: '《广告法》第九条第（三）项；银行业、基金业营销宣传规范（无客观依据不得使用“最大、最好、最强、唯一、首只、名列前茅”等）',
  safety: '银行业、基金业营销宣传规范（不得使用与产品风险不符的“安全、保证、承诺、保险、避险、有保障、高收益、无风险”等表述）',
  phone: '《个人信息保护法》第二十五条；《广告法》第九条第（六）项；JR/T 0171-2020（C2 类）',
  inducement: '《理财公司理财产品销售管理暂行办法》第二十五条（不得以抽奖、赠品、礼券等方式诱导销售）',
  warning: '《广告法》第二十五条（应当对可能存在的风险以及风险责任承担有合理提示或者警示）；《理财公司理财产品销售管理暂行办法》第二十五条',
  deposit: '《理财公司理财产品销售管理暂行办法》第二十五条（不得将理财产品与存款混同）',
};

const W = 'content/weeks/2026-W48';

// ── xihu ────────────────────────────────────────────────────────────────────────────────────────
const relocationBody = '拆迁款到账后，很多老邻居问我怎么放。这款理财稳赚不赔，年化可达4.5%，比存定期划算多了！\n有需要可以来网点找我聊聊。';
const relocation: ReportAsset = {
  id: '2026-W48:xihu:xihu/wed-relocation-funds',
  branch: 'xihu',
  branchName: '同心银行杭州西湖支行',
  brief: 'xihu/wed-relocation-funds',
  file: `${W}/xihu/wed-relocation-funds.md`,
  kind: 'knowledge-card',
  persona: 'xihu/president',
  title: '老城区拆迁款如何配置最稳妥？',
  slot: '11月25日 周三 10:00',
  status: 'rejected',
  thumbnails: ['thumbs/xihu-wed.png'],
  texts: [
    { field: 'title', text: '老城区拆迁款如何配置最稳妥？', highlights: [] },
    { field: 'body', text: relocationBody, highlights: [hl(relocationBody, '稳赚不赔', 0), hl(relocationBody, '年化可达', 1)] },
  ],
  findings: [
    {
      ruleId: 'guarantee',
      severity: 'error',
      message: '明示或暗示保本、保收益：“稳赚不赔”',
      basis: BASIS.guarantee,
      suggestion: '删除保本保收益的表述，如实说明产品风险等级',
      file: `${W}/xihu/wed-relocation-funds.md`,
      line: 8,
      column: 24,
      field: 'body',
      excerpt: '稳赚不赔',
      status: 'open',
    },
    {
      ruleId: 'expected-yield',
      severity: 'error',
      message: '预测收益：“年化可达”',
      basis: BASIS.expectedYield,
      suggestion: '改用“业绩比较基准”，并说明其选取理由与测算方法',
      file: `${W}/xihu/wed-relocation-funds.md`,
      line: 8,
      column: 29,
      field: 'body',
      excerpt: '年化可达4.5%',
      status: 'open',
    },
  ],
};

const meeting: ReportAsset = {
  id: '2026-W48:xihu:xihu/mon-morning-meeting',
  branch: 'xihu',
  branchName: '同心银行杭州西湖支行',
  brief: 'xihu/mon-morning-meeting',
  file: `${W}/xihu/mon-morning-meeting.md`,
  kind: 'photo-moments',
  persona: 'xihu/president',
  title: '周一晨会：降温了，大家出门多穿一件',
  slot: '11月23日 周一 08:30',
  status: 'approved',
  thumbnails: ['../xihu/images/mon-morning-meeting.png'],
  texts: [
    { field: 'title', text: '周一晨会：降温了，大家出门多穿一件', highlights: [] },
    { field: 'caption', text: '新的一周从晨会开始。杭州降温了，来网点办事的叔叔阿姨记得添衣，我们在大厅备了热茶。', highlights: [] },
  ],
  findings: [],
};

const weeklyCaption = '本周西湖支行最受欢迎的理财知识讲座报名 126 人（数据来源：支行活动登记表）。理财非存款、产品有风险、投资须谨慎。';
const weekly: ReportAsset = {
  id: '2026-W48:xihu:xihu/thu-weekly-report',
  branch: 'xihu',
  branchName: '同心银行杭州西湖支行',
  brief: 'xihu/thu-weekly-report',
  file: `${W}/xihu/thu-weekly-report.md`,
  kind: 'weekly-report',
  persona: 'xihu/manager-chen',
  title: '财富健康周报 · 第48周',
  slot: '11月26日 周四 18:00',
  status: 'waived',
  thumbnails: ['thumbs/xihu-thu.png'],
  texts: [{ field: 'caption', text: weeklyCaption, highlights: [hl(weeklyCaption, '最受欢迎', 0)] }],
  findings: [
    {
      ruleId: 'superlative',
      severity: 'warning',
      message: '绝对化用语：“最受欢迎”',
      basis: BASIS.superlative,
      suggestion: '删除“最”字或注明客观依据',
      file: `${W}/xihu/thu-weekly-report.md`,
      line: 12,
      column: 7,
      field: 'caption',
      excerpt: '最受欢迎',
      status: 'waived',
      waiver: { reviewer: '王审核', date: '2026-11-20', reason: '指讲座报名人数，非产品宣传，已注明数据来源' },
    },
  ],
};

// ── jinjiang ────────────────────────────────────────────────────────────────────────────────────
const storyBody = '张阿姨退休后一直担心养老钱不够用。我们一起把存款分成了三份：日常开销、应急和长期储备。\n张阿姨说：“有事就打我电话 138****5678，我请你喝茶！”';
const story: ReportAsset = {
  id: '2026-W48:jinjiang:jinjiang/fri-client-story',
  branch: 'jinjiang',
  branchName: '同心银行成都锦江支行',
  brief: 'jinjiang/fri-client-story',
  file: `${W}/jinjiang/fri-client-story.md`,
  kind: 'story-card',
  persona: 'jinjiang/president',
  title: '一位老客户的养老规划故事',
  slot: '11月27日 周五 12:00',
  status: 'rejected',
  thumbnails: ['thumbs/jinjiang-fri.png'],
  texts: [{ field: 'body', text: storyBody, highlights: [hl(storyBody, '138****5678', 0)] }],
  findings: [
    {
      ruleId: 'pii-phone',
      severity: 'error',
      message: '客户手机号码：不得公开客户个人信息',
      basis: BASIS.phone,
      suggestion: '删除客户联系方式',
      file: `${W}/jinjiang/fri-client-story.md`,
      line: 9,
      column: 14,
      field: 'body',
      excerpt: '138****5678',
      status: 'unwaivable',
    },
  ],
};

const nineTitle = '锦江晨跑团 · 十一月打卡九宫格';
const nineGrid: ReportAsset = {
  id: '2026-W48:jinjiang:jinjiang/sat-run-club',
  branch: 'jinjiang',
  branchName: '同心银行成都锦江支行',
  brief: 'jinjiang/sat-run-club',
  file: `${W}/jinjiang/sat-run-club.md`,
  kind: 'nine-grid',
  persona: 'jinjiang/manager-liu',
  title: nineTitle,
  slot: '11月28日 周六 09:00',
  status: 'approved',
  // Chinese names and a space: the report must percent-encode them
  thumbnails: Array.from({ length: 9 }, (_, i) => `thumbs/锦江 九宫格-${i + 1}.png`),
  texts: [{ field: 'title', text: nineTitle, highlights: [] }, ...Array.from({ length: 3 }, (_, i): ReportText => ({ field: `tiles.${i}`, text: `第${i + 1}站：东门大桥`, highlights: [] }))],
  findings: [],
};

export const TRICKY_TITLE = `小U的"理财&存款"小课堂 <b>'别混为一谈'</b>`;
export const TRICKY_CAPTION = `小U提醒：${SCRIPT_TEXT} 理财 & 存款不一样哦～ "理财非存款、产品有风险、投资须谨慎" <img src=x onerror=alert(2)>`;
const tricky: ReportAsset = {
  id: '2026-W48:jinjiang:_all/mon-sticker-pack',
  branch: 'jinjiang',
  branchName: '同心银行成都锦江支行',
  brief: '_all/mon-sticker-pack',
  file: `${W}/_all/mon-sticker-pack.md`,
  kind: 'sticker-pack',
  persona: 'xiao-u',
  title: TRICKY_TITLE,
  slot: '11月23日 周一 12:00',
  status: 'approved',
  thumbnails: ['thumbs/sticker-1.png', 'thumbs/sticker-2.png'],
  texts: [
    { field: 'caption', text: TRICKY_CAPTION, highlights: [] },
    { field: 'stickers.0', text: '举着咖啡：早安打工人', highlights: [] },
  ],
  findings: [],
};

// ── tianhe ──────────────────────────────────────────────────────────────────────────────────────
// overlapping highlights: 最高 (superlative) and 高收益 (safety-words) share 高
const POSTER = `${W}/tianhe/thu-new-product-draft.md`;
const INVITE = `${W}/_all/wed-invitation-tea-party.md`;
const posterBody = '天天利稳健理财，全市最高收益，本金无忧！额度有限手慢无，快来网点抢购。';
const poster: ReportAsset = {
  id: '2026-W48:tianhe:tianhe/thu-new-product-draft',
  branch: 'tianhe',
  branchName: '同心银行广州天河支行',
  brief: 'tianhe/thu-new-product-draft',
  file: `${W}/tianhe/thu-new-product-draft.md`,
  kind: 'poster',
  persona: 'tianhe/manager-huang',
  title: '新品上市：天天利稳健理财',
  slot: '11月26日 周四 10:00',
  status: 'rejected',
  thumbnails: ['thumbs/tianhe-thu.png'],
  texts: [
    { field: 'title', text: '新品上市：天天利稳健理财', highlights: [] },
    {
      field: 'image:headline',
      text: posterBody,
      highlights: [hl(posterBody, '最高', 0), hl(posterBody, '高收益', 1), hl(posterBody, '本金无忧', 2), hl(posterBody, '手慢无', 3)],
    },
  ],
  findings: [
    finding(POSTER, 'superlative', 'warning', '绝对化用语：“最高”', BASIS.superlative, 'image:headline', '最高', 3, 11, 'open'),
    finding(POSTER, 'safety-words', 'warning', '与产品风险不符的用语：“高收益”', BASIS.safety, 'image:headline', '高收益', 3, 12, 'open'),
    finding(POSTER, 'guarantee', 'error', '明示或暗示保本：“本金无忧”', BASIS.guarantee, 'image:headline', '本金无忧', 3, 16, 'open'),
    finding(POSTER, 'inducement', 'warning', '诱导销售：“手慢无”', BASIS.inducement, 'image:headline', '手慢无', 3, 25, 'open'),
    finding(POSTER, 'missing-risk-warning', 'error', '缺少风险提示：“理财非存款、产品有风险、投资须谨慎”', BASIS.warning, 'caption', '新品上市：天天利稳健理财', 1, 1, 'open'),
  ],
};

const inviteBody = '周六下午的理财茶话会，带上家人一起来。到期连本带息一起取，安心过大年。';
const invitation: ReportAsset = {
  id: '2026-W48:tianhe:_all/wed-invitation-tea-party',
  branch: 'tianhe',
  branchName: '同心银行广州天河支行',
  brief: '_all/wed-invitation-tea-party',
  file: `${W}/_all/wed-invitation-tea-party.md`,
  kind: 'invitation',
  persona: 'xiao-u',
  title: '小U邀你喝下午茶 · 理财茶话会',
  slot: '11月25日 周三 15:00',
  status: 'rejected',
  thumbnails: ['thumbs/tianhe-wed.png'],
  texts: [{ field: 'body', text: inviteBody, highlights: [hl(inviteBody, '连本带息', 0)] }],
  findings: [finding(INVITE, 'deposit-confusion', 'error', '理财产品与存款混同：“连本带息”', BASIS.deposit, 'body', '连本带息', 7, 20, 'open')],
};

function finding(
  file: string,
  ruleId: string,
  severity: ReportFinding['severity'],
  message: string,
  basis: string,
  field: string,
  excerpt: string,
  line: number,
  column: number,
  status: ReportFinding['status'],
): ReportFinding {
  return { ruleId, severity, message, basis, suggestion: '修改为合规表述后重新提交审核', file, line, column, field, excerpt, status };
}

export const REPORT: ReportData = {
  week: '2026-W48',
  ruleset: 'rs-7c41e9a2',
  assets: [relocation, meeting, weekly, story, nineGrid, tricky, poster, invitation],
  staleWaivers: [
    { brief: 'xihu/tue-eggs-and-baskets', rule: 'superlative', reviewer: '李合规', date: '2026-11-12', reason: '“最稳”指资产配置理念，已在上周核准' },
  ],
  problems: [
    { file: `${W}/tianhe/fri-client-story.md`, line: 2, column: 10, message: '人设 tianhe/manager-li 不存在（可用：tianhe/president, tianhe/manager-huang）', ruleId: 'unknown-persona' },
  ],
};

/** Every thumbnail the report refers to, relative to the report's folder. */
export const reportThumbnails = () => REPORT.assets.flatMap((a) => a.thumbnails);

export const BUNDLE_BYTES = { xihu: 2_516_582, jinjiang: 1_153_434 } as const;

/** The portal data; `sha256` of each bundle is filled in by the test from the files it writes. */
export function portal(sha: Record<keyof typeof BUNDLE_BYTES, string>): PortalData {
  return {
    week: '2026-W48',
    range: '11月23日 – 11月29日',
    bank: '同心银行',
    ruleset: 'rs-7c41e9a2',
    branches: [
      {
        id: 'xihu',
        name: '同心银行杭州西湖支行',
        city: '杭州',
        assets: 2,
        rejected: 1,
        bundle: { path: 'bundles/xihu.zip', bytes: BUNDLE_BYTES.xihu, sha256: sha.xihu },
        thumbnails: ['xihu/images/mon-morning-meeting.png', 'xihu/images/thu-weekly-report.png', 'xihu/images/sticker.png', 'xihu/images/tue-eggs.png', 'xihu/images/sat-walk.png'],
        colors: { primary: '#B3261E', accent: '#E8A33D' },
      },
      {
        id: 'jinjiang',
        name: '同心银行成都锦江支行',
        city: '成都',
        assets: 11,
        rejected: 1,
        bundle: { path: 'bundles/jinjiang.zip', bytes: BUNDLE_BYTES.jinjiang, sha256: sha.jinjiang },
        thumbnails: ['jinjiang/images/九宫格-1.png', 'jinjiang/images/九宫格-2.png', 'jinjiang/images/mon-morning-meeting.png'],
        colors: { primary: '#9E2A2B', accent: '#3F8F6B' },
      },
      {
        id: 'tianhe',
        name: '同心银行广州天河支行',
        city: '广州',
        assets: 0,
        rejected: 2,
        thumbnails: [],
        colors: { primary: '#C0392B', accent: '#F2B33D' },
      },
    ],
  };
}

const PALETTE = ['#B3261E', '#E8A33D', '#3F8F6B', '#9E2A2B', '#2F5D8A', '#C0392B'];

/** A small card-like PNG: warm paper, a red headline band, text lines and a round "mascot". */
export async function thumbnail(path: string, seed: number, size: { width: number; height: number } = { width: 216, height: 288 }): Promise<void> {
  const { width: w, height: h } = size;
  const c = PALETTE[seed % PALETTE.length]!;
  const c2 = PALETTE[(seed + 1) % PALETTE.length]!;
  const lines = Array.from({ length: 4 }, (_, i) => `<rect x="${w * 0.1}" y="${h * (0.42 + i * 0.08)}" width="${w * (0.8 - (i % 2) * 0.25)}" height="${h * 0.03}" rx="3" fill="#D9C8B6"/>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
<rect width="100%" height="100%" fill="#FFF7EE"/>
<rect x="0" y="0" width="${w}" height="${h * 0.26}" fill="${c}"/>
<rect x="${w * 0.1}" y="${h * 0.08}" width="${w * 0.6}" height="${h * 0.05}" rx="4" fill="#FFF7EE" opacity=".9"/>
<rect x="${w * 0.1}" y="${h * 0.16}" width="${w * 0.4}" height="${h * 0.035}" rx="4" fill="#FFF7EE" opacity=".6"/>
${lines}
<circle cx="${w * 0.78}" cy="${h * 0.82}" r="${Math.min(w, h) * 0.13}" fill="${c2}"/>
<circle cx="${w * 0.74}" cy="${h * 0.8}" r="${Math.min(w, h) * 0.02}" fill="#3A2A20"/>
<circle cx="${w * 0.82}" cy="${h * 0.8}" r="${Math.min(w, h) * 0.02}" fill="#3A2A20"/>
<rect x="${w * 0.1}" y="${h * 0.9}" width="${w * 0.5}" height="${h * 0.025}" rx="2" fill="#B3261E" opacity=".7"/>
</svg>`;
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, await sharp(Buffer.from(svg)).png().toBuffer());
}

/** Writes every thumbnail of `paths` (relative to `base`) as a PNG. */
export async function writeThumbnails(base: string, paths: readonly string[]): Promise<void> {
  await Promise.all(
    paths.map((p, i) =>
      thumbnail(join(base, p), i, /sticker/.test(p) ? { width: 120, height: 120 } : /九宫格/.test(p) ? { width: 160, height: 160 } : undefined),
    ),
  );
}

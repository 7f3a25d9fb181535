// The reviewers' report, `out/<week>/report/index.html`: one self-contained page (inline CSS and
// JS, no network, works from file://). Every data string is escaped into static markup; the
// little script only reads the DOM to filter cards and open thumbnails, it never writes markup.
import type { AssetStatus, ReportAsset, ReportData, ReportFinding, ReportText } from './model.ts';
import { esc, pageHead, FONT_STACK, MONO_STACK, relUrl, segments } from './htmlkit.ts';
import { momentsHtml, MOMENTS_CSS, MOMENTS_SCRIPT } from './moments.ts';

const STATUS: Record<AssetStatus, { label: string; icon: string }> = {
  rejected: { label: '未通过', icon: '✕' },
  waived: { label: '已豁免', icon: '!' },
  approved: { label: '已通过', icon: '✓' },
};
const STATUS_ORDER: AssetStatus[] = ['approved', 'waived', 'rejected'];

const SEVERITY: Record<ReportFinding['severity'], string> = { error: '错误', warning: '警告', info: '提示' };
const SEVERITY_RANK: Record<ReportFinding['severity'], number> = { error: 0, warning: 1, info: 2 };

const FINDING_STATUS: Record<ReportFinding['status'], string> = {
  open: '未解决 · 阻止发布',
  waived: '已豁免',
  unwaivable: '不可豁免 · 个人信息',
  info: '提示 · 不影响发布',
};

/** Chinese names of the linter's rule families; an unknown id shows as itself. */
const RULE_NAMES: Record<string, string> = {
  guarantee: '保本保收益承诺',
  'expected-yield': '预期收益表述',
  'benchmark-display': '业绩比较基准展示',
  'past-performance': '过往业绩展示',
  superlative: '绝对化用语',
  'safety-words': '与风险不符的用语',
  'deposit-confusion': '理财与存款混同',
  'missing-risk-warning': '缺少风险提示',
  inducement: '诱导销售',
  endorsement: '推荐证明',
  'regulator-endorsement': '监管或政府背书',
  'pii-id': '身份证号',
  'pii-phone': '手机号码',
  'pii-card': '银行卡号',
  'pii-person': '客户姓名',
  'pii-address': '住址',
  'pii-email': '电子邮箱',
  'pii-passport': '护照号码',
  'pii-plate': '车牌号码',
};

const KIND_NAMES: Record<string, string> = {
  moments: '朋友圈图文',
  'photo-moments': '朋友圈照片',
  'nine-grid': '九宫格',
  poster: '海报',
  invitation: '邀请函',
  'knowledge-card': '知识卡片',
  'story-card': '故事卡片',
  'weekly-report': '财富周报',
  'sticker-pack': '表情包',
};

const FIELD_NAMES: Record<string, string> = {
  title: '标题',
  subtitle: '副标题',
  body: '正文',
  caption: '朋友圈配文',
  headline: '大标题',
  cta: '行动号召',
  text: '文字',
  weather: '天气',
  pose: '姿势',
  expression: '表情',
  'template:risk-warning': '模板 · 风险提示',
  warning: '风险提示',
  'persona.name': '人设姓名',
  'persona.title': '人设头衔',
  'persona.signature': '人设签名',
  'persona.identity': '人设身份',
  'branch.name': '支行名称',
  'branch.contact.phone': '支行电话',
  'branch.contact.address': '支行地址',
  'branch.contact.hours': '营业时间',
  'bank.name': '银行名称',
  'bank.hotline': '客服热线',
  'event.name': '活动名称',
  'event.place': '活动地点',
  'event.date': '活动日期',
  'event.time': '活动时间',
  'chart.unit': '图表单位',
  'chart.source': '数据来源',
  'mascot.sign': '小U举牌文字',
  sign: '举牌文字',
  link: '报名链接',
  date: '日期',
  badge: '角标',
  lead: '导语',
  dateCn: '日期',
  kicker: '栏目名',
  'kicker.en': '栏目英文名',
  rsvp: '报名方式',
  'label.place': '“地点”标签',
  'label.time': '“时间”标签',
  'label.rsvp': '“报名”标签',
  'qr.label': '二维码说明',
  'qr.hint': '二维码提示',
};

function fieldName(field: string): string {
  const known = FIELD_NAMES[field];
  if (known) return known;
  const tile = /^(tiles|stickers)\.(\d+)$/.exec(field);
  if (tile) return `${tile[1] === 'tiles' ? '九宫格' : '表情'}第 ${Number(tile[2]) + 1} 张`;
  const point = /^chart\.data\.(\d+)\.(label|value)$/.exec(field);
  if (point) return `图表第 ${Number(point[1]) + 1} 项${point[2] === 'label' ? '名称' : '数值'}`;
  const para = /^(body|paragraphs)\.(\d+)$/.exec(field);
  if (para) return `正文第 ${Number(para[2]) + 1} 段`;
  if (field.startsWith('image:')) return `图上文字 · ${fieldName(field.slice('image:'.length))}`;
  if (field.startsWith('template:')) return `模板 · ${fieldName(field.slice('template:'.length))}`;
  return field;
}

const ruleLabel = (id: string) => (RULE_NAMES[id] ? `${id} · ${RULE_NAMES[id]}` : id);

/** `#?branch=xihu&status=rejected`: the filter state as it lives in the URL hash. */
function filterHref(f: { branch?: string; rule?: string; status?: string }): string {
  const p = new URLSearchParams();
  if (f.branch) p.set('branch', f.branch);
  if (f.rule) p.set('rule', f.rule);
  if (f.status) p.set('status', f.status);
  return esc(`#?${p.toString()}`);
}

function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of items) m.set(key(t), (m.get(key(t)) ?? 0) + 1);
  return m;
}

interface BranchRow {
  id: string;
  name: string;
  counts: Record<AssetStatus, number>;
}

interface RuleRow {
  id: string;
  severity: ReportFinding['severity'];
  findings: number;
  assets: number;
  byStatus: Map<ReportFinding['status'], number>;
}

/** Branches in order of first appearance, named without the prefix all their names share (同心银行). */
function branchRows(assets: readonly ReportAsset[]): BranchRow[] {
  const rows = new Map<string, BranchRow>();
  for (const a of assets) {
    const row = rows.get(a.branch) ?? { id: a.branch, name: a.branchName || a.branch, counts: { approved: 0, waived: 0, rejected: 0 } };
    if (row.counts[a.status] !== undefined) row.counts[a.status]++;
    rows.set(a.branch, row);
  }
  const list = [...rows.values()];
  const names = list.map((r) => [...r.name]);
  if (names.length > 1) {
    let k = 0;
    while (names.every((n) => n.length > k + 2 && n[k] === names[0]![k])) k++;
    if (k >= 2) for (const [i, r] of list.entries()) r.name = names[i]!.slice(k).join('');
  }
  return list;
}

function ruleRows(assets: readonly ReportAsset[]): RuleRow[] {
  const rows = new Map<string, RuleRow>();
  for (const a of assets) {
    const seen = new Set<string>();
    for (const f of a.findings) {
      const row = rows.get(f.ruleId) ?? { id: f.ruleId, severity: f.severity, findings: 0, assets: 0, byStatus: new Map() };
      row.findings++;
      if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[row.severity]) row.severity = f.severity;
      row.byStatus.set(f.status, (row.byStatus.get(f.status) ?? 0) + 1);
      if (!seen.has(f.ruleId)) row.assets++;
      seen.add(f.ruleId);
      rows.set(f.ruleId, row);
    }
  }
  return [...rows.values()].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.findings - a.findings || (a.id < b.id ? -1 : 1));
}

const n = (count: number, href?: string) =>
  count === 0 ? '<span class="zero">0</span>' : href ? `<a href="${href}">${count}</a>` : String(count);

function summary(data: ReportData): string {
  const total = data.assets.length;
  const byStatus = countBy(data.assets, (a) => a.status);
  const tiles = STATUS_ORDER.map(
    (s) =>
      `<a class="tile st-${s}" href="${filterHref({ status: s })}"><span class="tile-n">${byStatus.get(s) ?? 0}</span><span class="tile-l"><i class="dot" aria-hidden="true"></i>${STATUS[s].label}</span></a>`,
  ).join('');
  const alerts: string[] = [];
  if (data.problems.length)
    alerts.push(`<a class="alert bad" href="#problems"><b>${data.problems.length}</b> 份简报无法加载或渲染，未进入本周素材 →</a>`);
  if (data.staleWaivers.length)
    alerts.push(`<a class="alert warn" href="#stale"><b>${data.staleWaivers.length}</b> 条豁免已失效（不再匹配任何发现）→</a>`);

  const branches = branchRows(data.assets);
  const branchTable = branches.length
    ? `<table class="mini"><caption>按支行</caption><thead><tr><th scope="col">支行</th>${STATUS_ORDER.map((s) => `<th scope="col" class="num">${STATUS[s].label}</th>`).join('')}<th scope="col" class="num">合计</th></tr></thead><tbody>${branches
        .map(
          (b) =>
            `<tr><th scope="row"><a href="${filterHref({ branch: b.id })}">${esc(b.name)}</a></th>${STATUS_ORDER.map(
              (s) => `<td class="num st-${s}">${n(b.counts[s], filterHref({ branch: b.id, status: s }))}</td>`,
            ).join('')}<td class="num">${b.counts.approved + b.counts.waived + b.counts.rejected}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '';

  const rules = ruleRows(data.assets);
  const ruleTable = rules.length
    ? `<table class="mini"><caption>按规则</caption><thead><tr><th scope="col">规则</th><th scope="col" class="num">发现</th><th scope="col" class="num">素材</th><th scope="col">处理情况</th></tr></thead><tbody>${rules
        .map((r) => {
          const states = (['open', 'unwaivable', 'waived', 'info'] as const)
            .filter((s) => r.byStatus.get(s))
            .map((s) => `<span class="pill fs-${s}">${r.byStatus.get(s)} ${FINDING_STATUS[s].split(' · ')[0]}</span>`)
            .join('');
          return `<tr><th scope="row"><a href="${filterHref({ rule: r.id })}"><i class="sev-dot sev-${r.severity}" title="${SEVERITY[r.severity]}"></i><code>${esc(r.id)}</code></a>${
            RULE_NAMES[r.id] ? `<span class="rule-name">${esc(RULE_NAMES[r.id]!)}</span>` : ''
          }</th><td class="num">${r.findings}</td><td class="num">${r.assets}</td><td class="states">${states}</td></tr>`;
        })
        .join('')}</tbody></table>`
    : '<p class="quiet">本周没有任何发现。</p>';

  return `<header class="top">
<div class="wrap">
<p class="eyebrow">温度 Wendu · 合规审核</p>
<h1>审核报告 <span class="week">${esc(data.week)}</span></h1>
<p class="meta">规则集版本 <code class="ruleset">${esc(data.ruleset)}</code> · 共 <b id="total">${total}</b> 项素材</p>
<nav class="tiles" aria-label="按状态查看">${tiles}</nav>
${alerts.length ? `<div class="alerts">${alerts.join('')}</div>` : ''}
<div class="tables">${branchTable}${ruleTable}</div>
</div>
</header>`;
}

function filters(data: ReportData): string {
  const branches = branchRows(data.assets);
  const rules = ruleRows(data.assets);
  const byStatus = countBy(data.assets, (a) => a.status);
  const opt = (value: string, label: string, count: number) => `<option value="${esc(value)}">${esc(label)}（${count}）</option>`;
  return `<nav class="filters" id="filters" aria-label="筛选">
<div class="wrap filters-in">
<label><span>支行</span><select id="f-branch" name="branch"><option value="">全部支行</option>${branches
    .map((b) => opt(b.id, b.name, b.counts.approved + b.counts.waived + b.counts.rejected))
    .join('')}</select></label>
<label><span>规则</span><select id="f-rule" name="rule"><option value="">全部规则</option>${rules.map((r) => opt(r.id, ruleLabel(r.id), r.assets)).join('')}</select></label>
<label><span>状态</span><select id="f-status" name="status"><option value="">全部状态</option>${STATUS_ORDER.map((s) =>
    opt(s, STATUS[s].label, byStatus.get(s) ?? 0),
  ).join('')}</select></label>
<p class="shown" aria-live="polite">显示 <b id="shown">${data.assets.length}</b> / ${data.assets.length} 项</p>
<button type="button" id="f-reset" class="reset">清除筛选</button>
</div>
</nav>`;
}

function thumbs(a: ReportAsset, ai: number): string {
  if (!a.thumbnails.length) return '<div class="thumbs none"><span>无预览图</span></div>';
  const items = a.thumbnails.map((t, i) => {
    const url = relUrl(t);
    const alt = `${a.title} · 预览 ${i + 1}/${a.thumbnails.length}`;
    if (!url) return `<span class="thumb broken" title="${esc(t)}">图片路径无效</span>`;
    const full = a.fullImages?.[i] ? relUrl(a.fullImages[i]!) : undefined;
    return `<a class="thumb" href="${full ?? url}" target="_blank" rel="noopener" data-caption="${esc(alt)}"><img src="${url}" loading="lazy" decoding="async" alt="${esc(alt)}"></a>`;
  });
  return `<div class="thumbs n${Math.min(a.thumbnails.length, 3)}" id="a${ai}-thumbs">${items.join('')}${
    a.fullImages?.length ? '<p class="full-hint">点击图片看原尺寸</p>' : ''
  }</div>`;
}

function textBlock(t: ReportText, a: ReportAsset, ai: number): string {
  const runs = segments(t.text, t.highlights, a.findings.length)
    .map((s) => {
      if (!s.findings.length) return esc(s.text);
      const fs = s.findings.map((i) => a.findings[i]!);
      const cls = fs.some((f) => f.status === 'open' || f.status === 'unwaivable') ? 'hl-open' : fs.some((f) => f.status === 'waived') ? 'hl-waived' : 'hl-info';
      const title = fs.map((f, k) => `${s.findings[k]! + 1}. ${f.ruleId}（${FINDING_STATUS[f.status].split(' · ')[0]}）${f.message}`).join('\n');
      return `<a class="hl-link" href="#a${ai}-f${s.findings[0]}"><mark class="${cls}" data-findings="${s.findings.join(' ')}"${s.ends.length ? ` data-n="${s.ends.map((i) => i + 1).join(',')}"` : ''} title="${esc(title)}">${esc(s.text)}</mark></a>`;
    })
    .join('');
  const name = fieldName(t.field);
  return `<div class="text"><div class="field" title="${esc(t.field)}">${esc(name)}${name !== t.field ? `<code>${esc(t.field)}</code>` : ''}</div><p class="t">${runs}</p></div>`;
}

/** A ready-to-paste approvals.yaml entry for an open warning: the reviewer fills in name and reason. */
function waiverTemplate(f: ReportFinding, brief: string): string {
  const yaml = [`  - brief: ${brief}`, `    rule: ${f.ruleId}`, `    textHash: ${f.textHash}`, '    reviewer: 审核人姓名', '    date: YYYY-MM-DD', '    reason: 豁免理由'].join('\n');
  return `<details class="waiver-tpl"><summary>豁免模板（复制到 content/approvals.yaml 的 waivers 下）</summary><pre><code>${esc(yaml)}</code></pre></details>`;
}

function findingItem(f: ReportFinding, fi: number, ai: number, brief: string): string {
  let decision: string;
  if (f.status === 'waived') {
    decision = f.waiver
      ? `<b>${esc(f.waiver.reviewer)}</b> 于 <time>${esc(f.waiver.date)}</time> 豁免<span class="reason">理由：${esc(f.waiver.reason)}</span>`
      : '已豁免（未记录审核人）';
  } else if (f.status === 'unwaivable') {
    decision = '个人信息问题不可豁免：须在简报原文中删除或打码（如 138****5678、张女士）后重新生成。';
  } else if (f.status === 'open' && f.severity === 'error') {
    decision = '阻止发布：错误级问题不可豁免，须修改原文后重新生成。';
  } else if (f.status === 'open') {
    decision = '阻止发布：请修改原文；或由审核人在 approvals.yaml 中豁免此条（豁免绑定当前文字，改动后失效）。';
    if (f.textHash) decision += waiverTemplate(f, brief);
  } else {
    decision = '仅供参考，不影响发布。';
  }
  const loc = `${f.file}:${f.line}:${f.column}`;
  return `<li class="finding sev-${esc(f.severity)} fs-${esc(f.status)}" id="a${ai}-f${fi}">
<div class="fh"><span class="fnum">${fi + 1}</span><span class="sev">${SEVERITY[f.severity] ?? esc(f.severity)}</span><code class="rule">${esc(f.ruleId)}</code>${
    RULE_NAMES[f.ruleId] ? `<span class="rule-name">${esc(RULE_NAMES[f.ruleId]!)}</span>` : ''
  }<span class="pill fs-${esc(f.status)}">${FINDING_STATUS[f.status] ?? esc(f.status)}</span></div>
<p class="msg">${esc(f.message)}</p>
<dl class="facts">
<dt>原文摘录</dt><dd><q class="excerpt">${esc(f.excerpt)}</q></dd>
${f.suggestion ? `<dt>建议</dt><dd>${esc(f.suggestion)}</dd>` : ''}
<dt>位置</dt><dd><code class="loc">${esc(loc)}</code> · ${esc(fieldName(f.field))}</dd>
<dt>处理</dt><dd class="decision">${decision}</dd>
</dl>
</li>`;
}

/** The findings of an asset grouped by rule (first appearance first), the rule's legal basis said once per group. */
function ruleGroups(a: ReportAsset, ai: number): string {
  const groups = new Map<string, number[]>();
  a.findings.forEach((f, fi) => groups.set(f.ruleId, [...(groups.get(f.ruleId) ?? []), fi]));
  return [...groups]
    .map(([rule, idx]) => {
      const first = a.findings[idx[0]!]!;
      return `<section class="rule-group" data-rule="${esc(rule)}"><h4><code class="rule">${esc(rule)}</code>${RULE_NAMES[rule] ? `<span class="rule-name">${esc(RULE_NAMES[rule]!)}</span>` : ''}<span class="count">${idx.length} 处</span></h4><p class="basis">法律依据：${esc(first.basis)}</p><ol>${idx
        .map((fi) => findingItem(a.findings[fi]!, fi, ai, a.brief))
        .join('')}</ol></section>`;
    })
    .join('');
}

/** For product posts: where the risk warning falls against the Moments fold. */
function foldNote(a: ReportAsset): string {
  const f = a.warningFold;
  if (!f) return '';
  if (f.line === 0) return '<p class="fold bad">文案中没有完整的风险提示语。</p>';
  return f.folded
    ? `<p class="fold bad">风险提示在文案第 ${f.line} 行（按手机约 20 字一行估算），朋友圈折叠后需点“全文”才能看到。</p>`
    : `<p class="fold ok">风险提示在文案第 ${f.line} 行，折叠前可见。</p>`;
}

function card(a: ReportAsset, ai: number): string {
  const rules = [...new Set(a.findings.map((f) => f.ruleId))];
  const kind = KIND_NAMES[a.kind];
  const st = STATUS[a.status] ?? { label: String(a.status), icon: '?' };
  return `<article class="card st-${esc(a.status)}" id="a${ai}" data-branch="${esc(a.branch)}" data-status="${esc(a.status)}" data-rules="${esc(JSON.stringify(rules))}">
<div class="card-head">
<span class="badge st-${esc(a.status)}"><i aria-hidden="true">${st.icon}</i>${esc(st.label)}</span>
<h2>${esc(a.title)}</h2>
</div>
${a.status === 'approved' ? `<details class="card-body"><summary>${esc(a.slot)} · ${esc(a.persona)} · ${esc(kind ?? a.kind)} · ${a.findings.length ? `${a.findings.length} 条提示` : '没有发现问题'}（已通过，点开查看）</summary>` : ''}
<div class="card-grid">
${thumbs(a, ai)}
<div class="card-main">
<dl class="meta-list">
<dt>支行</dt><dd class="m-branch">${esc(a.branchName || a.branch)}</dd>
<dt>时间</dt><dd>${esc(a.slot)}</dd>
<dt>人设</dt><dd>${esc(a.persona)}</dd>
<dt>类型</dt><dd>${kind ? `${esc(kind)} <code>${esc(a.kind)}</code>` : `<code>${esc(a.kind)}</code>`}</dd>
<dt>简报</dt><dd><code class="file">${esc(a.file)}</code></dd>
</dl>
${a.moments ? `<section class="moments"><h3>朋友圈预览${a.segments ? ` <span class="aud">可见范围：${esc(a.segments.length ? a.segments.join('、') : '全部客户')}</span>` : ''}</h3>${momentsHtml(a.moments)}${foldNote(a)}</section>` : ''}
<section class="texts"><h3>文字内容</h3>${a.texts.length ? `<div class="text-list">${a.texts.map((t) => textBlock(t, a, ai)).join('')}</div>` : '<p class="quiet">无文字内容</p>'}</section>
<section class="findings">${
    a.findings.length
      ? `<h3>发现 <span class="count">${a.findings.length}</span></h3>${ruleGroups(a, ai)}`
      : '<p class="quiet ok">✓ 没有发现问题</p>'
  }</section>
</div>
</div>
${a.status === 'approved' ? '</details>' : ''}
</article>`;
}

function staleSection(data: ReportData): string {
  if (!data.staleWaivers.length) return '';
  return `<section class="panel" id="stale"><div class="wrap">
<h2>失效的豁免 <span class="count">${data.staleWaivers.length}</span></h2>
<p class="quiet">approvals.yaml 中的这些豁免已不再匹配任何发现（原文已修改或规则已调整），可以删除；如仍需豁免，请针对新内容重新登记。</p>
<ul class="rows">${data.staleWaivers
    .map(
      (w) =>
        `<li><div>规则 <code class="rule">${esc(w.rule)}</code> · 简报 <code class="file">${esc(w.brief)}</code></div><div><b>${esc(w.reviewer)}</b> · <time>${esc(w.date)}</time></div><div class="reason">理由：${esc(w.reason)}</div></li>`,
    )
    .join('')}</ul>
</div></section>`;
}

function problemsSection(data: ReportData): string {
  if (!data.problems.length) return '';
  return `<section class="panel bad" id="problems"><div class="wrap">
<h2>加载或渲染失败 <span class="count">${data.problems.length}</span></h2>
<p class="quiet">这些简报未能生成素材，也不会进入任何支行的素材包。请按位置修改后重新运行。</p>
<ul class="rows">${data.problems
    .map(
      (p) =>
        `<li><div><code class="loc">${esc(`${p.file}:${p.line}:${p.column}`)}</code> <code class="rule">${esc(p.ruleId)}</code></div><div class="msg">${esc(p.message)}</div></li>`,
    )
    .join('')}</ul>
</div></section>`;
}

/** The reviewers' report: one self-contained HTML page. */
export function reportHtml(data: ReportData): string {
  // what needs a reviewer first: rejected, then waived, then approved; the data's order within each
  const rank: Record<string, number> = { rejected: 0, waived: 1, approved: 2 };
  const cards = data.assets
    .map((a, i) => ({ a, i }))
    .sort((x, y) => (rank[x.a.status] ?? 3) - (rank[y.a.status] ?? 3) || x.i - y.i)
    .map(({ a, i }) => card(a, i))
    .join('\n');
  return `${pageHead(`审核报告 · ${data.week} · 温度 Wendu`, STYLE, SCRIPT)}
<body>
${summary(data)}
${filters(data)}
<main class="wrap" id="list">
${data.assets.length ? cards : '<p class="empty">本周没有素材。</p>'}
<p class="empty" id="empty" hidden>没有符合筛选条件的素材。<button type="button" class="reset" data-reset>清除筛选</button></p>
</main>
${staleSection(data)}
${problemsSection(data)}
<footer class="foot"><div class="wrap">由 温度 Wendu 生成 · ${esc(data.week)} · 规则集 <code>${esc(data.ruleset)}</code><br>文中的客户信息均已打码，完整内容仅保留在原始简报中。</div></footer>
<dialog id="lightbox" aria-label="查看大图"><figure><img alt=""><figcaption></figcaption></figure><button type="button" class="close" aria-label="关闭">关闭 ✕</button></dialog>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

const STYLE = `${MOMENTS_CSS}
.moments .aud{font-weight:400;margin-left:6px}
.fold{margin:6px 0 0;font-size:13px;padding:4px 10px;border-radius:8px;max-width:420px}
.fold.ok{background:#E4F3E8;color:#2E7D4F}.fold.bad{background:#FCE8E6;color:#B3261E;font-weight:600}
.rule-group{border-left:3px solid #EADBCB;padding-left:10px;margin:0 0 12px}
.rule-group h4{margin:0 0 2px;font-size:14px;display:flex;flex-wrap:wrap;gap:6px;align-items:baseline}
.rule-group .count{font-size:12px;color:#7A6657;font-weight:400}
.basis{margin:0 0 6px;font-size:13px;color:#7A6657}
.card-body>summary{cursor:pointer;color:#7A6657;font-size:14px;margin:-4px 0 4px}
.card-body[open]>summary{margin-bottom:10px}
.full-hint{grid-column:1/-1;margin:2px 0 0;font-size:12px;color:#7A6657;text-align:center}
:root{--paper:#FFF7EE;--paper2:#FBEFE1;--ink:#3A2A20;--muted:#7A6657;--line:#EADBCB;--card:#FFFFFF;--red:#B3261E;--red-bg:#FCE8E6;--amber:#9A5B00;--amber-bg:#FFF0D4;--green:#2E7D4F;--green-bg:#E4F3E8;--blue:#2F5D8A;--blue-bg:#E6EEF7;--mono:${MONO_STACK}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--paper);color:var(--ink);font:15px/1.6 ${FONT_STACK};overflow-wrap:anywhere}
code{font-family:var(--mono);font-size:.88em}
a{color:inherit}
.wrap{max-width:1180px;margin:0 auto;padding:0 20px}
.top{background:linear-gradient(180deg,#fff 0%,var(--paper) 100%);border-top:6px solid var(--red);padding:22px 0 18px}
.eyebrow{margin:0;color:var(--red);font-weight:600;letter-spacing:.08em;font-size:13px}
h1{margin:.1em 0 .2em;font-size:28px;line-height:1.25}
h1 .week{color:var(--red);font-variant-numeric:tabular-nums}
.meta{margin:0 0 14px;color:var(--muted)}
.ruleset{background:var(--paper2);padding:1px 6px;border-radius:4px;color:var(--ink)}
.tiles{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:10px;max-width:560px}
.tile{display:flex;flex-direction:column;padding:10px 14px;border-radius:12px;background:#fff;border:1px solid var(--line);text-decoration:none;box-shadow:0 1px 2px rgba(58,42,32,.05)}
.tile:hover{border-color:currentColor}
.tile-n{font-size:28px;font-weight:700;line-height:1.1;font-variant-numeric:tabular-nums}
.tile-l{font-size:13px;display:flex;align-items:center;gap:6px}
.dot{width:8px;height:8px;border-radius:50%;background:currentColor;display:inline-block}
.tile.st-approved{color:var(--green)}.tile.st-waived{color:var(--amber)}.tile.st-rejected{color:var(--red)}
.alerts{display:flex;flex-wrap:wrap;gap:8px;margin-top:12px}
.alert{display:inline-block;padding:6px 12px;border-radius:8px;text-decoration:none;font-size:14px}
.alert.bad{background:var(--red-bg);color:var(--red)}.alert.warn{background:var(--amber-bg);color:var(--amber)}
.tables{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,360px),1fr));gap:16px;margin-top:18px;align-items:start}
table.mini{width:100%;border-collapse:collapse;background:#fff;border:1px solid var(--line);border-radius:12px;overflow:hidden;font-size:14px}
.mini caption{text-align:left;font-weight:600;padding:0 2px 6px;color:var(--muted);font-size:13px}
.mini th,.mini td{padding:7px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
.mini thead th{background:var(--paper2);font-weight:600;font-size:12px;color:var(--muted)}
.mini tbody tr:last-child>*{border-bottom:0}
.mini tbody th{font-weight:500}
.mini .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.mini a{text-decoration:none}.mini a:hover{text-decoration:underline}
.mini td.st-approved a{color:var(--green)}.mini td.st-waived a{color:var(--amber)}.mini td.st-rejected a{color:var(--red);font-weight:600}
.zero{color:#C9B8A8}
.rule-name{color:var(--muted);font-size:12px;margin-left:6px}
.states .pill{margin:1px 4px 1px 0}
.sev-dot{display:inline-block;width:8px;height:8px;border-radius:50%;margin-right:6px;vertical-align:middle}
.sev-dot.sev-error{background:var(--red)}.sev-dot.sev-warning{background:#D88A00}.sev-dot.sev-info{background:var(--blue)}
.pill{display:inline-block;padding:0 8px;border-radius:999px;font-size:12px;line-height:20px;white-space:nowrap}
.pill.fs-open,.pill.fs-unwaivable{background:var(--red-bg);color:var(--red)}
.pill.fs-waived{background:var(--amber-bg);color:var(--amber)}
.pill.fs-info{background:var(--blue-bg);color:var(--blue)}
.filters{background:rgba(255,247,238,.96);border-block:1px solid var(--line);padding:10px 0;z-index:5}
.filters-in{display:flex;flex-wrap:wrap;align-items:flex-end;gap:8px 14px}
.filters label{display:flex;flex-direction:column;font-size:12px;color:var(--muted);gap:2px;min-width:0}
.filters select{font:inherit;font-size:14px;color:var(--ink);background:#fff;border:1px solid var(--line);border-radius:8px;padding:6px 28px 6px 10px;max-width:100%;min-width:9em}
.filters select:focus{outline:2px solid var(--red);outline-offset:1px}
.shown{margin:0 0 6px auto;color:var(--muted);font-size:14px}
.shown b{color:var(--ink);font-size:16px}
.reset{font:inherit;font-size:13px;border:1px solid var(--line);background:#fff;color:var(--ink);border-radius:8px;padding:6px 12px;cursor:pointer;margin-bottom:1px}
.reset:disabled{opacity:.45;cursor:default}
main{padding-top:18px;padding-bottom:24px}
.card{background:var(--card);border:1px solid var(--line);border-left:6px solid var(--green);border-radius:14px;padding:16px 18px 18px;margin:0 0 16px;box-shadow:0 1px 3px rgba(58,42,32,.06)}
.card.st-waived{border-left-color:#D88A00}.card.st-rejected{border-left-color:var(--red)}
.card[hidden]{display:none}
.card-head{display:flex;align-items:flex-start;gap:10px;flex-wrap:wrap;margin-bottom:12px}
.card-head h2{margin:0;font-size:19px;line-height:1.4;flex:1 1 14em;min-width:0}
.badge{display:inline-flex;align-items:center;gap:5px;border-radius:999px;padding:2px 12px 2px 4px;font-size:13px;font-weight:600;line-height:22px;white-space:nowrap;margin-top:1px}
.badge i{font-style:normal;display:inline-grid;place-items:center;width:18px;height:18px;border-radius:50%;color:#fff;font-size:11px}
.badge.st-approved{background:var(--green-bg);color:var(--green)}.badge.st-approved i{background:var(--green)}
.badge.st-waived{background:var(--amber-bg);color:var(--amber)}.badge.st-waived i{background:#D88A00}
.badge.st-rejected{background:var(--red-bg);color:var(--red)}.badge.st-rejected i{background:var(--red)}
.card-grid{display:grid;grid-template-columns:300px minmax(0,1fr);gap:18px;align-items:start}
.thumbs{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:6px}
.thumbs.n1{grid-template-columns:1fr}
.thumbs.n2{grid-template-columns:repeat(2,minmax(0,1fr))}
@media (min-width:760px){.thumbs{position:sticky;top:72px}}
.thumb{display:block;border-radius:8px;overflow:hidden;background:var(--paper2);border:1px solid var(--line);cursor:zoom-in}
.thumb img{display:block;width:100%;height:auto;min-height:40px}
.thumbs:not(.n1) .thumb img{aspect-ratio:1;object-fit:cover;height:100%}
.thumb.broken,.thumbs.none span{display:grid;place-items:center;min-height:80px;color:var(--muted);font-size:12px;cursor:default;text-align:center;padding:8px}
.thumbs.none{display:block;background:var(--paper2);border:1px dashed var(--line);border-radius:8px}
.meta-list{display:grid;grid-template-columns:auto minmax(0,1fr);gap:2px 12px;margin:0 0 12px;font-size:14px}
.meta-list dt{color:var(--muted)}.meta-list dd{margin:0}
.file,.loc{color:var(--muted);word-break:break-all}
h3{font-size:13px;color:var(--muted);margin:14px 0 6px;font-weight:600;letter-spacing:.04em}
h3 .count,h2 .count{display:inline-block;min-width:1.6em;padding:0 6px;border-radius:999px;background:var(--paper2);color:var(--ink);text-align:center;font-size:12px}
.text-list{border:1px solid var(--line);border-radius:10px;background:#FFFDFB;overflow:hidden}
.text{display:grid;grid-template-columns:8.5em minmax(0,1fr);gap:2px 12px;padding:7px 12px;border-top:1px solid var(--line)}
.text:first-child{border-top:0}
.field{font-size:13px;color:var(--muted);padding-top:1px}
.field code{display:block;font-size:11px;opacity:.75;word-break:break-all}
.t{margin:0;white-space:pre-wrap}
.hl-link{text-decoration:none}
mark{border-radius:3px;padding:0 1px;color:inherit}
mark.hl-open{background:#FFD6D1;box-shadow:inset 0 -2px 0 var(--red)}
mark.hl-waived{background:#FFE7B3;box-shadow:inset 0 -2px 0 #D88A00}
mark.hl-info{background:var(--blue-bg);box-shadow:inset 0 -2px 0 var(--blue)}
mark[data-n]::after{content:attr(data-n);font-size:10px;vertical-align:super;line-height:0;margin-left:1px;color:var(--muted);font-weight:600}
.findings ol{list-style:none;margin:0;padding:0;display:grid;gap:10px}
.finding{border:1px solid var(--line);border-radius:10px;padding:10px 12px;background:#fff;scroll-margin:90px}
.waiver-tpl{margin-top:6px}.waiver-tpl summary{cursor:pointer;color:var(--muted,#6b5b50)}.waiver-tpl pre{margin:6px 0 0;padding:8px 10px;background:#FBF6EC;border-radius:8px;overflow-x:auto;font-size:12px;white-space:pre}
.finding.fs-open,.finding.fs-unwaivable{border-color:#F2B8B1;background:#FFFAF9}
.finding.fs-waived{border-color:#F1D39A;background:#FFFCF5}
.finding:target,.finding.flash{animation:flash 1.6s ease-out}
@keyframes flash{0%{box-shadow:0 0 0 4px rgba(179,38,30,.35)}100%{box-shadow:0 0 0 0 rgba(179,38,30,0)}}
.fh{display:flex;flex-wrap:wrap;align-items:center;gap:6px 8px}
.fnum{display:inline-grid;place-items:center;width:20px;height:20px;border-radius:50%;background:var(--paper2);font-size:12px;font-weight:600}
.sev{font-size:12px;font-weight:700;padding:0 6px;border-radius:4px;line-height:20px}
.sev-error .sev{background:var(--red);color:#fff}.sev-warning .sev{background:#D88A00;color:#fff}.sev-info .sev{background:var(--blue);color:#fff}
.rule{font-weight:600}
.fh .rule-name{display:inline;font-size:13px}
.fh .pill{margin-left:auto}
.msg{margin:6px 0 4px}
.facts{display:grid;grid-template-columns:auto minmax(0,1fr);gap:3px 12px;margin:0;font-size:14px}
.facts dt{color:var(--muted);white-space:nowrap}.facts dd{margin:0}
.excerpt{background:var(--paper2);border-radius:4px;padding:0 4px;quotes:"「" "」"}
.decision .reason{display:block;color:var(--muted)}
.quiet{color:var(--muted);margin:4px 0}
.ok{color:var(--green);margin-top:10px}
.empty{text-align:center;color:var(--muted);padding:40px 0}
.panel{padding:8px 0 20px}
.panel h2{font-size:19px;margin:8px 0 4px}
.panel.bad h2{color:var(--red)}
.rows{list-style:none;padding:0;margin:8px 0 0;display:grid;gap:8px}
.rows li{background:#fff;border:1px solid var(--line);border-radius:10px;padding:8px 12px;font-size:14px}
.panel.bad .rows li{border-left:4px solid var(--red)}
#stale .rows li{border-left:4px solid #D88A00}
.rows .reason{color:var(--muted)}
.foot{border-top:1px solid var(--line);color:var(--muted);font-size:13px;padding:16px 0 28px;margin-top:12px}
dialog#lightbox{border:0;padding:0;background:transparent;max-width:96vw;max-height:96vh}
dialog#lightbox::backdrop{background:rgba(30,20,14,.82)}
#lightbox figure{margin:0;text-align:center}
#lightbox img{height:86vh;width:auto;max-width:94vw;object-fit:contain;display:block;margin:0 auto;border-radius:6px}
#lightbox figcaption{color:#fff;font-size:14px;margin-top:8px}
#lightbox .close{position:fixed;top:12px;right:12px;font:inherit;background:#fff;border:0;border-radius:999px;padding:6px 14px;cursor:pointer}
@media (min-width:760px){.filters{position:sticky;top:0;backdrop-filter:blur(6px)}}
@media (max-width:759px){
 .wrap{padding:0 14px}
 h1{font-size:24px}
 .tiles{gap:8px}.tile{padding:8px 10px}.tile-n{font-size:24px}
 .filters-in{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:6px 8px}
 .filters select{min-width:0;width:100%;padding-right:4px}
 .shown{grid-column:1/3;margin:4px 0 0;align-self:center}
 .reset{grid-column:3}
 .card{padding:14px 14px 16px;border-left-width:5px}
 .card-grid{grid-template-columns:minmax(0,1fr);gap:12px}
 .thumbs{max-width:250px}
 .mini .rule-name{display:block;margin-left:0}
 .thumbs.n1{max-width:200px}
 .text{grid-template-columns:minmax(0,1fr)}
 .field code{display:inline;margin-left:6px}
 .facts{grid-template-columns:minmax(0,1fr)}
 .facts dt{margin-top:4px;font-size:12px}
 .fh .pill{margin-left:0}
}
@media print{
 body{background:#fff}
 .filters,#lightbox,.alerts{display:none}
 .top{border-top-width:3px;padding:8px 0}
 .card{break-inside:avoid;box-shadow:none}
 .card-grid{grid-template-columns:140px minmax(0,1fr)}
 .hl-link{color:inherit}
 a{text-decoration:none}
}
`;

/** Filters (state in the URL hash, `#?branch=…&rule=…&status=…`), finding links and the lightbox. */
const SCRIPT = `
(function () {
  'use strict';
  var keys = ['branch', 'rule', 'status'];
  var sel = {};
  keys.forEach(function (k) { sel[k] = document.getElementById('f-' + k); });
  var cards = Array.prototype.slice.call(document.querySelectorAll('article.card'));
  var shown = document.getElementById('shown');
  var empty = document.getElementById('empty');
  var reset = document.getElementById('f-reset');
  var rulesOf = cards.map(function (c) {
    try { return JSON.parse(c.getAttribute('data-rules') || '[]'); } catch (e) { return []; }
  });

  function has(select, value) {
    for (var i = 0; i < select.options.length; i++) if (select.options[i].value === value) return true;
    return false;
  }
  function apply() {
    var b = sel.branch.value, r = sel.rule.value, s = sel.status.value, n = 0;
    cards.forEach(function (c, i) {
      var show = (!b || c.getAttribute('data-branch') === b) && (!s || c.getAttribute('data-status') === s) && (!r || rulesOf[i].indexOf(r) >= 0);
      c.hidden = !show;
      if (show) n++;
    });
    shown.textContent = String(n);
    empty.hidden = n > 0 || cards.length === 0;
    reset.disabled = !b && !r && !s;
  }
  function isFilterHash(h) { return h === '' || h === '#' || h.indexOf('#?') === 0; }
  function fromHash() {
    var h = location.hash;
    if (!isFilterHash(h)) return false;
    var p = new URLSearchParams(h.slice(2));
    keys.forEach(function (k) { var v = p.get(k) || ''; sel[k].value = has(sel[k], v) ? v : ''; });
    apply();
    return true;
  }
  function toHash() {
    var p = new URLSearchParams();
    keys.forEach(function (k) { if (sel[k].value) p.set(k, sel[k].value); });
    var q = p.toString();
    var url = q ? '#?' + q : location.pathname + location.search;
    try { history.replaceState(null, '', url); } catch (e) { location.replace(q ? '#?' + q : '#'); }
  }
  keys.forEach(function (k) { sel[k].addEventListener('change', function () { apply(); toHash(); }); });
  function clear() { keys.forEach(function (k) { sel[k].value = ''; }); apply(); toHash(); }
  reset.addEventListener('click', clear);
  document.querySelectorAll('[data-reset]').forEach(function (b) { b.addEventListener('click', clear); });
  window.addEventListener('hashchange', function () {
    if (fromHash()) document.getElementById('filters').scrollIntoView({ block: 'start' });
  });
  fromHash();

  // a highlight jumps to its finding without losing the filter state in the hash
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a.hl-link');
    if (!a) return;
    var target = document.getElementById(a.getAttribute('href').slice(1));
    if (!target) return;
    e.preventDefault();
    target.scrollIntoView({ block: 'center', behavior: 'smooth' });
    target.classList.remove('flash');
    void target.offsetWidth;
    target.classList.add('flash');
  });

  // thumbnails open in a lightbox; without dialog support the link opens the image itself
  var box = document.getElementById('lightbox');
  if (box && typeof box.showModal === 'function') {
    var big = box.querySelector('img'), cap = box.querySelector('figcaption');
    document.addEventListener('click', function (e) {
      var a = e.target.closest && e.target.closest('a.thumb');
      if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button) return;
      e.preventDefault();
      big.src = a.href;
      big.alt = a.getAttribute('data-caption') || '';
      cap.textContent = a.getAttribute('data-caption') || '';
      box.showModal();
    });
    box.addEventListener('click', function () { box.close(); });
    box.addEventListener('close', function () { big.removeAttribute('src'); });
  }
})();
${MOMENTS_SCRIPT}`;

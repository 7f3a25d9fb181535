// The reviewers' report shows each text as drawn (decoded) with client details masked: a finding
// located in the source through a decoded span's map must still find its characters in that span.
import { describe, expect, it } from 'vitest';
import { reportAsset, type AssetOutcome } from '../../pipeline/report/assemble.ts';
import { overflowFindings } from '../../pipeline/check/visual.ts';
import { briefSource, gate, KNOWLEDGE } from './helpers.ts';

describe('report texts of decoded spans', () => {
  it('a phone typed as character references is shown masked where it is drawn, never raw', async () => {
    const { result } = await gate(briefSource([...KNOWLEDGE, 'title: "客户\\u7535话13812345678"'], '客户电话&#49;&#51;&#56;12345678，欢迎来电。\n'));
    const r = result!;
    const outcome: AssetOutcome = {
      id: r.job.id, branch: r.job.branch, branchName: '西湖支行', briefId: r.job.brief.id, file: r.job.brief.file, kind: r.job.brief.fields.kind,
      persona: r.job.persona.name, title: r.job.brief.fields.title, date: r.job.date, time: r.job.time, spans: r.spans, decision: r.decision, thumbnails: [],
    };
    const asset = reportAsset(outcome);
    const all = JSON.stringify(asset.texts);
    expect(all).not.toContain('13812345678');
    const body = asset.texts.find((t) => t.field === 'body')!;
    expect(body.text).toBe('客户电话138****5678，欢迎来电。');
    expect(body.highlights).toHaveLength(1);
    expect(asset.texts.find((t) => t.field === 'title')!.text).toBe('客户电话138****5678');
  });

  it('a client detail under another finding (a body too long for its box) is still masked, even where its excerpt cuts into it; an invisible control shows as its code', async () => {
    // the email starts at character 33: text-overflow's 40-character excerpt cuts into it
    const body = `天冷了，小U煮好了热茶，想请街坊们来网点坐一坐。报名请发邮件到zhangjianguo1965@163.com。${'我们会聊聊最近常见的诈骗套路。'.repeat(3)}\n`;
    const { result } = await gate(briefSource([...KNOWLEDGE, 'title: 冬日茶话会', `caption: "欢迎来\u202E玩"`], body));
    const r = result!;
    // the renderer's finding for a body that does not fit, as \`wendu build\` adds it
    const bodySpan = r.spans.find((s) => s.field === 'body')!;
    const overflow = overflowFindings(r.job, [{ field: 'body', text: bodySpan.text, minSize: 26 }]).map((finding) => ({ finding: { ...finding, waivable: false }, status: 'unwaivable' as const }));
    expect(overflow[0]!.finding.excerpt).toContain('zhangjia');
    const decision = { ...r.decision, judged: [...overflow, ...r.decision.judged] };
    const outcome: AssetOutcome = {
      id: r.job.id, branch: r.job.branch, branchName: '西湖支行', briefId: r.job.brief.id, file: r.job.brief.file, kind: r.job.brief.fields.kind,
      persona: r.job.persona.name, title: r.job.brief.fields.title, date: r.job.date, time: r.job.time, spans: r.spans, decision, thumbnails: [],
    };
    expect(decision.judged.map((j) => j.finding.ruleId)).toEqual(expect.arrayContaining(['pii-email', 'text-overflow', 'bidi-control']));
    const asset = reportAsset(outcome);
    expect(JSON.stringify(asset)).not.toMatch(/zhangj/);
    expect(asset.texts.find((t) => t.field === 'body')!.text).toContain('报名请发邮件到z***@163.com。');
    expect(asset.findings.find((f) => f.ruleId === 'text-overflow')!.excerpt).toMatch(/报名请发邮件到\*+$/);
    expect(asset.texts.find((t) => t.field === 'caption')!.text).toContain('U+202E');
  });
});

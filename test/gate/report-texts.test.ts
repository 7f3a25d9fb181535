// The reviewers' report shows each text as drawn (decoded) with client details masked: a finding
// located in the source through a decoded span's map must still find its characters in that span.
import { describe, expect, it } from 'vitest';
import { reportAsset, type AssetOutcome } from '../../pipeline/report/assemble.ts';
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
});

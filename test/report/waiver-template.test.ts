import { describe, expect, it } from 'vitest';
import { reportHtml } from '../../pipeline/report/html.ts';
import type { ReportData, ReportFinding } from '../../pipeline/report/model.ts';
import { REPORT } from './fixtures.ts';

const HASH = 'ab'.repeat(32);

/** The fixture report with one finding of the first asset replaced. */
function withFinding(finding: Partial<ReportFinding>): ReportData {
  const [first, ...rest] = REPORT.assets;
  const base = first!.findings[0]!;
  return { ...REPORT, assets: [{ ...first!, findings: [{ ...base, ...finding }] }, ...rest] };
}

describe('the waiver template in the report', () => {
  it('offers an approvals.yaml entry bound to the text for an open warning', () => {
    const html = reportHtml(withFinding({ severity: 'warning', status: 'open', ruleId: 'safety-words', textHash: HASH }));
    expect(html).toContain(`textHash: ${HASH}`);
    expect(html).toContain(`brief: ${REPORT.assets[0]!.brief}`);
    expect(html).toContain('rule: safety-words');
  });

  it('offers none for an error, which can never be waived', () => {
    const html = reportHtml(withFinding({ severity: 'error', status: 'open', ruleId: 'guarantee', textHash: HASH }));
    expect(html).not.toContain(`textHash: ${HASH}`);
    expect(html).toContain('错误级问题不可豁免');
  });
});

// Captions keep the required risk warning visible: WeChat Moments folds a post's text after about
// six screen lines, so the warning must end within them (or the caption be six lines or fewer).
import { describe, expect, it } from 'vitest';
import { caption, captionContext, captionFoldFindings, momentsLines, MOMENTS_FOLD_LINES } from '../../pipeline/captions/captions.ts';
import { loadContent } from '../../pipeline/load/content.ts';
import { plan } from '../../pipeline/plan/plan.ts';
import { REQUIRED_WARNINGS } from '../../pipeline/lint/warnings.ts';
import { put, sampleTree, text } from '../helpers/content.ts';

const WEEK = '2026-W48';

async function sampleCaptions(edit?: (tree: Awaited<ReturnType<typeof sampleTree>>) => void) {
  const tree = await sampleTree();
  edit?.(tree);
  const content = loadContent(tree, WEEK);
  return plan(content).map((job) => {
    const branch = content.branches.find((b) => b.id === job.branch)!;
    const product = job.brief.fields.product;
    const warning = product ? REQUIRED_WARNINGS[product] : '';
    return { job, warning, text: caption(captionContext(job, branch, content.bank, warning), job.persona.role) };
  });
}

describe('captions over the sample week', () => {
  it('every caption with a required warning shows it within its first six lines', async () => {
    const all = await sampleCaptions();
    const withWarning = all.filter((c) => c.warning);
    expect(withWarning.length).toBeGreaterThanOrEqual(3);
    for (const c of withWarning) {
      const at = c.text.indexOf(c.warning);
      expect(at, c.job.id).toBeGreaterThan(0);
      const lines = momentsLines(c.text.slice(0, at + c.warning.length));
      expect(lines, `${c.job.id}:\n${c.text}`).toBeLessThanOrEqual(MOMENTS_FOLD_LINES);
      expect(captionFoldFindings(c.text, c.warning, c.job.brief), c.job.id).toEqual([]);
    }
    // and the sample captions are long enough that this matters
    expect(withWarning.some((c) => momentsLines(c.text) > MOMENTS_FOLD_LINES)).toBe(true);
  });

  it('keeps the warning visible for every role and kind when a brief declares a fund product', async () => {
    const all = await sampleCaptions((tree) => {
      for (const rel of tree.files.keys()) {
        if (!rel.startsWith(`weeks/${WEEK}/`) || !rel.endsWith('.md')) continue;
        const t = text(tree, rel);
        put(tree, rel, /\nproduct: /.test(t) ? t.replace(/\nproduct: \w+/, '\nproduct: fund') : t.replace(/\n---\n/, '\nproduct: fund\n---\n'));
      }
    });
    const roles = new Set(all.map((c) => c.job.persona.role));
    expect(roles).toEqual(new Set(['president', 'wealth-manager', 'mascot']));
    for (const c of all) {
      expect(c.warning).toBe(REQUIRED_WARNINGS.fund);
      expect(captionFoldFindings(c.text, c.warning, c.job.brief), `${c.job.id} (${c.job.brief.fields.kind}):\n${c.text}`).toEqual([]);
    }
  });
});

describe('caption-fold', () => {
  const warning = REQUIRED_WARNINGS.wealth;
  const long = ['理财小课堂｜工资到手先分三份 💰', '上周骑绿道，碰到两个刚毕业的小伙子，聊起“工资到手就月光”。我给他们出了个主意，像骑行分段一样分三段。', '先留三到六个月的生活费当应急钱。', '每月固定存一部分，养成习惯比金额更重要。', '节奏对了，路就顺了。', '—— 王晓琳｜理财经理', warning].join('\n');

  it('reports a warning that ends after the sixth screen line, at the brief’s product field', () => {
    const brief = { file: 'content/weeks/2026-W48/jinjiang/tue-first-salary.md', spans: [{ field: 'product', text: 'wealth', file: 'x', start: { line: 8, column: 10 } }] };
    const [f, ...rest] = captionFoldFindings(long, warning, brief);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'caption-fold', severity: 'error', waivable: false, field: 'caption', file: brief.file, line: 8, column: 10, excerpt: warning });
    expect(f!.message).toContain('折叠');
  });

  it('counts wrapped lines: a long line takes several, a CJK character two columns, an emoji two', () => {
    expect(momentsLines('短')).toBe(1);
    expect(momentsLines('一'.repeat(18))).toBe(1);
    expect(momentsLines('一'.repeat(19))).toBe(2);
    expect(momentsLines('a'.repeat(36))).toBe(1);
    expect(momentsLines('😊'.repeat(19))).toBe(2);
    expect(momentsLines('甲\n\n乙')).toBe(3);
  });

  it('is quiet for a short caption, a caption without a warning, and a warning at the top', () => {
    expect(captionFoldFindings(`标题\n${warning}`, warning, 'f.md')).toEqual([]);
    expect(captionFoldFindings(long, '', 'f.md')).toEqual([]);
    const top = [long.split('\n')[0], warning, ...long.split('\n').slice(1, -1)].join('\n');
    expect(momentsLines(top)).toBeGreaterThan(MOMENTS_FOLD_LINES);
    expect(captionFoldFindings(top, warning, 'f.md')).toEqual([]);
  });
});

// `--format sarif`: SARIF 2.1.0 (OASIS) for code-scanning tools. Every rule carries a readable
// short description, its legal basis, suggestion and a help link to the rule file that ships with
// Wendu; artifact URIs are relative to `%SRCROOT%`; a waived finding carries a `suppressions`
// entry with the reviewer and reason; errors are never `waivable`; a finding in a caption or an
// image string points at the brief field its words come from (or names the field, without a
// false line:col); fingerprints are keyed HMACs, never a plain hash of the flagged text.
import { createHmac } from 'node:crypto';
import { place } from './locate.ts';
import { messages, type Formatter } from './types.ts';
import type { CatalogEntry } from '../engine.ts';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;
const SRCROOT = '%SRCROOT%';

const uri = (file: string) => encodeURI(file.replace(/\\/g, '/').replace(/^\.\//, ''));
const blank = (s: string) => s.replace(/「?\{\{\s*\w+\s*\}\}」?/g, '').replace(/（[^）]*）/g, '').trim();

/** `出现保本保收益类表述「{{excerpt}}」：金融广告不得明示或暗示保本…` → the sentence after the colon. */
export function shortDescription(r: Pick<CatalogEntry, 'message' | 'id'>): string {
  const [head, ...rest] = r.message.split('：');
  const tail = rest.join('：');
  if (tail && !/\{\{/.test(tail)) return tail;
  return blank(head ?? '') || r.id;
}

/** The rule file that ships with Wendu: its basis, word lists and examples. */
const helpUri = (id: string) => new URL(`../rules/${id}.yaml`, import.meta.url).href;

export const sarif: Formatter = (results, meta) => {
  const ruleIds = [...meta.catalog.map((r) => r.id)];
  // load problems (load/yaml …) are not lint rules but still need a rule entry to point at
  for (const r of results) for (const p of r.problems) if (!ruleIds.includes(p.ruleId)) ruleIds.push(p.ruleId);
  const byId = new Map(meta.catalog.map((r) => [r.id, r]));
  const rules = ruleIds.map((id) => {
    const r = byId.get(id);
    if (!r) return { id, name: id, shortDescription: { text: `内容无法读取或校验（${id}）` }, defaultConfiguration: { level: 'error' }, properties: { waivable: false } };
    const suggestion = blank(r.suggestion) || r.suggestion;
    return {
      id: r.id,
      name: r.id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
      shortDescription: { text: shortDescription(r) },
      fullDescription: { text: `${shortDescription(r)}（依据：${r.basis}）` },
      helpUri: helpUri(r.id),
      help: { text: `依据：${r.basis}\n建议：${suggestion}`, markdown: `**依据**：${r.basis}\n\n**建议**：${suggestion}` },
      defaultConfiguration: { level: LEVEL[r.severity] },
      properties: {
        basis: r.basis,
        waivable: r.waivable && r.severity !== 'error',
        engine: r.engine,
        tags: ['compliance', r.id.startsWith('pii-') ? 'privacy' : 'advertising'],
      },
    };
  });
  const key = meta.fingerprintKey;
  const sarifResults = results.flatMap((r) => {
    const seen = new Map<string, number>();
    return messages(r).map((m) => {
      const f = m.finding;
      const where = f ? place(f, r.spans) : { field: undefined, region: { startLine: m.line, startColumn: m.column, endLine: m.endLine ?? m.line, endColumn: m.endColumn ?? m.column } };
      const waiver = f && r.waived?.get(f);
      let fingerprint: Record<string, string> | undefined;
      if (f && key) {
        // the same finding in the same text keeps its fingerprint however the file around it moves
        const id = [f.ruleId, r.file, f.field, f.textHash].join('\u0000');
        const n = (seen.get(id) ?? 0) + 1;
        seen.set(id, n);
        fingerprint = { 'wenduFinding/v1': createHmac('sha256', key).update(`${id}\u0000${n}`).digest('hex') };
      }
      const onlyField = f && !where.region;
      return {
        ruleId: m.ruleId,
        ruleIndex: ruleIds.indexOf(m.ruleId),
        level: LEVEL[m.severity],
        message: { text: onlyField ? `${m.message}（位于生成的「${where.field}」中）` : m.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: uri(r.file), uriBaseId: SRCROOT },
              ...(where.region ? { region: { ...where.region, ...(m.excerpt ? { snippet: { text: m.excerpt } } : {}) } } : {}),
            },
            ...(f ? { logicalLocations: [{ name: where.field, kind: 'member', ...('sourceField' in where && where.sourceField ? { fullyQualifiedName: `${where.sourceField} → ${where.field}` } : {}) }] } : {}),
          },
        ],
        ...(fingerprint ? { partialFingerprints: fingerprint } : {}),
        ...(waiver
          ? { suppressions: [{ kind: 'external', status: 'accepted', justification: waiver.reason, properties: { reviewer: waiver.reviewer, date: waiver.date } }] }
          : {}),
        ...(f
          ? {
              properties: {
                field: f.field,
                ...('sourceField' in where && where.sourceField ? { sourceField: where.sourceField } : {}),
                suggestion: f.suggestion,
                basis: f.basis,
                waivable: f.waivable && f.severity !== 'error',
              },
            }
          : {}),
      };
    });
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'wendu-lint', version: meta.ruleset, semanticVersion: '1.0.0', informationUri: helpUri('guarantee').replace(/(?<![^/])[^/]+$/, ''), rules } },
        ...(meta.srcRoot ? { originalUriBaseIds: { [SRCROOT]: { uri: meta.srcRoot } } } : {}),
        columnKind: 'utf16CodeUnits',
        artifacts: results.map((r) => ({ location: { uri: uri(r.file), uriBaseId: SRCROOT } })),
        results: sarifResults,
        properties: { ruleset: meta.ruleset },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

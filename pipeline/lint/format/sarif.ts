// `--format sarif`: SARIF 2.1.0 (OASIS), with every rule's metadata in tool.driver.rules so code
// scanning UIs show the legal basis and suggestion; the rule-set version is the driver's version.
import { messages, type Formatter } from './types.ts';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

const uri = (file: string) => encodeURI(file.replace(/\\/g, '/'));

export const sarif: Formatter = (results, meta) => {
  const ruleIds = [...meta.catalog.map((r) => r.id)];
  // load problems (load/yaml …) are not lint rules but still need a rule entry to point at
  for (const r of results) for (const p of r.problems) if (!ruleIds.includes(p.ruleId)) ruleIds.push(p.ruleId);
  const byId = new Map(meta.catalog.map((r) => [r.id, r]));
  const rules = ruleIds.map((id) => {
    const r = byId.get(id);
    if (!r) return { id, name: id, shortDescription: { text: id }, defaultConfiguration: { level: 'error' } };
    return {
      id: r.id,
      name: r.id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
      shortDescription: { text: r.message.replace(/\{\{\s*\w+\s*\}\}/g, '…') },
      fullDescription: { text: `${r.message.replace(/\{\{\s*\w+\s*\}\}/g, '…')} — ${r.basis}` },
      help: { text: r.suggestion.replace(/\{\{\s*\w+\s*\}\}/g, '…') },
      defaultConfiguration: { level: LEVEL[r.severity] },
      properties: { basis: r.basis, waivable: r.waivable, engine: r.engine, tags: ['compliance', r.id.startsWith('pii-') ? 'privacy' : 'advertising'] },
    };
  });
  const sarifResults = results.flatMap((r) =>
    messages(r).map((m) => {
      const finding = r.findings.includes(m as never) ? (m as (typeof r.findings)[number]) : undefined;
      return {
        ruleId: m.ruleId,
        ruleIndex: ruleIds.indexOf(m.ruleId),
        level: LEVEL[m.severity],
        message: { text: m.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: uri(r.file) },
              region: {
                startLine: m.line,
                startColumn: m.column,
                endLine: m.endLine ?? m.line,
                endColumn: m.endColumn ?? m.column,
                ...(m.excerpt ? { snippet: { text: m.excerpt } } : {}),
              },
            },
          },
        ],
        ...(finding ? { partialFingerprints: { 'textHash/v1': finding.textHash }, properties: { field: finding.field, suggestion: finding.suggestion, basis: finding.basis, waivable: finding.waivable } } : {}),
      };
    }),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'wendu-lint', version: meta.ruleset, semanticVersion: '1.0.0', rules } },
        columnKind: 'utf16CodeUnits',
        artifacts: results.map((r) => ({ location: { uri: uri(r.file) } })),
        results: sarifResults,
        properties: { ruleset: meta.ruleset },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { ruleCatalog, ruleDefinitions, rulesetVersion } from '../../pipeline/lint/index.ts';
import { compileRules, validateLexicon, validateRule } from '../../pipeline/lint/rules.ts';
import { lint } from './helpers.ts';

const rules = ruleDefinitions();

describe('every rule carries its proof', () => {
  it('has at least one valid and one invalid example', () => {
    for (const r of rules) {
      expect(r.examples.valid.length, `${r.id} valid examples`).toBeGreaterThan(0);
      expect(r.examples.invalid.length, `${r.id} invalid examples`).toBeGreaterThan(0);
    }
  });

  for (const r of rules) {
    describe(r.id, () => {
      for (const claim of r.claims) {
        describe(`claim pattern ${claim.name}`, () => {
          it('pins the excerpt of its first invalid example', () => {
            expect(claim.examples.invalid[0]!.excerpt, `${r.id}: ${claim.name}`).toBeTruthy();
          });
          for (const ex of claim.examples.valid) {
            it(`passes ${JSON.stringify(ex.texts)}`, () => {
              expect(lint(ex.texts, undefined, ex.fields).filter((f) => f.ruleId === r.id).map((f) => f.excerpt)).toEqual([]);
            });
          }
          for (const ex of claim.examples.invalid) {
            it(`flags ${JSON.stringify(ex.texts)}`, () => {
              const found = lint(ex.texts, undefined, ex.fields).filter((f) => f.ruleId === r.id);
              expect(found.length).toBeGreaterThan(0);
              if (ex.excerpt) expect(found.map((f) => f.excerpt)).toContain(ex.excerpt);
            });
          }
        });
      }
      for (const ex of r.examples.valid) {
        it(`passes ${JSON.stringify(ex.texts)}`, () => {
          expect(lint(ex.texts, undefined, ex.fields).filter((f) => f.ruleId === r.id)).toEqual([]);
        });
      }
      for (const ex of r.examples.invalid) {
        it(`flags ${JSON.stringify(ex.texts)}`, () => {
          const found = lint(ex.texts, undefined, ex.fields).filter((f) => f.ruleId === r.id);
          expect(found.length).toBeGreaterThan(0);
          if (ex.excerpt) expect(found.map((f) => f.excerpt)).toContain(ex.excerpt);
          for (const f of found) {
            expect(f.severity).toBe(r.severity);
            expect(f.basis).toBe(r.basis);
            expect(f.message).not.toMatch(/\{\{/);
            // the reviewers read Chinese: no English beyond what the excerpt quotes
            expect(f.message.replace(f.excerpt, '')).not.toMatch(/[A-Za-z]{2,}/);
          }
        });
      }
    });
  }
});

describe('examples pin what a reviewer sees', () => {
  // the rule id AND the quoted characters: a finding on the wrong words is a wrong finding
  // (client-detail rules pin theirs in test/lint/pii.test.ts)
  for (const r of rules.filter((r) => !r.id.startsWith('pii-'))) {
    it(`${r.id}: every invalid example names its excerpt`, () => {
      const loose = [...r.examples.invalid, ...r.claims.flatMap((c) => c.examples.invalid)].filter((e) => !e.excerpt).map((e) => e.texts.join(' ‖ '));
      expect(loose).toEqual([]);
    });
  }
});

describe('messages speak the reviewers\' language', () => {
  for (const r of rules) {
    it(`${r.id}: says what was found and why, in Chinese, in one short line`, () => {
      const template = r.message.replace(/\{\{\s*\w+\s*\}\}/g, '');
      expect(r.message).toContain('「{{excerpt}}」');
      expect(template).toMatch(/：/);
      expect(template).not.toMatch(/[A-Za-z]/);
      expect(template.length).toBeLessThanOrEqual(48);
    });
  }
});

describe('the rule set', () => {
  it('covers every rule family of COMPLIANCE.md', () => {
    const families = Object.entries(parseYaml(readFileSync(new URL('./fixtures/families.yaml', import.meta.url), 'utf8')) as Record<string, string>);
    expect(families.length).toBeGreaterThanOrEqual(14);
    const catalog = new Map(ruleCatalog().map((r) => [r.id, r]));
    for (const [id, severity] of families) {
      expect(catalog.get(id)?.severity, `family ${id}`).toBe(severity);
    }
    // pii-person's other details have their own ids
    for (const id of ['pii-plate', 'pii-passport', 'pii-email', 'pii-address', 'past-performance']) expect(catalog.has(id)).toBe(true);
  });

  it('makes every PII rule an error that cannot be waived', () => {
    for (const r of ruleCatalog().filter((r) => r.id.startsWith('pii-'))) {
      expect(r.severity).toBe('error');
      expect(r.waivable).toBe(false);
    }
    expect(ruleCatalog().find((r) => r.id === 'guarantee')?.waivable).toBe(true);
  });

  it('has a short, stable version', () => {
    expect(rulesetVersion()).toMatch(/^[0-9a-f]{12}$/);
    expect(rulesetVersion()).toBe(rulesetVersion());
  });

  it('changes version when a rule changes', () => {
    const lexicon = validateLexicon({ product: { terms: ['理财'] }, wealth: { terms: ['理财'] }, negations: ['不'] }, 'lexicon.yaml');
    const rule = (term: string) =>
      validateRule({ id: 'x', severity: 'error', basis: 'b', message: 'm', suggestion: 's', terms: [term], examples: { valid: ['a'], invalid: [term] } }, 'rules/x.yaml', new Set());
    const a = compileRules([{ data: rule('保本'), file: 'rules/x.yaml' }], lexicon).version;
    const b = compileRules([{ data: rule('保息'), file: 'rules/x.yaml' }], lexicon).version;
    expect(a).not.toBe(b);
  });
});

describe('rule files are validated when loaded', () => {
  const base = { id: 'demo', severity: 'warning', basis: 'b', message: 'm', suggestion: 's', terms: ['保本'], examples: { valid: ['ok'], invalid: ['保本'] } };

  it('names the file and key of a rule without invalid examples', () => {
    expect(() => validateRule({ ...base, examples: { valid: ['ok'], invalid: [] } }, 'pipeline/lint/rules/demo.yaml', new Set())).toThrow(
      /pipeline\/lint\/rules\/demo\.yaml: examples\.invalid: Expected at least one invalid example/,
    );
  });

  it('names the key of a bad severity', () => {
    expect(() => validateRule({ ...base, severity: 'fatal' }, 'pipeline/lint/rules/demo.yaml', new Set())).toThrow(/demo\.yaml: severity:/);
  });

  it('rejects an id that is not the file name', () => {
    expect(() => validateRule(base, 'pipeline/lint/rules/other.yaml', new Set())).toThrow(/other\.yaml: id: Expected `other`/);
  });

  it('rejects an unknown detector and a bad pattern', () => {
    expect(() => validateRule({ ...base, terms: [], detector: 'nope' }, 'rules/demo.yaml', new Set(['pii-id']))).toThrow(/detector: Unknown detector `nope`/);
    expect(() => validateRule({ ...base, patterns: ['(unclosed'] }, 'rules/demo.yaml', new Set())).toThrow(/patterns\.0:/);
  });
});

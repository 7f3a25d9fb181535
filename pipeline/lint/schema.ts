// Schema pieces the linter's data files share: a regular expression given as a string, and a
// rule's `data:` block read against a detector's schema with errors naming the file and key.
import { z } from 'zod';
import type { RuleMeta } from './rules.ts';
import { led } from './prefilter.ts';

/** A string compiled as a case-insensitive global RegExp (led by its first characters); an invalid one is a schema issue. */
export const regexSchema = z.string().transform((s, ctx) => {
  try {
    new RegExp(s, 'gi');
    return new RegExp(led(s, 'gi'), 'gi');
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
    return z.NEVER;
  }
});

/** `rule.data` parsed with `schema`; throws `file: data.key: message` for each issue. */
export function ruleData<T extends z.ZodType>(rule: Pick<RuleMeta, 'data' | 'file'>, schema: T): z.infer<T> {
  const parsed = schema.safeParse(rule.data ?? {});
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${rule.file}: data.${i.path.join('.')}: ${i.message}`).join('\n'));
  return parsed.data;
}

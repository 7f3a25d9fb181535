// Schema pieces the linter's data files share: a regular expression given as a string, and a
// rule's `data:` block read against a detector's schema with errors naming the file and key.
import { z } from 'zod';
import type { RuleMeta } from './rules.ts';
import { led } from './prefilter.ts';

/** A data file's pattern as the linter runs it: case-insensitive, global, led by its first characters (prefilter's `led`). */
export function patternRegExp(source: string): RegExp {
  return new RegExp(led(source, 'gi'), 'gi');
}

/** A string compiled as patternRegExp does; an invalid one is a schema issue (its message names the pattern as written). */
export const regexSchema = z.string().transform((s, ctx) => {
  try {
    new RegExp(s, 'gi');
    return patternRegExp(s);
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

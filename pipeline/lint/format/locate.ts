// Where a finding's words come from. A finding in a brief's own field is where the linter put it.
// A finding in a generated text (the caption, a string drawn on an image, a template's warning)
// has no place in the file of its own — its line:col would be an offset into generated text —
// so it is placed at the brief field the words were copied from, when one holds them, and
// otherwise named by its field alone, without a line and column.
import { advance } from '../../load/source.ts';
import type { TextSpan } from '../../model.ts';
import type { Finding } from '../engine.ts';

export interface Placement {
  /** a real place in the file, or none */
  region?: { startLine: number; startColumn: number; endLine: number; endColumn: number };
  /** the field the finding was made in (`caption`, `image:headline`, `title` …) */
  field: string;
  /** for a generated text placed at its source: the brief field that holds the words */
  sourceField?: string;
}

/** Field names of texts Wendu generates rather than reads from the brief. */
export const isGenerated = (field: string) => field === 'caption' || field.startsWith('image:') || field.startsWith('template:') || field.startsWith('drawn:');

export function place(f: Finding, spans: TextSpan[] | undefined): Placement {
  const span = spans?.find((s) => s.field === f.field && s.file === f.file);
  const generated = span ? !span.start : isGenerated(f.field);
  if (!generated) return { field: f.field, region: { startLine: f.line, startColumn: f.column, endLine: f.endLine ?? f.line, endColumn: f.endColumn ?? f.column } };
  if (span && f.line === 1) {
    // a span without `start` is located as line 1, column offset + 1: recover the original words
    const words = span.text.slice(f.column - 1, (f.endColumn ?? f.column) - 1);
    if (words) {
      for (const s of spans!) {
        if (!s.start || s.file !== f.file) continue;
        const at = s.text.indexOf(words);
        if (at < 0) continue;
        const a = advance(s.start, s.text, at);
        const b = advance(s.start, s.text, at + words.length);
        return { field: f.field, sourceField: s.field, region: { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column } };
      }
    }
  }
  return { field: f.field };
}

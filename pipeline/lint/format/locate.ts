// Where a finding's words come from. A finding in a brief's own field is where the linter put it.
// A finding in a generated text (the caption, a string drawn on an image, a template's warning)
// has no place in the file of its own — its line:col would be an offset into generated text —
// so it is placed at the brief field the words were copied from, when one holds them, and
// otherwise named by its field alone, without a line and column.
import { createHash } from 'node:crypto';
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

const sha256 = (t: string) => createHash('sha256').update(t).digest('hex');

export function place(f: Finding, spans: TextSpan[] | undefined): Placement {
  // the span the finding is in: an _all brief's caption differs per branch, so match its text hash
  const same = spans?.filter((s) => s.field === f.field && s.file === f.file) ?? [];
  const span = same.length > 1 ? (same.find((s) => sha256(s.text) === f.textHash) ?? same[0]) : same[0];
  const generated = span ? !span.start : isGenerated(f.field);
  if (!generated) return { field: f.field, region: { startLine: f.line, startColumn: f.column, endLine: f.endLine ?? f.line, endColumn: f.endColumn ?? f.column } };
  if (span) {
    // a span without `start` is placed by the finding's offsets in its text: recover the original words
    const { from, to } = f.offset;
    const words = span.text.slice(from, to);
    if (words) {
      const sources = spans!.filter((s) => s.start && s.file === f.file);
      const at = (s: TextSpan, offset: number): Placement => {
        const a = advance(s.start!, s.text, offset);
        const b = advance(s.start!, s.text, offset + words.length);
        return { field: f.field, sourceField: s.field, region: { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column } };
      };
      // best: the whole generated line came from one field (the lead paragraph), or one whole
      // field sits in the line (【title】): the words are then at the same place in that field
      const lineStart = span.text.lastIndexOf('\n', from - 1) + 1;
      const lineEnd = span.text.indexOf('\n', to) < 0 ? span.text.length : span.text.indexOf('\n', to);
      const line = span.text.slice(lineStart, lineEnd);
      for (const s of sources) {
        const i = line ? s.text.indexOf(line) : -1;
        if (i >= 0) return at(s, i + from - lineStart);
      }
      for (const s of [...sources].sort((a, b) => b.text.length - a.text.length)) {
        const j = s.text ? line.indexOf(s.text) : -1;
        if (j >= 0 && from - lineStart >= j && to - lineStart <= j + s.text.length) return at(s, from - lineStart - j);
      }
      // else: the first field that holds the words
      for (const s of sources) {
        const i = s.text.indexOf(words);
        if (i >= 0) return at(s, i);
      }
    }
  }
  return { field: f.field };
}

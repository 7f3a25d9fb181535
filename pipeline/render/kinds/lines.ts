// Headline line breaks chosen by meaning rather than by width.

/**
 * A two-part title as two headline lines: `冬日暖心茶话会 · 防诈骗小课堂` breaks at its separator into a
 * name and a theme rather than wherever the width runs out (`…茶话会 · 防 / 诈骗小课堂`). Anything else
 * is one line for the renderer to wrap.
 */
export function titleLines(title: string): string[] {
  const parts = title.split(/\s*[·•｜|]\s*/u).filter((p) => p.length > 0);
  return parts.length === 2 ? parts : [title];
}

// Headline line breaks chosen by meaning rather than by width.

/**
 * A two-part title as two headline lines, or the whole title as one line for the renderer to wrap:
 * - `冬日暖心茶话会 · 防诈骗小课堂` breaks at its separator, which is dropped, into a name and a theme
 *   (rather than `…茶话会 · 防 / 诈骗小课堂`, wherever the width runs out);
 * - `周一晨会：把每一句"您慢慢说"落到实处` breaks after a short lead-in ending in a colon, which stays.
 */
export function titleLines(title: string): string[] {
  const parts = title.split(/(?:(?<!\s)\s+)?[·•｜|]\s*/u).filter((p) => p.length > 0);
  if (parts.length === 2) return parts;
  const colon = /^([^：:]{2,10}[：:])\s*(\S.*)$/u.exec(title);
  if (colon) return [colon[1]!, colon[2]!];
  return [title];
}

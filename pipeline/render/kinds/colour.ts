// Translucent brand colours as rgba() fills. A CSS `opacity` becomes an SVG group opacity, which resvg
// renders through an offscreen layer the size of the element; an rgba() fill is drawn directly.
import type { Brand } from '../context.ts';

/** `#E8A33D`, 0.16 → `rgba(232, 163, 61, 0.16)` */
export function alpha(hex: string, a: number): string {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${a})`;
}

const STEPS = [6, 10, 12, 16, 20, 35, 50, 60, 70, 80, 90] as const;

/** `tint.primary.a16`, `tint.accent.a60`, `tint.white.a90` … for templates. */
export function tints(brand: Pick<Brand, 'primary' | 'accent' | 'ink'>): Record<'primary' | 'accent' | 'ink' | 'white', Record<string, string>> {
  const of = (hex: string) => Object.fromEntries(STEPS.map((s) => [`a${s}`, alpha(hex, s / 100)]));
  return { primary: of(brand.primary), accent: of(brand.accent), ink: of(brand.ink), white: of('#FFFFFF') };
}

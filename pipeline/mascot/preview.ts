// Renders every pose × a few expressions of 小U to PNG, at 480×480 and 120×120, plus a contact
// sheet, so the art can be looked at. Usage: npx tsx pipeline/mascot/preview.ts OUTDIR
//
// The sign lettering is overlaid with satori when a CJK font is present in fonts/; without one the
// board stays blank (the SVG itself never holds text).

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import sharp from 'sharp';
import type { OverlayOptions } from 'sharp';
import { composeMascot, EXPRESSIONS, POSES } from './compose.ts';
import type { MascotFrame } from './compose.ts';
import { signLettering } from './sign.ts';

const SAMPLE_SIGN = '理财小白入门指南';
const SIZES = [480, 120] as const;
const TILE = 240;

function findFont(): Buffer | null {
  const dir = fileURLToPath(new URL('../../fonts/', import.meta.url));
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => /\.(otf|ttf|woff2?)$/i.test(name)).sort();
  } catch {
    return null;
  }
  const preferred = names.find((name) => /bold/i.test(name)) ?? names[0];
  return preferred === undefined ? null : readFileSync(join(dir, preferred));
}

async function renderPng(pose: string, expression: string | undefined, size: number, font: Buffer | null, frame?: MascotFrame): Promise<Buffer> {
  const composed = composeMascot({
    pose,
    size,
    ...(expression === undefined ? {} : { expression }),
    ...(frame === undefined ? {} : { frame }),
    ...(pose === 'sign' ? { sign: SAMPLE_SIGN } : {}),
  });
  const png = new Resvg(composed.svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'width', value: size } }).render().asPng();
  if (composed.signBox === null || composed.signText === null || font === null) return png;
  const scale = size / composed.viewBox;
  const overlay = await satori(signLettering(composed.signText, composed.signBox, { scale, fontFamily: 'Sign' }), {
    width: size,
    height: size,
    fonts: [{ name: 'Sign', data: font, weight: 700, style: 'normal' }],
  });
  const lettering = new Resvg(overlay, { font: { loadSystemFonts: false } }).render().asPng();
  return sharp(png).composite([{ input: lettering }]).png().toBuffer();
}

async function main(outDir: string | undefined): Promise<number> {
  if (outDir === undefined) {
    process.stderr.write('usage: npx tsx pipeline/mascot/preview.ts OUTDIR\n');
    return 2;
  }
  mkdirSync(outDir, { recursive: true });
  const font = findFont();
  if (font === null) process.stderr.write('note: no font in fonts/, the sign board is left blank\n');

  // Columns: the pose's own expression, then every expression.
  const columns: (string | undefined)[] = [undefined, ...EXPRESSIONS];
  const tiles: OverlayOptions[] = [];
  for (const [row, pose] of POSES.entries()) {
    for (const [col, expression] of columns.entries()) {
      const name = `${pose}-${expression ?? 'default'}`;
      for (const size of SIZES) {
        writeFileSync(join(outDir, `${name}-${size}.png`), await renderPng(pose, expression, size, font));
      }
      tiles.push({ input: await renderPng(pose, expression, TILE, font), left: col * TILE, top: row * TILE });
    }
  }
  // A few animation frames of each pose: bounce, squash, wave, blink.
  const frames: MascotFrame[] = [{}, { dy: -24, armPhase: 0.25 }, { scaleY: 0.9, armPhase: 0.5 }, { blink: true, armPhase: 0.75 }, { rotate: -6 }];
  const frameTiles: OverlayOptions[] = [];
  for (const [row, pose] of POSES.entries()) {
    for (const [col, frame] of frames.entries()) {
      frameTiles.push({ input: await renderPng(pose, undefined, TILE, font, frame), left: col * TILE, top: row * TILE });
    }
  }

  const sheet = async (file: string, cols: number, overlays: OverlayOptions[]): Promise<void> => {
    await sharp({ create: { width: cols * TILE, height: POSES.length * TILE, channels: 4, background: '#FFF8EF' } })
      .composite(overlays)
      .png()
      .toFile(join(outDir, file));
  };
  await sheet('sheet.png', columns.length, tiles);
  await sheet('frames.png', frames.length, frameTiles);
  process.stdout.write(
    `${POSES.length} poses × ${columns.length} expressions → ${outDir}\n` +
      `sheet.png: rows ${POSES.join(', ')}; columns default, ${EXPRESSIONS.join(', ')}\n` +
      `frames.png: rest, bounce+arm out, squash, blink+arm in, lean\n`,
  );
  return 0;
}

process.exitCode = await main(process.argv[2]);

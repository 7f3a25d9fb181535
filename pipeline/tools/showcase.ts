// Makes templates/showcase.jpg, the README's picture of a week: a few assets of the sample week
// side by side. Run after `npm start`:  npx tsx pipeline/tools/showcase.ts [out/2026-W48]
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';

const week = process.argv[2] ?? 'out/2026-W48';
const HEIGHT = 760;
const GAP = 28;
/** which asset of which branch, by the end of its file name */
const PICKS: [string, RegExp][] = [
  ['xihu', /-poster-finance-101\.jpg$/],
  ['xihu', /-relocation-funds\.jpg$/],
  ['jinjiang', /-morning-meeting\.jpg$/],
  ['tianhe', /-weekly-report\.jpg$/],
  ['jinjiang', /-invitation-tea-party\.jpg$/],
];
const STICKERS: [string, RegExp][] = [
  ['tianhe', /-01-zao-an\.png$/],
  ['tianhe', /-04-jia-you\.png$/],
];

async function find(branch: string, re: RegExp): Promise<string> {
  const dir = join(week, branch, 'images');
  const name = (await readdir(dir)).find((f) => re.test(f));
  if (!name) throw new Error(`no ${re} in ${dir}: run npm start first`);
  return join(dir, name);
}

const tiles: { input: Buffer; width: number }[] = [];
for (const [branch, re] of PICKS) {
  const input = await sharp(await find(branch, re)).resize({ height: HEIGHT }).toBuffer();
  tiles.push({ input, width: (await sharp(input).metadata()).width! });
}
const stickerSize = (HEIGHT - GAP) / 2;
const stickers = await Promise.all(STICKERS.map(async ([b, re]) => sharp(await find(b, re)).resize(stickerSize, stickerSize).toBuffer()));

const width = tiles.reduce((w, t) => w + t.width + GAP, GAP) + stickerSize + GAP;
let x = GAP;
const composites: OverlayOptions[] = [];
for (const t of tiles) {
  composites.push({ input: t.input, left: x, top: GAP });
  x += t.width + GAP;
}
stickers.forEach((input, i) => composites.push({ input, left: x, top: GAP + i * (stickerSize + GAP) }));
// sharp resizes before it composites, so compose first and scale the result in a second pass
const sheet = await sharp({ create: { width: Math.round(width), height: HEIGHT + 2 * GAP, channels: 3, background: '#F4EDE4' } })
  .composite(composites.map((c) => ({ ...c, left: Math.round(c.left!), top: Math.round(c.top!) })))
  .png()
  .toBuffer();
await sharp(sheet)
  .resize({ width: 1800 })
  .jpeg({ quality: 82, mozjpeg: true })
  .toFile('templates/showcase.jpg');
console.log('wrote templates/showcase.jpg');

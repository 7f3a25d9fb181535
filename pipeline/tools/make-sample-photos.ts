// Makes the sample week's "photos": flat-illustration scenes drawn as SVG, rasterised with
// resvg and encoded as JPEG with sharp. They stand in for what a branch would upload, so they
// are inputs to the pipeline, committed under content/photos/<branch>/.
//
//   npx tsx pipeline/tools/make-sample-photos.ts            # all files
//   npx tsx pipeline/tools/make-sample-photos.ts grid-3     # only files whose path contains "grid-3"
//   PREVIEW=/tmp/p npx tsx pipeline/tools/make-sample-photos.ts   # also write upright PNG previews
//
// Everything is deterministic (no Math.random, no clock), so re-running produces the same pixels.
// The morning-meeting photos carry EXIF (Make/Model, DateTimeOriginal, GPS, Orientation) so the
// photo stage can be tested for orientation handling and metadata stripping; jinjiang's pixels are
// stored rotated 90° clockwise with Orientation 8, so it is upright only once orientation is applied.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';
import { rng } from './rng.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(ROOT, 'content/photos');

type BranchId = 'xihu' | 'jinjiang' | 'tianhe';
const BRANCHES: BranchId[] = ['xihu', 'jinjiang', 'tianhe'];

// ---------------------------------------------------------------------------------------------
// small SVG helpers


const f = (n: number): string => (Math.round(n * 10) / 10).toString();

type Stop = [offset: number, color: string, opacity?: number];

function stops(list: Stop[]): string {
  return list
    .map(([o, c, op]) => `<stop offset="${o}" stop-color="${c}"${op === undefined ? '' : ` stop-opacity="${op}"`}/>`)
    .join('');
}

/** linear gradient in object-bounding-box units (0..1) */
function lin(id: string, list: Stop[], x1 = 0, y1 = 0, x2 = 0, y2 = 1): string {
  return `<linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}">${stops(list)}</linearGradient>`;
}

/** linear gradient in user-space coordinates */
function linU(id: string, list: Stop[], x1: number, y1: number, x2: number, y2: number): string {
  return `<linearGradient id="${id}" gradientUnits="userSpaceOnUse" x1="${f(x1)}" y1="${f(y1)}" x2="${f(x2)}" y2="${f(y2)}">${stops(list)}</linearGradient>`;
}

/** radial gradient in user-space coordinates */
function radU(id: string, list: Stop[], cx: number, cy: number, r: number, fx = cx, fy = cy): string {
  return `<radialGradient id="${id}" gradientUnits="userSpaceOnUse" cx="${f(cx)}" cy="${f(cy)}" r="${f(r)}" fx="${f(fx)}" fy="${f(fy)}">${stops(list)}</radialGradient>`;
}

function blur(id: string, sd: number): string {
  return `<filter id="${id}" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="${sd}"/></filter>`;
}

function svgDoc(w: number, h: number, defs: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><defs>${defs}</defs>${body}</svg>`;
}

function rasterise(svg: string): Buffer {
  const resvg = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' }, shapeRendering: 2 });
  return Buffer.from(resvg.render().asPng());
}

// ---------------------------------------------------------------------------------------------
// output

interface Job {
  file: string; // relative to content/photos
  make: () => string; // SVG
  exif?: { orientation: number; rotate: 0 | 90; lat: [string, string]; lon: [string, string]; when: string };
}

const JPEG = { quality: 82, mozjpeg: true, chromaSubsampling: '4:2:0' } as const;

async function run(job: Job, preview: string | undefined): Promise<{ file: string; bytes: number; w: number; h: number; orientation?: number }> {
  const png = rasterise(job.make());
  const dest = path.join(OUT, job.file);
  await mkdir(path.dirname(dest), { recursive: true });
  let jpeg: Buffer;
  if (job.exif) {
    const { orientation, rotate, lat, lon, when } = job.exif;
    // rotate the stored pixels first (a separate pass, so the orientation tag set below is the only
    // orientation information in the file)
    const pixels = rotate ? await sharp(png).rotate(rotate).png().toBuffer() : png;
    jpeg = await sharp(pixels)
      .jpeg(JPEG)
      .withMetadata({ orientation })
      .withExif({
        IFD0: { Make: 'WenduCam', Model: 'Sample', Software: 'wendu make-sample-photos', DateTime: when },
        IFD2: { DateTimeOriginal: when },
        IFD3: { GPSLatitudeRef: lat[0], GPSLatitude: lat[1], GPSLongitudeRef: lon[0], GPSLongitude: lon[1] },
      })
      .toBuffer();
  } else {
    jpeg = await sharp(png).jpeg(JPEG).toBuffer();
  }
  await writeFile(dest, jpeg);
  if (preview) {
    const p = path.join(preview, job.file.replace(/\//g, '_').replace(/\.jpg$/, '.png'));
    await sharp(jpeg).rotate().png().toFile(p);
  }
  const meta = await sharp(jpeg).metadata();
  return { file: job.file, bytes: jpeg.length, w: meta.width, h: meta.height, orientation: meta.orientation };
}

// ---------------------------------------------------------------------------------------------
// avatars: friendly head-and-shoulders portraits

type HairStyle = 'side-part' | 'crop' | 'receding' | 'bob' | 'long' | 'wavy';

interface PortraitSpec {
  bg: [string, string];
  skin: string;
  skinShade: string;
  hair: string;
  hairShade: string;
  grey?: number; // 0..1 amount of grey streaking
  style: HairStyle;
  suit: string;
  suitShade: string;
  shirt: string;
  tie?: string;
  scarf?: string;
  necklace?: boolean;
  earrings?: boolean;
  glasses?: string;
  mature?: boolean; // gentle smile lines
  feminine?: boolean;
  lips?: string;
  smile?: 'open' | 'closed';
}

function portrait(p: PortraitSpec, seed: number): string {
  const W = 512;
  const cx = 256;
  const defs = [
    radU('bg', [[0, p.bg[0]], [1, p.bg[1]]], 256, 200, 420),
    lin('suit', [[0, p.suit], [1, p.suitShade]], 0, 0, 1, 1),
    lin('hairG', [[0, p.hair], [1, p.hairShade]], 0, 0, 0, 1),
    radU('face', [[0, p.skin], [0.75, p.skin], [1, p.skinShade]], cx, 215, 120),
    blur('soft', 6),
    blur('soft2', 18),
  ].join('');

  const r = rng(seed);
  // background: soft bokeh-like discs
  let bg = `<rect width="${W}" height="${W}" fill="url(#bg)"/>`;
  for (let i = 0; i < 7; i++) {
    const x = r() * W;
    const y = r() * 330;
    const rr = 30 + r() * 70;
    bg += `<circle cx="${f(x)}" cy="${f(y)}" r="${f(rr)}" fill="#fff" opacity="${f(0.08 + r() * 0.1)}"/>`;
  }
  bg += `<ellipse cx="${cx}" cy="505" rx="230" ry="40" fill="#000" opacity="0.08" filter="url(#soft2)"/>`;

  // long hair behind the shoulders
  let hairBack = '';
  if (p.style === 'long') {
    hairBack = `<path d="M168 220 C160 150 200 104 256 104 C312 104 352 150 344 220 C350 300 362 360 356 430 L156 430 C150 360 162 300 168 220 Z" fill="url(#hairG)"/>`;
  } else if (p.style === 'wavy') {
    hairBack = `<path d="M166 220 C158 150 200 102 256 102 C312 102 354 150 346 220 C356 270 372 300 360 340 C372 370 350 392 330 392 L182 392 C162 392 140 370 152 340 C140 300 156 270 166 220 Z" fill="url(#hairG)"/>`;
  } else if (p.style === 'bob') {
    hairBack = `<path d="M170 225 C162 150 204 108 256 108 C308 108 350 150 342 225 C346 265 348 300 336 330 C320 340 300 338 290 330 L222 330 C212 338 192 340 176 330 C164 300 166 265 170 225 Z" fill="url(#hairG)"/>`;
  }

  // shoulders and jacket
  const body = `
    <path d="M56 512 L62 458 C66 420 92 400 136 392 L196 380 C216 375 230 368 236 362 L276 362 C282 368 296 375 316 380 L376 392 C420 400 446 420 450 458 L456 512 Z" fill="url(#suit)"/>
    <path d="M232 362 L256 430 L280 362 Z" fill="${p.shirt}"/>
    ${
      p.tie
        ? `<path d="M248 380 L264 380 L268 394 L262 400 L270 470 L256 490 L242 470 L250 400 L244 394 Z" fill="${p.tie}"/>
           <path d="M248 380 L264 380 L268 394 L262 400 L250 400 L244 394 Z" fill="#000" opacity="0.12"/>`
        : ''
    }
    ${p.scarf ? `<path d="M230 364 C240 392 272 392 282 364 L292 372 C284 410 228 410 220 372 Z" fill="${p.scarf}"/><path d="M252 396 L262 396 L272 440 L256 446 L244 438 Z" fill="${p.scarf}"/><path d="M252 396 L262 396 L272 440 L256 446 L244 438 Z" fill="#000" opacity="0.1"/>` : ''}
    <path d="M236 362 C220 372 200 380 182 384 L214 440 L200 452 L256 512 L256 470 Z" fill="${p.suitShade}" opacity="0.55"/>
    <path d="M276 362 C292 372 312 380 330 384 L298 440 L312 452 L256 512 L256 470 Z" fill="${p.suitShade}" opacity="0.55"/>
    <path d="M236 362 L256 470 L214 440 L230 420 Z" fill="${p.suit}"/>
    <path d="M276 362 L256 470 L298 440 L282 420 Z" fill="${p.suit}"/>
    <path d="M236 362 L256 470" stroke="#000" stroke-opacity="0.12" stroke-width="2" fill="none"/>
    <path d="M276 362 L256 470" stroke="#000" stroke-opacity="0.12" stroke-width="2" fill="none"/>
    <circle cx="256" cy="492" r="5" fill="${p.suitShade}"/>
    ${p.necklace ? `<path d="M232 366 C238 404 274 404 280 366" stroke="#f4ead7" stroke-width="3" fill="none" stroke-dasharray="0.1 7" stroke-linecap="round"/><circle cx="256" cy="398" r="5" fill="#f8f0e0"/>` : ''}
    <path d="M128 470 C136 440 150 424 168 414" stroke="#000" stroke-opacity="0.10" stroke-width="4" fill="none" stroke-linecap="round"/>
    <path d="M384 470 C376 440 362 424 344 414" stroke="#000" stroke-opacity="0.10" stroke-width="4" fill="none" stroke-linecap="round"/>
  `;

  // neck
  const neck = `
    <path d="M226 290 L226 352 C236 372 276 372 286 352 L286 290 Z" fill="${p.skin}"/>
    <path d="M226 300 C240 330 272 330 286 300 L286 322 C272 342 240 342 226 322 Z" fill="${p.skinShade}" opacity="0.7"/>
  `;

  // head
  const headPath = 'M256 128 C306 128 336 168 336 222 C336 268 318 298 292 318 C276 330 236 330 220 318 C194 298 176 268 176 222 C176 168 206 128 256 128 Z';
  const head = `
    <ellipse cx="176" cy="238" rx="15" ry="22" fill="${p.skin}"/>
    <ellipse cx="178" cy="238" rx="7" ry="12" fill="${p.skinShade}" opacity="0.6"/>
    <ellipse cx="336" cy="238" rx="15" ry="22" fill="${p.skin}"/>
    <ellipse cx="334" cy="238" rx="7" ry="12" fill="${p.skinShade}" opacity="0.6"/>
    <path d="${headPath}" fill="url(#face)"/>
  `;

  const earrings = p.earrings ? `<circle cx="174" cy="266" r="5" fill="#f8f1e4"/><circle cx="338" cy="266" r="5" fill="#f8f1e4"/>` : '';

  // face
  const brow = p.hair === '#d9d4cc' ? p.hairShade : p.hairShade;
  const eyeY = 232;
  const lash = p.feminine
    ? `<path d="M210 ${eyeY - 9} C216 ${eyeY - 14} 228 ${eyeY - 14} 234 ${eyeY - 8}" stroke="#2b1d16" stroke-width="3" fill="none" stroke-linecap="round"/>
       <path d="M278 ${eyeY - 8} C284 ${eyeY - 14} 296 ${eyeY - 14} 302 ${eyeY - 9}" stroke="#2b1d16" stroke-width="3" fill="none" stroke-linecap="round"/>`
    : '';
  const face = `
    <path d="M204 ${eyeY - 26} C212 ${eyeY - 33} 230 ${eyeY - 33} 240 ${eyeY - 27}" stroke="${brow}" stroke-width="${p.feminine ? 5 : 7}" fill="none" stroke-linecap="round"/>
    <path d="M272 ${eyeY - 27} C282 ${eyeY - 33} 300 ${eyeY - 33} 308 ${eyeY - 26}" stroke="${brow}" stroke-width="${p.feminine ? 5 : 7}" fill="none" stroke-linecap="round"/>
    <ellipse cx="222" cy="${eyeY}" rx="9" ry="10" fill="#2b1d16"/>
    <ellipse cx="290" cy="${eyeY}" rx="9" ry="10" fill="#2b1d16"/>
    <circle cx="225" cy="${eyeY - 3}" r="3" fill="#fff"/>
    <circle cx="293" cy="${eyeY - 3}" r="3" fill="#fff"/>
    <path d="M211 ${eyeY + 11} C218 ${eyeY + 15} 228 ${eyeY + 15} 234 ${eyeY + 10}" stroke="${p.skinShade}" stroke-width="2.5" fill="none" stroke-linecap="round" opacity="0.8"/>
    <path d="M278 ${eyeY + 10} C284 ${eyeY + 15} 294 ${eyeY + 15} 301 ${eyeY + 11}" stroke="${p.skinShade}" stroke-width="2.5" fill="none" stroke-linecap="round" opacity="0.8"/>
    ${lash}
    ${
      p.mature
        ? `<path d="M197 ${eyeY - 4} l-8 -4 M197 ${eyeY + 2} l-9 2" stroke="${p.skinShade}" stroke-width="2.2" stroke-linecap="round"/>
           <path d="M315 ${eyeY - 4} l8 -4 M315 ${eyeY + 2} l9 2" stroke="${p.skinShade}" stroke-width="2.2" stroke-linecap="round"/>
           <path d="M226 270 C218 282 218 294 224 302" stroke="${p.skinShade}" stroke-width="2.5" fill="none" stroke-linecap="round" opacity="0.4"/>
           <path d="M286 270 C294 282 294 294 288 302" stroke="${p.skinShade}" stroke-width="2.5" fill="none" stroke-linecap="round" opacity="0.4"/>`
        : ''
    }
    <path d="M258 238 C262 252 266 262 260 268 C256 270 250 269 248 267" stroke="${p.skinShade}" stroke-width="4" fill="none" stroke-linecap="round"/>
    <ellipse cx="206" cy="272" rx="17" ry="10" fill="#f08a7a" opacity="0.28"/>
    <ellipse cx="306" cy="272" rx="17" ry="10" fill="#f08a7a" opacity="0.28"/>
    ${
      p.smile === 'closed'
        ? `<path d="M232 284 C242 296 270 296 280 284" stroke="#9a3d36" stroke-width="5" fill="none" stroke-linecap="round"/>
           <path d="M244 300 C252 303 260 303 268 300" stroke="${p.skinShade}" stroke-width="3" fill="none" stroke-linecap="round"/>`
        : `<path d="M234 283 C244 287 268 287 278 283 C276 298 266 306 256 306 C246 306 236 298 234 283 Z" fill="#8a2f2b"/>
           <path d="M237 284 C246 287.5 266 287.5 275 284 L274 290 C264 292.5 248 292.5 238 290 Z" fill="#fff"/>
           <path d="M246 301 C252 297.5 260 297.5 266 301 C262 305 250 305 246 301 Z" fill="#e0706a"/>
           ${p.lips ? `<path d="M234 283 C244 287 268 287 278 283 C276 298 266 306 256 306 C246 306 236 298 234 283 Z" fill="none" stroke="${p.lips}" stroke-width="2.5" stroke-linejoin="round"/>` : ''}`
    }
  `;

  // glasses
  const glasses = p.glasses
    ? `<g fill="none" stroke="${p.glasses}" stroke-width="4.5">
         <rect x="196" y="${eyeY - 20}" width="52" height="38" rx="14"/>
         <rect x="264" y="${eyeY - 20}" width="52" height="38" rx="14"/>
         <path d="M248 ${eyeY - 4} C252 ${eyeY - 9} 260 ${eyeY - 9} 264 ${eyeY - 4}"/>
         <path d="M196 ${eyeY - 6} L180 ${eyeY - 10}"/><path d="M316 ${eyeY - 6} L332 ${eyeY - 10}"/>
       </g>
       <path d="M204 ${eyeY - 12} l10 -4" stroke="#fff" stroke-width="3" opacity="0.6" stroke-linecap="round"/>
       <path d="M272 ${eyeY - 12} l10 -4" stroke="#fff" stroke-width="3" opacity="0.6" stroke-linecap="round"/>`
    : '';

  // front hair
  let hair = '';
  const streaks = (d: string[]): string =>
    p.grey
      ? d
          .flatMap((s) => [0, 5, -5].map((dx) => `<path d="${s}" transform="translate(${dx} ${Math.abs(dx) / 2})" stroke="#d9d5cf" stroke-width="2" fill="none" stroke-linecap="round" opacity="${f((p.grey ?? 0) * 0.55)}"/>`))
          .join('')
      : '';
  switch (p.style) {
    case 'side-part':
      hair = `<path d="M174 236 C162 160 200 108 260 108 C318 108 354 150 340 236 C336 214 332 196 322 180 C300 172 268 168 238 160 C222 170 206 176 196 190 C186 204 180 218 174 236 Z" fill="url(#hairG)"/>
        <path d="M238 160 C260 140 300 140 322 180 C300 160 270 156 238 160 Z" fill="#fff" opacity="0.12"/>
        <path d="M226 118 C214 132 206 150 200 176" stroke="#000" stroke-opacity="0.12" stroke-width="4" fill="none" stroke-linecap="round"/>
        ${streaks(['M262 118 C290 120 312 134 326 160', 'M250 124 C236 136 226 148 216 166'])}`;
      break;
    case 'crop':
      hair = `<path d="M176 228 C166 160 200 110 256 106 C292 102 330 118 340 160 C346 184 342 210 336 228 C332 206 326 190 316 180 C296 186 276 176 262 166 C246 178 220 182 200 178 C190 190 182 206 176 228 Z" fill="url(#hairG)"/>
        <path d="M206 130 C226 112 262 104 296 112 C270 116 240 124 222 140 Z" fill="#fff" opacity="0.14"/>
        <path d="M262 166 C270 150 286 140 304 140" stroke="#000" stroke-opacity="0.15" stroke-width="4" fill="none" stroke-linecap="round"/>`;
      break;
    case 'receding':
      hair = `<path d="M176 232 C170 176 196 130 246 122 C286 116 326 130 338 170 C344 192 342 214 336 232 C332 212 326 198 318 188 C310 162 290 150 258 150 C228 150 206 160 196 186 C186 198 180 214 176 232 Z" fill="url(#hairG)"/>
        <path d="M176 232 C176 214 180 200 186 190 L190 226 Z" fill="${p.hairShade}"/>
        <path d="M336 232 C336 214 332 200 326 190 L322 226 Z" fill="${p.hairShade}"/>
        ${streaks(['M210 146 C230 132 262 128 290 134', 'M186 196 C190 176 200 160 214 150', 'M326 196 C322 176 312 160 298 150'])}`;
      break;
    case 'bob':
      hair = `<path d="M170 250 C160 160 204 110 258 110 C314 110 352 156 342 250 C338 230 334 212 326 198 C300 196 270 182 250 160 C238 186 214 200 186 206 C180 220 174 234 170 250 Z" fill="url(#hairG)"/>
        <path d="M250 160 C262 132 300 128 324 170 C302 158 276 152 250 160 Z" fill="#fff" opacity="0.12"/>
        ${streaks(['M214 126 C196 140 184 160 178 188', 'M282 122 C306 132 322 148 332 172', 'M252 118 C236 140 230 156 226 180'])}`;
      break;
    case 'long':
      hair = `<path d="M172 240 C162 160 204 110 256 110 C308 110 350 160 340 240 C334 214 326 190 310 172 C292 160 272 150 256 140 C240 150 220 160 202 172 C186 190 178 214 172 240 Z" fill="url(#hairG)"/>
        <path d="M256 140 L256 118" stroke="#000" stroke-opacity="0.15" stroke-width="3"/>
        <path d="M166 250 C160 300 164 340 170 380 L190 372 C184 330 182 290 186 260 Z" fill="url(#hairG)"/>
        <path d="M346 250 C352 300 348 340 342 380 L322 372 C328 330 330 290 326 260 Z" fill="url(#hairG)"/>
        <path d="M226 124 C206 136 192 156 184 186" stroke="#fff" stroke-opacity="0.14" stroke-width="6" fill="none" stroke-linecap="round"/>`;
      break;
    case 'wavy':
      hair = `<path d="M170 246 C158 160 204 108 258 108 C316 108 356 158 342 246 C338 222 330 200 318 186 C296 190 274 176 262 156 C252 180 226 198 196 200 C184 214 176 230 170 246 Z" fill="url(#hairG)"/>
        <path d="M164 250 C150 290 170 310 158 340 C170 360 190 356 196 340 C186 320 190 290 182 262 Z" fill="url(#hairG)"/>
        <path d="M348 250 C362 290 342 310 354 340 C342 360 322 356 316 340 C326 320 322 290 330 262 Z" fill="url(#hairG)"/>
        <path d="M262 156 C278 130 310 132 326 172" stroke="#fff" stroke-opacity="0.16" stroke-width="6" fill="none" stroke-linecap="round"/>`;
      break;
  }

  const forehead = `<path d="M190 200 C210 186 300 186 322 200 L322 214 C300 200 210 200 190 214 Z" fill="${p.skinShade}" opacity="0.25"/>`;
  const up = (s: string): string => `<g transform="translate(0 12)">${s}</g>`;
  const figure = up(hairBack) + body + neck + up(head + forehead + earrings + face + hair + glasses);
  return svgDoc(W, W, defs, `${bg}<g transform="translate(256 512) scale(1.14) translate(-256 -512)">${figure}</g>`);
}

interface Persona {
  branch: BranchId;
  role: 'president' | 'manager';
  spec: PortraitSpec;
}

const PERSONAS: Persona[] = [
  {
    // 西湖支行长: woman, ~52, grey-streaked bob, glasses, navy suit, pearls
    branch: 'xihu',
    role: 'president',
    spec: {
      bg: ['#e3f1ea', '#a9d3c2'],
      skin: '#f6d3b8',
      skinShade: '#e2ad8f',
      hair: '#5d524d',
      hairShade: '#3b322e',
      grey: 0.7,
      style: 'bob',
      suit: '#2f4a6d',
      suitShade: '#1f3350',
      shirt: '#fbf7f0',
      necklace: true,
      earrings: true,
      glasses: '#7a4b36',
      mature: true,
      feminine: true,
      lips: '#b44b4b',
    },
  },
  {
    // 西湖理财经理: man, ~30, short side part, light grey suit, teal tie
    branch: 'xihu',
    role: 'manager',
    spec: {
      bg: ['#fdf0dc', '#f3c98f'],
      skin: '#f3cdb0',
      skinShade: '#dca68a',
      hair: '#2b2220',
      hairShade: '#161110',
      style: 'crop',
      suit: '#7d8794',
      suitShade: '#5f6874',
      shirt: '#ffffff',
      tie: '#2f8f83',
    },
  },
  {
    // 锦江支行长: man, ~53, receding greying hair, charcoal suit, red tie
    branch: 'jinjiang',
    role: 'president',
    spec: {
      bg: ['#fbe7d6', '#e9b48e'],
      skin: '#efc4a2',
      skinShade: '#d49b7b',
      hair: '#7a746f',
      hairShade: '#4d4844',
      grey: 0.85,
      style: 'receding',
      suit: '#3b3f46',
      suitShade: '#26292e',
      shirt: '#f7f9fb',
      tie: '#b8322f',
      mature: true,
    },
  },
  {
    // 锦江理财经理: woman, ~29, long hair, camel blazer, silk scarf
    branch: 'jinjiang',
    role: 'manager',
    spec: {
      bg: ['#e8f2dc', '#b9d59a'],
      skin: '#f8d9c2',
      skinShade: '#e6b096',
      hair: '#2e211c',
      hairShade: '#1a1210',
      style: 'long',
      suit: '#c79a6b',
      suitShade: '#a67b50',
      shirt: '#fffaf2',
      scarf: '#2f7d6d',
      earrings: true,
      feminine: true,
      lips: '#c0504d',
    },
  },
  {
    // 天河支行长: man, ~48, side part with a little grey, glasses, navy suit, blue tie
    branch: 'tianhe',
    role: 'president',
    spec: {
      bg: ['#e2ecf8', '#a9c2e4'],
      skin: '#e8b994',
      skinShade: '#c98f6c',
      hair: '#2a2322',
      hairShade: '#141010',
      grey: 0.45,
      style: 'side-part',
      suit: '#23395b',
      suitShade: '#172842',
      shirt: '#ffffff',
      tie: '#3f7fbf',
      glasses: '#2a2a2a',
      mature: true,
    },
  },
  {
    // 天河理财经理: woman, ~32, shoulder-length wavy hair, burgundy blazer
    branch: 'tianhe',
    role: 'manager',
    spec: {
      bg: ['#fde6e4', '#f2a9a3'],
      skin: '#f5d0b5',
      skinShade: '#e0a589',
      hair: '#5a3322',
      hairShade: '#3a1f14',
      style: 'wavy',
      suit: '#8e2f45',
      suitShade: '#6c2133',
      shirt: '#fff6f0',
      necklace: true,
      earrings: true,
      feminine: true,
      lips: '#c24848',
    },
  },
];

// ---------------------------------------------------------------------------------------------
// stylised people for scenes

interface Look {
  skin: string;
  hair: string;
  hairStyle: 'short' | 'bob' | 'long' | 'bun' | 'grey-short' | 'ponytail';
  top: string; // jacket / top colour
  inner: string; // shirt colour
  accent?: string; // tie or scarf
  glasses?: boolean;
  turn?: number; // -1..1, where the face looks
}

const shade = (hex: string, k: number): string => {
  // k < 0 darkens, k > 0 lightens
  const n = parseInt(hex.slice(1), 16);
  const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => Math.round(k < 0 ? c * (1 + k) : c + (255 - c) * k));
  return `#${ch.map((c) => Math.max(0, Math.min(255, c)).toString(16).padStart(2, '0')).join('')}`;
};

/** a point relative to (x, y) in units of s */
const P = (x: number, y: number, s: number) => (dx: number, dy: number): string => `${f(x + dx * s)} ${f(y + dy * s)}`;

function hairFront(x: number, y: number, s: number, l: Look): string {
  const p = P(x, y, s);
  const c = l.hair;
  switch (l.hairStyle) {
    case 'short':
    case 'grey-short':
      return `<path d="M${p(-0.9, 0.1)} C${p(-1, -0.8)} ${p(-0.5, -1.18)} ${p(0.05, -1.15)} C${p(0.6, -1.15)} ${p(1, -0.8)} ${p(0.9, 0.1)} C${p(0.82, -0.25)} ${p(0.7, -0.45)} ${p(0.5, -0.5)} C${p(0.1, -0.42)} ${p(-0.3, -0.55)} ${p(-0.55, -0.45)} C${p(-0.75, -0.35)} ${p(-0.85, -0.15)} ${p(-0.9, 0.1)} Z" fill="${c}"/>`;
    case 'bob':
      return `<path d="M${p(-0.98, 0.75)} C${p(-1.15, -0.6)} ${p(-0.6, -1.2)} ${p(0.02, -1.18)} C${p(0.65, -1.18)} ${p(1.15, -0.6)} ${p(0.98, 0.75)} C${p(0.85, 0.78)} ${p(0.78, 0.6)} ${p(0.8, 0.2)} C${p(0.78, -0.3)} ${p(0.4, -0.5)} ${p(0.05, -0.55)} C${p(-0.3, -0.35)} ${p(-0.6, -0.35)} ${p(-0.8, -0.1)} L${p(-0.8, 0.6)} C${p(-0.82, 0.75)} ${p(-0.9, 0.78)} ${p(-0.98, 0.75)} Z" fill="${c}"/>`;
    case 'long':
    case 'ponytail':
      return `<path d="M${p(-0.95, 0.3)} C${p(-1.1, -0.7)} ${p(-0.55, -1.2)} ${p(0, -1.18)} C${p(0.55, -1.2)} ${p(1.1, -0.7)} ${p(0.95, 0.3)} C${p(0.85, -0.2)} ${p(0.5, -0.5)} ${p(0, -0.62)} C${p(-0.5, -0.5)} ${p(-0.85, -0.2)} ${p(-0.95, 0.3)} Z" fill="${c}"/>`;
    case 'bun':
      return `<circle cx="${f(x)}" cy="${f(y - 1.2 * s)}" r="${f(0.42 * s)}" fill="${c}"/>
        <path d="M${p(-0.9, 0.15)} C${p(-1, -0.75)} ${p(-0.5, -1.15)} ${p(0, -1.14)} C${p(0.5, -1.15)} ${p(1, -0.75)} ${p(0.9, 0.15)} C${p(0.8, -0.3)} ${p(0.45, -0.52)} ${p(0, -0.55)} C${p(-0.45, -0.52)} ${p(-0.8, -0.3)} ${p(-0.9, 0.15)} Z" fill="${c}"/>`;
  }
}

function hairBack(x: number, y: number, s: number, l: Look): string {
  const p = P(x, y, s);
  if (l.hairStyle === 'long') {
    return `<path d="M${p(-0.95, -0.2)} C${p(-1.05, 0.6)} ${p(-1.05, 1.3)} ${p(-0.95, 1.9)} L${p(0.95, 1.9)} C${p(1.05, 1.3)} ${p(1.05, 0.6)} ${p(0.95, -0.2)} Z" fill="${l.hair}"/>`;
  }
  if (l.hairStyle === 'ponytail') {
    return `<path d="M${p(0.7, -0.6)} C${p(1.4, -0.6)} ${p(1.5, 0.5)} ${p(1.15, 1.2)} C${p(1.1, 0.6)} ${p(1, 0)} ${p(0.7, -0.2)} Z" fill="${l.hair}"/>`;
  }
  return '';
}

function faceFeatures(x: number, y: number, s: number, l: Look): string {
  const t = (l.turn ?? 0) * 0.18;
  const p = P(x + t * s, y, s);
  const eye = shade(l.hair, -0.3);
  return `
    <ellipse cx="${f(x + (t - 0.3) * s)}" cy="${f(y + 0.05 * s)}" rx="${f(0.085 * s)}" ry="${f(0.11 * s)}" fill="#2b1d16"/>
    <ellipse cx="${f(x + (t + 0.3) * s)}" cy="${f(y + 0.05 * s)}" rx="${f(0.085 * s)}" ry="${f(0.11 * s)}" fill="#2b1d16"/>
    <path d="M${p(-0.45, -0.2)} Q${p(-0.3, -0.3)} ${p(-0.16, -0.21)} M${p(0.16, -0.21)} Q${p(0.3, -0.3)} ${p(0.45, -0.2)}" stroke="${eye}" stroke-width="${f(0.07 * s)}" fill="none" stroke-linecap="round"/>
    <ellipse cx="${f(x + (t - 0.5) * s)}" cy="${f(y + 0.35 * s)}" rx="${f(0.16 * s)}" ry="${f(0.09 * s)}" fill="#f08a7a" opacity="0.35"/>
    <ellipse cx="${f(x + (t + 0.5) * s)}" cy="${f(y + 0.35 * s)}" rx="${f(0.16 * s)}" ry="${f(0.09 * s)}" fill="#f08a7a" opacity="0.35"/>
    <path d="M${p(-0.22, 0.42)} Q${p(0, 0.66)} ${p(0.22, 0.42)} Z" fill="#9a3a35"/>
    ${l.glasses ? `<g fill="none" stroke="#3a302c" stroke-width="${f(0.055 * s)}"><circle cx="${f(x + (t - 0.3) * s)}" cy="${f(y + 0.05 * s)}" r="${f(0.22 * s)}"/><circle cx="${f(x + (t + 0.3) * s)}" cy="${f(y + 0.05 * s)}" r="${f(0.22 * s)}"/><path d="M${p(-0.08, 0.02)} L${p(0.08, 0.02)}"/></g>` : ''}
  `;
}

/** torso shape (shoulders down to dy = bottom), jacket over a shirt V */
function torso(x: number, y: number, s: number, l: Look, bottom: number, width = 1.35): string {
  const p = P(x, y, s);
  const w = width;
  return `
    <path d="M${p(-w, bottom)} L${p(-w, 1.9)} C${p(-w, 1.45)} ${p(-w + 0.35, 1.3)} ${p(-0.45, 1.2)} L${p(0.45, 1.2)} C${p(w - 0.35, 1.3)} ${p(w, 1.45)} ${p(w, 1.9)} L${p(w, bottom)} Z" fill="${l.top}"/>
    <path d="M${p(-0.34, 1.19)} L${p(0, 1.85)} L${p(0.34, 1.19)} Z" fill="${l.inner}"/>
    ${l.accent ? `<path d="M${p(-0.07, 1.3)} L${p(0.07, 1.3)} L${p(0.1, 1.7)} L${p(0, 1.82)} L${p(-0.1, 1.7)} Z" fill="${l.accent}"/>` : ''}
    <path d="M${p(-0.34, 1.19)} L${p(0, 1.85)} M${p(0.34, 1.19)} L${p(0, 1.85)}" stroke="${shade(l.top, -0.25)}" stroke-width="${f(0.06 * s)}" fill="none"/>
  `;
}

function headFront(x: number, y: number, s: number, l: Look): string {
  const p = P(x, y, s);
  const skinShade = shade(l.skin, -0.12);
  return `
    <path d="M${p(-0.26, 0.6)} L${p(-0.26, 1.3)} L${p(0.26, 1.3)} L${p(0.26, 0.6)} Z" fill="${skinShade}"/>
    <ellipse cx="${f(x - 0.86 * s)}" cy="${f(y + 0.1 * s)}" rx="${f(0.15 * s)}" ry="${f(0.22 * s)}" fill="${l.skin}"/>
    <ellipse cx="${f(x + 0.86 * s)}" cy="${f(y + 0.1 * s)}" rx="${f(0.15 * s)}" ry="${f(0.22 * s)}" fill="${l.skin}"/>
    <ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(0.86 * s)}" ry="${f(s)}" fill="${l.skin}"/>
    ${faceFeatures(x, y, s, l)}
    ${hairFront(x, y, s, l)}
  `;
}

/** a person sitting behind the table, facing the viewer: draw before the table */
function seatedFront(x: number, y: number, s: number, l: Look, chair: string, bottom = 3.4): string {
  const p = P(x, y, s);
  return `
    <path d="M${p(-1.25, 3.4)} L${p(-1.25, 0.9)} C${p(-1.25, 0.3)} ${p(-0.9, 0.1)} ${p(0, 0.1)} C${p(0.9, 0.1)} ${p(1.25, 0.3)} ${p(1.25, 0.9)} L${p(1.25, 3.4)} Z" fill="${chair}"/>
    <path d="M${p(-1.25, 3.4)} L${p(-1.25, 0.9)} C${p(-1.25, 0.3)} ${p(-0.9, 0.1)} ${p(0, 0.1)} L${p(0, 3.4)} Z" fill="#fff" opacity="0.08"/>
    ${hairBack(x, y, s, l)}
    ${torso(x, y, s, l, bottom)}
    ${headFront(x, y, s, l)}
  `;
}

/** forearms and hands resting on the table top, for a seatedFront person; draw after the table */
function handsOnTable(x: number, ty: number, s: number, l: Look): string {
  const cuff = shade(l.top, -0.1);
  return `
    <rect x="${f(x - 0.75 * s)}" y="${f(ty - 0.16 * s)}" width="${f(0.42 * s)}" height="${f(0.3 * s)}" rx="${f(0.12 * s)}" fill="${cuff}"/>
    <rect x="${f(x + 0.33 * s)}" y="${f(ty - 0.16 * s)}" width="${f(0.42 * s)}" height="${f(0.3 * s)}" rx="${f(0.12 * s)}" fill="${cuff}"/>
    <ellipse cx="${f(x - 0.3 * s)}" cy="${f(ty)}" rx="${f(0.2 * s)}" ry="${f(0.14 * s)}" fill="${l.skin}"/>
    <ellipse cx="${f(x + 0.3 * s)}" cy="${f(ty)}" rx="${f(0.2 * s)}" ry="${f(0.14 * s)}" fill="${l.skin}"/>
  `;
}

/** a person in the foreground with their back to the viewer; draw after the table */
function seatedBack(x: number, y: number, s: number, l: Look, chair: string, H: number): string {
  const p = P(x, y, s);
  const bottom = (H - y) / s + 0.2;
  const hairShade = shade(l.hair, 0.12);
  let hair = `<ellipse cx="${f(x)}" cy="${f(y - 0.05 * s)}" rx="${f(0.9 * s)}" ry="${f(1.03 * s)}" fill="${l.hair}"/>`;
  if (l.hairStyle === 'long') hair += `<path d="M${p(-0.9, 0)} C${p(-0.95, 0.9)} ${p(-0.8, 1.6)} ${p(-0.6, 1.9)} L${p(0.6, 1.9)} C${p(0.8, 1.6)} ${p(0.95, 0.9)} ${p(0.9, 0)} Z" fill="${l.hair}"/>`;
  if (l.hairStyle === 'bun') hair += `<circle cx="${f(x)}" cy="${f(y - 0.2 * s)}" r="${f(0.42 * s)}" fill="${shade(l.hair, -0.15)}"/>`;
  if (l.hairStyle === 'ponytail') hair += `<path d="M${p(-0.2, 0.1)} C${p(-0.3, 0.7)} ${p(-0.1, 1.3)} ${p(0, 1.6)} C${p(0.15, 1.2)} ${p(0.3, 0.7)} ${p(0.2, 0.1)} Z" fill="${shade(l.hair, -0.1)}"/>`;
  if (l.hairStyle === 'short' || l.hairStyle === 'grey-short') hair += `<path d="M${p(-0.78, 0.45)} C${p(-0.6, 0.75)} ${p(0.6, 0.75)} ${p(0.78, 0.45)}" stroke="${shade(l.hair, -0.2)}" stroke-width="${f(0.08 * s)}" fill="none"/>`;
  return `
    <path d="M${p(-1.45, bottom)} L${p(-1.45, 1.9)} C${p(-1.45, 1.4)} ${p(-1, 1.15)} ${p(-0.4, 1.1)} L${p(0.4, 1.1)} C${p(1, 1.15)} ${p(1.45, 1.4)} ${p(1.45, 1.9)} L${p(1.45, bottom)} Z" fill="${l.top}"/>
    <path d="M${p(-0.3, 1.12)} C${p(-0.1, 1.3)} ${p(0.1, 1.3)} ${p(0.3, 1.12)}" stroke="${shade(l.top, -0.25)}" stroke-width="${f(0.06 * s)}" fill="none"/>
    <path d="M${p(-0.3, 0.6)} L${p(-0.3, 1.15)} L${p(0.3, 1.15)} L${p(0.3, 0.6)} Z" fill="${shade(l.skin, -0.1)}"/>
    <ellipse cx="${f(x - 0.9 * s)}" cy="${f(y + 0.15 * s)}" rx="${f(0.14 * s)}" ry="${f(0.22 * s)}" fill="${shade(l.skin, -0.05)}"/>
    <ellipse cx="${f(x + 0.9 * s)}" cy="${f(y + 0.15 * s)}" rx="${f(0.14 * s)}" ry="${f(0.22 * s)}" fill="${shade(l.skin, -0.05)}"/>
    ${hair}
    <path d="M${p(-0.5, -0.7)} C${p(-0.2, -0.95)} ${p(0.2, -0.95)} ${p(0.45, -0.8)}" stroke="${hairShade}" stroke-width="${f(0.1 * s)}" fill="none" stroke-linecap="round" opacity="0.7"/>
    <path d="M${p(-1.3, bottom)} L${p(-1.3, 2.3)} C${p(-1.3, 1.95)} ${p(-1.1, 1.85)} ${p(-0.8, 1.85)} L${p(0.8, 1.85)} C${p(1.1, 1.85)} ${p(1.3, 1.95)} ${p(1.3, 2.3)} L${p(1.3, bottom)} Z" fill="${chair}"/>
    <path d="M${p(-1.3, 2.3)} C${p(-1.3, 1.95)} ${p(-1.1, 1.85)} ${p(-0.8, 1.85)} L${p(0.8, 1.85)}" stroke="#fff" stroke-opacity="0.25" stroke-width="${f(0.06 * s)}" fill="none"/>
  `;
}

/** a standing presenter, pointing towards dir (-1 = left) */
function presenter(x: number, feet: number, s: number, l: Look, dir: -1 | 1, trousers: string): string {
  const y = feet - 7.2 * s; // head centre
  const p = P(x, y, s);
  const d = dir;
  const skinShade = shade(l.skin, -0.12);
  return `
    <ellipse cx="${f(x)}" cy="${f(feet + 0.1 * s)}" rx="${f(1.4 * s)}" ry="${f(0.25 * s)}" fill="#000" opacity="0.12"/>
    <path d="M${p(-0.62, 4.2)} L${p(-0.55, 7.0)} L${p(-0.1, 7.0)} L${p(0, 4.6)} L${p(0.1, 7.0)} L${p(0.55, 7.0)} L${p(0.62, 4.2)} Z" fill="${trousers}"/>
    <path d="M${p(-0.6, 7.0)} L${p(-0.05, 7.0)} L${p(-0.05, 7.2)} L${p(-0.75, 7.2)} C${p(-0.8, 7.1)} ${p(-0.7, 7.0)} ${p(-0.6, 7.0)} Z" fill="#2a2424"/>
    <path d="M${p(0.6, 7.0)} L${p(0.05, 7.0)} L${p(0.05, 7.2)} L${p(0.75, 7.2)} C${p(0.8, 7.1)} ${p(0.7, 7.0)} ${p(0.6, 7.0)} Z" fill="#2a2424"/>
    ${hairBack(x, y, s, l)}
    <path d="M${p(-1.05, 4.5)} L${p(-1.1, 1.9)} C${p(-1.1, 1.45)} ${p(-0.8, 1.3)} ${p(-0.4, 1.2)} L${p(0.4, 1.2)} C${p(0.8, 1.3)} ${p(1.1, 1.45)} ${p(1.1, 1.9)} L${p(1.05, 4.5)} Z" fill="${l.top}"/>
    <path d="M${p(-0.3, 1.19)} L${p(0, 2.2)} L${p(0.3, 1.19)} Z" fill="${l.inner}"/>
    ${l.accent ? `<path d="M${p(-0.07, 1.3)} L${p(0.07, 1.3)} L${p(0.1, 1.95)} L${p(0, 2.1)} L${p(-0.1, 1.95)} Z" fill="${l.accent}"/>` : ''}
    <path d="M${p(-0.3, 1.19)} L${p(0, 2.6)} L${p(0.3, 1.19)}" stroke="${shade(l.top, -0.25)}" stroke-width="${f(0.06 * s)}" fill="none"/>
    <path d="M${p(-d * 1.0, 1.5)} C${p(-d * 1.25, 2.4)} ${p(-d * 1.2, 3.2)} ${p(-d * 0.75, 3.6)} L${p(-d * 0.55, 3.3)} C${p(-d * 0.8, 2.9)} ${p(-d * 0.8, 2.3)} ${p(-d * 0.75, 1.8)} Z" fill="${shade(l.top, -0.1)}"/>
    <rect x="${f(x - d * 0.9 * s - 0.45 * s)}" y="${f(y + 3.05 * s)}" width="${f(0.9 * s)}" height="${f(1.2 * s)}" rx="${f(0.08 * s)}" fill="#3b3f4a" transform="rotate(${-d * 12} ${f(x - d * 0.9 * s)} ${f(y + 3.6 * s)})"/>
    <path d="M${p(d * 0.8, 1.55)} L${p(d * 1.45, 2.35)} L${p(d * 2.25, 1.2)}" stroke="${l.top}" stroke-width="${f(0.42 * s)}" stroke-linecap="round" stroke-linejoin="round" fill="none"/>
    <rect x="${f(x + d * 2.25 * s - 0.15 * s)}" y="${f(y + 1.0 * s)}" width="${f(0.3 * s)}" height="${f(0.16 * s)}" fill="${l.inner}" transform="rotate(${d * 35} ${f(x + d * 2.25 * s)} ${f(y + 1.1 * s)})"/>
    <ellipse cx="${f(x + d * 2.42 * s)}" cy="${f(y + 0.92 * s)}" rx="${f(0.17 * s)}" ry="${f(0.2 * s)}" fill="${l.skin}"/>
    <path d="M${p(d * 2.5, 0.8)} L${p(d * 2.75, 0.45)}" stroke="${l.skin}" stroke-width="${f(0.11 * s)}" stroke-linecap="round"/>
    <path d="M${p(-0.26, 0.6)} L${p(-0.26, 1.3)} L${p(0.26, 1.3)} L${p(0.26, 0.6)} Z" fill="${skinShade}"/>
    ${headFront(x, y, s, l)}
  `;
}

// ---------------------------------------------------------------------------------------------
// the morning meeting scene

interface Layout {
  W: number;
  H: number;
  floorY: number;
  win: { x: number; y: number; w: number; h: number; cols: number; transom: number };
  screen: { x: number; y: number; w: number; h: number };
  lamps: number[];
  table: { cx: number; cy: number; rx: number; ry: number };
  rear: { x: number; y: number; s: number }[];
  front: { x: number; y: number; s: number }[];
  presenter: { x: number; feet: number; s: number; dir: -1 | 1 };
  plant: { x: number; y: number; s: number };
  clock: { x: number; y: number; r: number };
  cabinet: { x: number; w: number; h: number };
}

const LANDSCAPE: Layout = {
  W: 1600,
  H: 1200,
  floorY: 790,
  win: { x: 100, y: 70, w: 780, h: 590, cols: 3, transom: 0.3 },
  screen: { x: 990, y: 170, w: 400, h: 250 },
  lamps: [640, 1000],
  table: { cx: 780, cy: 905, rx: 560, ry: 118 },
  rear: [
    { x: 500, y: 640, s: 48 },
    { x: 790, y: 630, s: 48 },
    { x: 1080, y: 640, s: 48 },
  ],
  front: [
    { x: 560, y: 1040, s: 62 },
    { x: 1010, y: 1050, s: 62 },
  ],
  presenter: { x: 1470, feet: 1040, s: 46, dir: -1 },
  plant: { x: 60, y: 830, s: 1 },
  clock: { x: 1490, y: 150, r: 58 },
  cabinet: { x: 1000, w: 440, h: 150 },
};

const PORTRAIT: Layout = {
  W: 1200,
  H: 1600,
  floorY: 1060,
  win: { x: 80, y: 80, w: 620, h: 880, cols: 2, transom: 0.22 },
  screen: { x: 770, y: 330, w: 370, h: 235 },
  lamps: [420, 780],
  table: { cx: 560, cy: 1230, rx: 440, ry: 105 },
  rear: [
    { x: 340, y: 985, s: 42 },
    { x: 570, y: 972, s: 42 },
    { x: 800, y: 985, s: 42 },
  ],
  front: [
    { x: 380, y: 1400, s: 62 },
    { x: 800, y: 1415, s: 62 },
  ],
  presenter: { x: 1085, feet: 1320, s: 40, dir: -1 },
  plant: { x: 40, y: 1120, s: 1 },
  clock: { x: 950, y: 150, r: 56 },
  cabinet: { x: 760, w: 440, h: 170 },
};

interface Theme {
  wall: [string, string];
  floor: [string, string];
  frame: string;
  table: string;
  tableEdge: string;
  chair: string;
  accent: string;
  accent2: string;
  screenBg: string;
  light: string; // sunlight tint
  people: Look[]; // 3 rear, 2 front, 1 presenter
  trousers: string;
}

// window views ------------------------------------------------------------------------------

function ridge(r: () => number, x0: number, x1: number, base: number, amp: number, steps: number): string {
  let d = `M${f(x0)} ${f(base + amp)}`;
  const pts: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const x = x0 + ((x1 - x0) * i) / steps;
    pts.push([x, base - amp * (0.3 + 0.7 * r())]);
  }
  d += ` L${f(pts[0]![0])} ${f(pts[0]![1])}`;
  for (let i = 1; i < pts.length; i++) {
    const [px, py] = pts[i - 1]!;
    const [x, y] = pts[i]!;
    const mx = (px + x) / 2;
    d += ` C${f(mx)} ${f(py)} ${f(mx)} ${f(y)} ${f(x)} ${f(y)}`;
  }
  d += ` L${f(x1)} ${f(base + amp * 4)} L${f(x0)} ${f(base + amp * 4)} Z`;
  return d;
}

function pagoda(x: number, base: number, h: number, color: string): string {
  // Leifeng-style: five tiers with flared eaves and a spire
  let out = '';
  const tiers = 5;
  const tierH = (h * 0.78) / tiers;
  for (let i = 0; i < tiers; i++) {
    const w = h * (0.32 - i * 0.035);
    const yb = base - i * tierH;
    out += `<rect x="${f(x - w * 0.38)}" y="${f(yb - tierH)}" width="${f(w * 0.76)}" height="${f(tierH)}" fill="${color}"/>`;
    out += `<path d="M${f(x - w * 0.62)} ${f(yb - tierH * 0.92)} Q${f(x)} ${f(yb - tierH * 1.25)} ${f(x + w * 0.62)} ${f(yb - tierH * 0.92)} L${f(x + w * 0.5)} ${f(yb - tierH * 0.78)} L${f(x - w * 0.5)} ${f(yb - tierH * 0.78)} Z" fill="${color}"/>`;
  }
  const top = base - tiers * tierH;
  out += `<path d="M${f(x - h * 0.03)} ${f(top)} L${f(x)} ${f(top - h * 0.22)} L${f(x + h * 0.03)} ${f(top)} Z" fill="${color}"/>`;
  return out;
}

function willow(x: number, y: number, len: number, n: number, seed: number, color: string, lean = 1): string {
  const r = rng(seed);
  let out = '';
  for (let i = 0; i < n; i++) {
    const sx = x + (r() - 0.5) * len * 0.9;
    const l = len * (0.5 + r() * 0.6);
    const bend = (r() - 0.3) * 40 * lean;
    out += `<path d="M${f(sx)} ${f(y)} C${f(sx + bend)} ${f(y + l * 0.4)} ${f(sx + bend * 1.2)} ${f(y + l * 0.7)} ${f(sx + bend * 0.9)} ${f(y + l)}" stroke="${color}" stroke-width="${f(5 + r() * 3)}" stroke-dasharray="9 5" stroke-linecap="round" fill="none" opacity="${f(0.75 + r() * 0.25)}"/>`;
  }
  return out;
}

function viewXihu(x: number, y: number, w: number, h: number): { defs: string; body: string } {
  const r = rng(7);
  const hz = y + h * 0.58; // horizon
  const defs = [
    linU('xhSky', [[0, '#a9d4ea'], [0.55, '#dcecef'], [1, '#fde3c4']], 0, y, 0, hz),
    linU('xhLake', [[0, '#cfe6e3'], [1, '#8fc3c0']], 0, hz, 0, y + h),
    radU('xhSun', [[0, '#fff6df', 1], [0.3, '#ffe9c2', 0.7], [1, '#ffe9c2', 0]], x + w * 0.22, hz - h * 0.12, h * 0.45),
  ].join('');
  let body = `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="url(#xhSky)"/>`;
  body += `<circle cx="${f(x + w * 0.22)}" cy="${f(hz - h * 0.12)}" r="${f(h * 0.45)}" fill="url(#xhSun)"/>`;
  body += `<circle cx="${f(x + w * 0.22)}" cy="${f(hz - h * 0.12)}" r="${f(h * 0.045)}" fill="#fffaf0"/>`;
  // clouds
  body += `<g fill="#fff" opacity="0.55"><ellipse cx="${f(x + w * 0.65)}" cy="${f(y + h * 0.16)}" rx="${f(w * 0.12)}" ry="${f(h * 0.025)}"/><ellipse cx="${f(x + w * 0.7)}" cy="${f(y + h * 0.14)}" rx="${f(w * 0.06)}" ry="${f(h * 0.03)}"/><ellipse cx="${f(x + w * 0.35)}" cy="${f(y + h * 0.22)}" rx="${f(w * 0.09)}" ry="${f(h * 0.018)}"/></g>`;
  body += `<path d="${ridge(r, x - 20, x + w + 20, hz - h * 0.1, h * 0.08, 6)}" fill="#b9d3d2" opacity="0.8"/>`;
  body += `<path d="${ridge(r, x - 20, x + w + 20, hz - h * 0.04, h * 0.07, 8)}" fill="#98bfb7" opacity="0.9"/>`;
  // pagoda on the near hill
  const px = x + w * 0.72;
  body += `<path d="M${f(px - w * 0.2)} ${f(hz)} C${f(px - w * 0.1)} ${f(hz - h * 0.09)} ${f(px + w * 0.1)} ${f(hz - h * 0.09)} ${f(px + w * 0.2)} ${f(hz)} Z" fill="#7fae9f"/>`;
  body += pagoda(px, hz - h * 0.075, h * 0.2, '#6e8a86');
  body += `<path d="${ridge(r, x - 20, x + w + 20, hz, h * 0.02, 10)}" fill="#7fae9f"/>`;
  // lake
  body += `<rect x="${x}" y="${f(hz)}" width="${w}" height="${f(y + h - hz)}" fill="url(#xhLake)"/>`;
  for (let i = 0; i < 26; i++) {
    const sx = x + r() * w;
    const sy = hz + 8 + r() * (y + h - hz - 16);
    body += `<rect x="${f(sx)}" y="${f(sy)}" width="${f(20 + r() * 60)}" height="2.5" rx="1.2" fill="#fff" opacity="${f(0.35 + r() * 0.4)}"/>`;
  }
  // broken bridge arch and a little boat
  const bx = x + w * 0.32;
  const by = hz + h * 0.07;
  body += `<path d="M${f(bx - w * 0.16)} ${f(by)} Q${f(bx)} ${f(by - h * 0.06)} ${f(bx + w * 0.16)} ${f(by)} L${f(bx + w * 0.16)} ${f(by + 6)} L${f(bx + w * 0.05)} ${f(by + 6)} Q${f(bx)} ${f(by - h * 0.025)} ${f(bx - w * 0.05)} ${f(by + 6)} L${f(bx - w * 0.16)} ${f(by + 6)} Z" fill="#eef2ec"/>`;
  body += `<path d="M${f(bx - w * 0.05)} ${f(by + 6)} Q${f(bx)} ${f(by + h * 0.03)} ${f(bx + w * 0.05)} ${f(by + 6)}" stroke="#fff" stroke-width="2" opacity="0.5" fill="none"/>`;
  const boatX = x + w * 0.58;
  const boatY = hz + h * 0.22;
  body += `<path d="M${f(boatX - 40)} ${f(boatY)} Q${f(boatX)} ${f(boatY + 16)} ${f(boatX + 40)} ${f(boatY)} Z" fill="#5f5048"/><path d="M${f(boatX - 16)} ${f(boatY)} Q${f(boatX - 2)} ${f(boatY - 20)} ${f(boatX + 14)} ${f(boatY)} Z" fill="#3f3a37"/>`;
  // willows framing the top
  body += willow(x + w * 0.82, y - 10, h * 0.5, 22, 11, '#6aa35a');
  body += willow(x + w * 0.1, y - 10, h * 0.35, 12, 12, '#7db567', -1);
  body += `<path d="M${f(x + w * 0.55)} ${f(y - 4)} C${f(x + w * 0.75)} ${f(y + 20)} ${f(x + w)} ${f(y + 10)} ${f(x + w + 10)} ${f(y + 30)}" stroke="#5a4a3a" stroke-width="10" fill="none"/>`;
  return { defs, body };
}

function bamboo(x: number, base: number, h: number, w: number, seed: number, color: string): string {
  const r = rng(seed);
  let out = `<rect x="${f(x - w / 2)}" y="${f(base - h)}" width="${f(w)}" height="${f(h)}" rx="${f(w / 2)}" fill="${color}"/>`;
  out += `<rect x="${f(x - w / 2 + w * 0.15)}" y="${f(base - h)}" width="${f(w * 0.2)}" height="${f(h)}" fill="#fff" opacity="0.18"/>`;
  const seg = 60 + r() * 30;
  for (let yy = base - seg; yy > base - h + 10; yy -= seg) {
    out += `<rect x="${f(x - w / 2 - 1)}" y="${f(yy)}" width="${f(w + 2)}" height="4" rx="2" fill="${shade(color, -0.25)}"/>`;
    if (r() < 0.45) {
      const dir = r() < 0.5 ? -1 : 1;
      const lx = x + (dir * w) / 2;
      for (let k = 0; k < 3; k++) {
        const ang = dir * (20 + k * 22 + r() * 10);
        out += `<ellipse cx="${f(lx + dir * 26)}" cy="${f(yy)}" rx="28" ry="6" fill="${shade(color, 0.08 * k - 0.05)}" transform="rotate(${f(ang)} ${f(lx)} ${f(yy)})"/>`;
      }
    }
  }
  return out;
}

function viewJinjiang(x: number, y: number, w: number, h: number): { defs: string; body: string } {
  const r = rng(21);
  const hz = y + h * 0.62;
  const defs = [
    linU('jjSky', [[0, '#bfe0ec'], [0.6, '#eef1e4'], [1, '#fbe6c8']], 0, y, 0, hz),
    radU('jjSun', [[0, '#fff8e6', 1], [1, '#fff1d0', 0]], x + w * 0.7, y + h * 0.25, h * 0.4),
    linU('jjGround', [[0, '#a9cf8c'], [1, '#7fb06a']], 0, hz, 0, y + h),
  ].join('');
  let body = `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="url(#jjSky)"/>`;
  body += `<circle cx="${f(x + w * 0.7)}" cy="${f(y + h * 0.25)}" r="${f(h * 0.4)}" fill="url(#jjSun)"/>`;
  body += `<path d="${ridge(r, x - 20, x + w + 20, hz - h * 0.12, h * 0.09, 5)}" fill="#c9dbd5" opacity="0.85"/>`;
  body += `<path d="${ridge(r, x - 20, x + w + 20, hz - h * 0.05, h * 0.06, 7)}" fill="#a9c9b2"/>`;
  body += `<rect x="${x}" y="${f(hz)}" width="${w}" height="${f(y + h - hz)}" fill="url(#jjGround)"/>`;
  // teahouse pavilion, centred
  const tx = x + w * 0.5;
  const ty = hz + h * 0.04; // floor line
  const tw = w * 0.3;
  body += `<rect x="${f(tx - tw * 0.55)}" y="${f(ty)}" width="${f(tw * 1.1)}" height="${f(h * 0.04)}" fill="#c9b79c"/>`;
  for (const k of [-0.4, -0.13, 0.13, 0.4]) body += `<rect x="${f(tx + k * tw - 5)}" y="${f(ty - h * 0.13)}" width="10" height="${f(h * 0.13)}" fill="#a8463a"/>`;
  body += `<rect x="${f(tx - tw * 0.45)}" y="${f(ty - h * 0.045)}" width="${f(tw * 0.9)}" height="8" fill="#8a3a30"/>`;
  body += `<path d="M${f(tx - tw * 0.72)} ${f(ty - h * 0.11)} Q${f(tx - tw * 0.5)} ${f(ty - h * 0.13)} ${f(tx - tw * 0.32)} ${f(ty - h * 0.2)} L${f(tx + tw * 0.32)} ${f(ty - h * 0.2)} Q${f(tx + tw * 0.5)} ${f(ty - h * 0.13)} ${f(tx + tw * 0.72)} ${f(ty - h * 0.11)} Q${f(tx + tw * 0.5)} ${f(ty - h * 0.125)} ${f(tx + tw * 0.42)} ${f(ty - h * 0.125)} L${f(tx - tw * 0.42)} ${f(ty - h * 0.125)} Q${f(tx - tw * 0.5)} ${f(ty - h * 0.125)} ${f(tx - tw * 0.72)} ${f(ty - h * 0.11)} Z" fill="#4f4a4a"/>`;
  body += `<path d="M${f(tx - tw * 0.22)} ${f(ty - h * 0.2)} Q${f(tx)} ${f(ty - h * 0.26)} ${f(tx + tw * 0.22)} ${f(ty - h * 0.2)} Z" fill="#5d5757"/>`;
  // red lanterns
  for (const k of [-0.3, 0.3]) {
    const lx = tx + k * tw;
    const ly = ty - h * 0.095;
    body += `<path d="M${f(lx)} ${f(ty - h * 0.125)} L${f(lx)} ${f(ly - 10)}" stroke="#5a3a30" stroke-width="2"/><ellipse cx="${f(lx)}" cy="${f(ly)}" rx="11" ry="13" fill="#e0503c"/><rect x="${f(lx - 5)}" y="${f(ly + 12)}" width="10" height="4" fill="#f2c14e"/>`;
  }
  // shrubs
  for (let i = 0; i < 9; i++) {
    const sx = x + r() * w;
    body += `<ellipse cx="${f(sx)}" cy="${f(ty + h * 0.06 + r() * h * 0.1)}" rx="${f(30 + r() * 40)}" ry="${f(18 + r() * 14)}" fill="${r() < 0.5 ? '#6f9f5c' : '#88b870'}"/>`;
  }
  // bamboo grove on both sides
  const greens = ['#5f9a4f', '#78b05f', '#4f8a44', '#8fbf6c'];
  for (let i = 0; i < 7; i++) {
    const bx = x + (i < 4 ? r() * w * 0.22 : w * 0.78 + r() * w * 0.22);
    body += bamboo(bx, y + h + 10, h * (0.9 + r() * 0.3), 14 + r() * 8, 30 + i, greens[i % 4]!);
  }
  return { defs, body };
}

function cantonTower(x: number, base: number, h: number, color: string, light: string): string {
  // hyperboloid with a narrow waist at ~62% height, lattice, mast
  const bw = h * 0.085;
  const waistY = base - h * 0.62;
  const ww = h * 0.032;
  const topY = base - h * 0.8;
  const tw = h * 0.048;
  const body = `M${f(x - bw)} ${f(base)} C${f(x - bw * 0.7)} ${f(base - h * 0.3)} ${f(x - ww)} ${f(waistY + h * 0.1)} ${f(x - ww)} ${f(waistY)} C${f(x - ww)} ${f(waistY - h * 0.08)} ${f(x - tw)} ${f(topY + h * 0.05)} ${f(x - tw)} ${f(topY)} L${f(x + tw)} ${f(topY)} C${f(x + tw)} ${f(topY + h * 0.05)} ${f(x + ww)} ${f(waistY - h * 0.08)} ${f(x + ww)} ${f(waistY)} C${f(x + ww)} ${f(waistY + h * 0.1)} ${f(x + bw * 0.7)} ${f(base - h * 0.3)} ${f(x + bw)} ${f(base)} Z`;
  let out = `<path d="${body}" fill="${color}"/>`;
  // lattice: diagonal lines clipped to the body
  out += `<clipPath id="ctClip"><path d="${body}"/></clipPath><g clip-path="url(#ctClip)" stroke="${light}" stroke-width="1.6" opacity="0.55">`;
  for (let i = -12; i <= 12; i++) {
    const ox = x + i * h * 0.018;
    out += `<path d="M${f(ox - h * 0.25)} ${f(base)} L${f(ox + h * 0.25)} ${f(topY)}"/><path d="M${f(ox + h * 0.25)} ${f(base)} L${f(ox - h * 0.25)} ${f(topY)}"/>`;
  }
  for (let yy = base - 14; yy > topY; yy -= h * 0.04) out += `<path d="M${f(x - bw)} ${f(yy)} L${f(x + bw)} ${f(yy)}"/>`;
  out += `</g>`;
  out += `<rect x="${f(x - tw)}" y="${f(topY - 6)}" width="${f(tw * 2)}" height="8" rx="3" fill="${shade(color, -0.1)}"/>`;
  out += `<path d="M${f(x - 4)} ${f(topY - 4)} L${f(x)} ${f(base - h)} L${f(x + 4)} ${f(topY - 4)} Z" fill="${color}"/>`;
  return out;
}

function tower(x: number, base: number, w: number, h: number, color: string, crown: 'flat' | 'diamond' | 'step' | 'slant', windows = true): string {
  let out = '';
  const top = base - h;
  if (crown === 'diamond') out += `<path d="M${f(x)} ${f(top)} L${f(x + w)} ${f(top)} L${f(x + w / 2)} ${f(top - w * 0.6)} Z" fill="${color}"/>`;
  if (crown === 'step') out += `<rect x="${f(x + w * 0.15)}" y="${f(top - w * 0.25)}" width="${f(w * 0.7)}" height="${f(w * 0.25)}" fill="${color}"/><rect x="${f(x + w * 0.35)}" y="${f(top - w * 0.55)}" width="${f(w * 0.3)}" height="${f(w * 0.3)}" fill="${color}"/><rect x="${f(x + w * 0.48)}" y="${f(top - w * 1.1)}" width="${f(w * 0.04)}" height="${f(w * 0.6)}" fill="${color}"/>`;
  if (crown === 'slant') out += `<path d="M${f(x)} ${f(top)} L${f(x + w)} ${f(top - w * 0.45)} L${f(x + w)} ${f(top)} Z" fill="${color}"/>`;
  out += `<rect x="${f(x)}" y="${f(top)}" width="${f(w)}" height="${f(h)}" fill="${color}"/>`;
  out += `<rect x="${f(x)}" y="${f(top)}" width="${f(w * 0.35)}" height="${f(h)}" fill="#fff" opacity="0.12"/>`;
  if (windows) {
    for (let yy = top + 12; yy < base - 6; yy += 14) out += `<rect x="${f(x + 4)}" y="${f(yy)}" width="${f(w - 8)}" height="2" fill="#fff" opacity="0.22"/>`;
  }
  return out;
}

function viewTianhe(x: number, y: number, w: number, h: number): { defs: string; body: string } {
  const r = rng(33);
  const hz = y + h * 0.74;
  const defs = [
    linU('thSky', [[0, '#8fc0e6'], [0.45, '#cfe0ee'], [0.8, '#f9dcc8'], [1, '#ffe7c4']], 0, y, 0, hz),
    linU('thRiver', [[0, '#bcd6e0'], [1, '#7fa8be']], 0, hz, 0, y + h),
    radU('thSun', [[0, '#fff4dc', 1], [1, '#ffe2c0', 0]], x + w * 0.25, hz - h * 0.08, h * 0.35),
  ].join('');
  let body = `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="url(#thSky)"/>`;
  body += `<circle cx="${f(x + w * 0.25)}" cy="${f(hz - h * 0.08)}" r="${f(h * 0.35)}" fill="url(#thSun)"/>`;
  body += `<circle cx="${f(x + w * 0.25)}" cy="${f(hz - h * 0.08)}" r="${f(h * 0.03)}" fill="#fffaf0"/>`;
  body += `<g fill="#fff" opacity="0.5"><ellipse cx="${f(x + w * 0.3)}" cy="${f(y + h * 0.15)}" rx="${f(w * 0.18)}" ry="${f(h * 0.015)}"/><ellipse cx="${f(x + w * 0.75)}" cy="${f(y + h * 0.3)}" rx="${f(w * 0.14)}" ry="${f(h * 0.012)}"/></g>`;
  // far skyline
  let fx = x - 20;
  while (fx < x + w) {
    const tw = 30 + r() * 40;
    body += tower(fx, hz, tw, h * (0.06 + r() * 0.12), '#b9c7d6', 'flat', false);
    fx += tw + 4;
  }
  // Canton Tower across the river, left third
  body += cantonTower(x + w * 0.3, hz + 4, h * 0.62, '#9b8fa6', '#efe3ef');
  // CBD towers on the right
  body += tower(x + w * 0.55, hz, w * 0.1, h * 0.42, '#8fa6bd', 'diamond');
  body += tower(x + w * 0.67, hz, w * 0.09, h * 0.3, '#a7b6c7', 'flat');
  body += tower(x + w * 0.76, hz, w * 0.11, h * 0.5, '#7f98b1', 'step');
  body += tower(x + w * 0.9, hz, w * 0.1, h * 0.26, '#a0b3c6', 'slant');
  body += tower(x + w * 0.45, hz, w * 0.08, h * 0.2, '#b3c1d0', 'flat');
  // river
  body += `<rect x="${x}" y="${f(hz)}" width="${w}" height="${f(y + h - hz)}" fill="url(#thRiver)"/>`;
  for (let i = 0; i < 18; i++) {
    const sx = x + r() * w;
    const sy = hz + 6 + r() * (y + h - hz - 12);
    body += `<rect x="${f(sx)}" y="${f(sy)}" width="${f(20 + r() * 50)}" height="2.5" rx="1.2" fill="#fff" opacity="${f(0.3 + r() * 0.4)}"/>`;
  }
  // kapok branch with red flowers, top right
  const kx = x + w;
  const ky = y + h * 0.08;
  body += `<path d="M${f(kx + 10)} ${f(ky - 20)} C${f(kx - w * 0.15)} ${f(ky + 10)} ${f(kx - w * 0.3)} ${f(ky + 30)} ${f(kx - w * 0.42)} ${f(ky + 90)}" stroke="#6b4a3a" stroke-width="9" fill="none" stroke-linecap="round"/>`;
  body += `<path d="M${f(kx - w * 0.2)} ${f(ky + 20)} C${f(kx - w * 0.25)} ${f(ky + 60)} ${f(kx - w * 0.22)} ${f(ky + 100)} ${f(kx - w * 0.18)} ${f(ky + 140)}" stroke="#6b4a3a" stroke-width="6" fill="none" stroke-linecap="round"/>`;
  const spots: [number, number][] = [[-0.42, 90], [-0.35, 55], [-0.27, 35], [-0.12, 8], [-0.18, 140], [-0.22, 95], [-0.05, -5], [-0.3, 70]];
  for (const [dx, dy] of spots) body += kapok(kx + dx * w, ky + dy, 22, r);
  return { defs, body };
}

function kapok(x: number, y: number, s: number, r: () => number): string {
  let out = '';
  const rot = r() * 72;
  for (let k = 0; k < 5; k++) {
    out += `<ellipse cx="${f(x)}" cy="${f(y - s * 0.55)}" rx="${f(s * 0.38)}" ry="${f(s * 0.6)}" fill="${k % 2 ? '#d8382b' : '#e84b36'}" transform="rotate(${f(rot + k * 72)} ${f(x)} ${f(y)})"/>`;
  }
  out += `<circle cx="${f(x)}" cy="${f(y)}" r="${f(s * 0.22)}" fill="#f6c046"/>`;
  return out;
}

// interior pieces -----------------------------------------------------------------------------

function plant(x: number, y: number, seed: number): string {
  const r = rng(seed);
  let out = `<ellipse cx="${f(x + 60)}" cy="${f(y + 4)}" rx="80" ry="14" fill="#000" opacity="0.12"/>`;
  const leaves: string[] = [];
  for (let i = 0; i < 11; i++) {
    const ang = -150 + i * 12 + r() * 8;
    const len = 150 + r() * 130;
    const rad = (ang * Math.PI) / 180;
    const ex = x + 60 + Math.cos(rad) * len;
    const ey = y - 120 + Math.sin(rad) * len;
    const col = ['#4f8f5f', '#5fa26c', '#3f7c52', '#6db27a'][i % 4]!;
    leaves.push(`<path d="M${f(x + 60)} ${f(y - 110)} Q${f((x + 60 + ex) / 2)} ${f((y - 110 + ey) / 2 + 20)} ${f(ex)} ${f(ey)}" stroke="#4a7a4a" stroke-width="4" fill="none"/>`);
    leaves.push(`<ellipse cx="${f(ex)}" cy="${f(ey)}" rx="44" ry="22" fill="${col}" transform="rotate(${f(ang)} ${f(ex)} ${f(ey)})"/>`);
    leaves.push(`<path d="M${f(ex - Math.cos(rad) * 40)} ${f(ey - Math.sin(rad) * 40)} L${f(ex + Math.cos(rad) * 40)} ${f(ey + Math.sin(rad) * 40)}" stroke="#fff" stroke-opacity="0.25" stroke-width="2"/>`);
  }
  out += leaves.join('');
  out += `<path d="M${f(x + 10)} ${f(y - 120)} L${f(x + 110)} ${f(y - 120)} L${f(x + 96)} ${f(y)} L${f(x + 24)} ${f(y)} Z" fill="#e8dccb"/>`;
  out += `<path d="M${f(x + 10)} ${f(y - 120)} L${f(x + 110)} ${f(y - 120)} L${f(x + 108)} ${f(y - 104)} L${f(x + 12)} ${f(y - 104)} Z" fill="#d6c7b2"/>`;
  return out;
}

function pendant(x: number, color: string, drop: number): string {
  return `<path d="M${f(x)} 0 L${f(x)} ${f(drop)}" stroke="#5a5048" stroke-width="3"/>
    <path d="M${f(x - 60)} ${f(drop + 50)} C${f(x - 58)} ${f(drop + 10)} ${f(x - 30)} ${f(drop)} ${f(x)} ${f(drop)} C${f(x + 30)} ${f(drop)} ${f(x + 58)} ${f(drop + 10)} ${f(x + 60)} ${f(drop + 50)} Z" fill="${color}"/>
    <ellipse cx="${f(x)}" cy="${f(drop + 50)}" rx="60" ry="8" fill="#fff4d6"/>
    <ellipse cx="${f(x)}" cy="${f(drop + 60)}" rx="90" ry="40" fill="#fff2cf" opacity="0.25" filter="url(#blurL)"/>`;
}

function screenChart(L: Layout, t: Theme): string {
  const { x, y, w, h } = L.screen;
  let out = `<rect x="${f(x - 10)}" y="${f(y - 10)}" width="${f(w + 20)}" height="${f(h + 20)}" rx="14" fill="#2f3238"/>`;
  out += `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="6" fill="${t.screenBg}"/>`;
  // bars
  const n = 6;
  const bw = (w * 0.62) / n;
  const vals = [0.35, 0.48, 0.42, 0.6, 0.72, 0.86];
  for (let i = 0; i < n; i++) {
    const bh = h * 0.7 * vals[i]!;
    out += `<rect x="${f(x + w * 0.08 + i * bw * 1.0 + bw * 0.15)}" y="${f(y + h * 0.85 - bh)}" width="${f(bw * 0.7)}" height="${f(bh)}" rx="4" fill="${i === n - 1 ? t.accent2 : t.accent}" opacity="${i === n - 1 ? 1 : 0.85}"/>`;
  }
  out += `<rect x="${f(x + w * 0.06)}" y="${f(y + h * 0.85)}" width="${f(w * 0.64)}" height="3" fill="#ffffff" opacity="0.6"/>`;
  // donut on the right
  const cx = x + w * 0.84;
  const cy = y + h * 0.45;
  const rr = h * 0.2;
  const c = 2 * Math.PI * rr;
  out += `<circle cx="${f(cx)}" cy="${f(cy)}" r="${f(rr)}" stroke="#ffffff" stroke-opacity="0.35" stroke-width="${f(rr * 0.45)}" fill="none"/>`;
  out += `<circle cx="${f(cx)}" cy="${f(cy)}" r="${f(rr)}" stroke="${t.accent2}" stroke-width="${f(rr * 0.45)}" fill="none" stroke-dasharray="${f(c * 0.68)} ${f(c)}" transform="rotate(-90 ${f(cx)} ${f(cy)})"/>`;
  out += `<rect x="${f(cx - rr)}" y="${f(y + h * 0.78)}" width="${f(rr * 2)}" height="6" rx="3" fill="#fff" opacity="0.5"/>`;
  out += `<rect x="${f(cx - rr)}" y="${f(y + h * 0.86)}" width="${f(rr * 1.3)}" height="6" rx="3" fill="#fff" opacity="0.35"/>`;
  return out;
}

function laptop(x: number, y: number, s: number): string {
  // seen from behind: the lid and a sliver of base
  return `<path d="M${f(x - 1.1 * s)} ${f(y)} L${f(x - 1.0 * s)} ${f(y - 1.25 * s)} L${f(x + 1.0 * s)} ${f(y - 1.25 * s)} L${f(x + 1.1 * s)} ${f(y)} Z" fill="#c9ccd2"/>
    <path d="M${f(x - 1.1 * s)} ${f(y)} L${f(x - 1.0 * s)} ${f(y - 1.25 * s)} L${f(x - 0.6 * s)} ${f(y - 1.25 * s)} L${f(x - 0.75 * s)} ${f(y)} Z" fill="#fff" opacity="0.3"/>
    <circle cx="${f(x)}" cy="${f(y - 0.62 * s)}" r="${f(0.12 * s)}" fill="#eef0f3"/>
    <rect x="${f(x - 1.2 * s)}" y="${f(y)}" width="${f(2.4 * s)}" height="${f(0.12 * s)}" rx="${f(0.05 * s)}" fill="#9ea3ab"/>`;
}

function cup(x: number, y: number, s: number, color: string): string {
  return `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(0.55 * s)}" ry="${f(0.16 * s)}" fill="#f4f1ec"/>
    <path d="M${f(x - 0.32 * s)} ${f(y - 0.5 * s)} L${f(x - 0.27 * s)} ${f(y)} L${f(x + 0.27 * s)} ${f(y)} L${f(x + 0.32 * s)} ${f(y - 0.5 * s)} Z" fill="${color}"/>
    <path d="M${f(x + 0.3 * s)} ${f(y - 0.4 * s)} q${f(0.22 * s)} 0 ${f(0.18 * s)} ${f(0.2 * s)} q-${f(0.03 * s)} ${f(0.12 * s)} -${f(0.2 * s)} ${f(0.1 * s)}" stroke="${color}" stroke-width="${f(0.07 * s)}" fill="none"/>
    <ellipse cx="${f(x)}" cy="${f(y - 0.5 * s)}" rx="${f(0.32 * s)}" ry="${f(0.09 * s)}" fill="#7a4e35"/>`;
}

function paper(x: number, y: number, s: number, rot: number): string {
  return `<g transform="rotate(${rot} ${f(x)} ${f(y)})"><path d="M${f(x - 0.6 * s)} ${f(y - 0.2 * s)} L${f(x + 0.6 * s)} ${f(y - 0.2 * s)} L${f(x + 0.7 * s)} ${f(y + 0.2 * s)} L${f(x - 0.7 * s)} ${f(y + 0.2 * s)} Z" fill="#ffffff"/>
    <path d="M${f(x - 0.45 * s)} ${f(y - 0.08 * s)} L${f(x + 0.3 * s)} ${f(y - 0.08 * s)} M${f(x - 0.5 * s)} ${f(y + 0.05 * s)} L${f(x + 0.45 * s)} ${f(y + 0.05 * s)}" stroke="#c9cfd8" stroke-width="${f(0.04 * s)}"/></g>`;
}

function pandaPlush(x: number, y: number, s: number): string {
  // a little panda doll sitting on a sill (y = where it sits)
  const k = '#2a2626';
  return `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(0.9 * s)}" ry="${f(0.14 * s)}" fill="#000" opacity="0.12"/>
    <ellipse cx="${f(x)}" cy="${f(y - 0.55 * s)}" rx="${f(0.72 * s)}" ry="${f(0.62 * s)}" fill="#fbfaf7"/>
    <ellipse cx="${f(x - 0.5 * s)}" cy="${f(y - 0.12 * s)}" rx="${f(0.3 * s)}" ry="${f(0.2 * s)}" fill="${k}"/>
    <ellipse cx="${f(x + 0.5 * s)}" cy="${f(y - 0.12 * s)}" rx="${f(0.3 * s)}" ry="${f(0.2 * s)}" fill="${k}"/>
    <path d="M${f(x - 0.7 * s)} ${f(y - 0.85 * s)} C${f(x - 0.2 * s)} ${f(y - 1.05 * s)} ${f(x + 0.2 * s)} ${f(y - 1.05 * s)} ${f(x + 0.7 * s)} ${f(y - 0.85 * s)} L${f(x + 0.6 * s)} ${f(y - 0.55 * s)} C${f(x + 0.2 * s)} ${f(y - 0.7 * s)} ${f(x - 0.2 * s)} ${f(y - 0.7 * s)} ${f(x - 0.6 * s)} ${f(y - 0.55 * s)} Z" fill="${k}"/>
    <ellipse cx="${f(x - 0.52 * s)}" cy="${f(y - 0.55 * s)}" rx="${f(0.18 * s)}" ry="${f(0.3 * s)}" fill="${k}" transform="rotate(25 ${f(x - 0.52 * s)} ${f(y - 0.55 * s)})"/>
    <ellipse cx="${f(x + 0.52 * s)}" cy="${f(y - 0.55 * s)}" rx="${f(0.18 * s)}" ry="${f(0.3 * s)}" fill="${k}" transform="rotate(-25 ${f(x + 0.52 * s)} ${f(y - 0.55 * s)})"/>
    <circle cx="${f(x - 0.5 * s)}" cy="${f(y - 1.95 * s)}" r="${f(0.24 * s)}" fill="${k}"/>
    <circle cx="${f(x + 0.5 * s)}" cy="${f(y - 1.95 * s)}" r="${f(0.24 * s)}" fill="${k}"/>
    <ellipse cx="${f(x)}" cy="${f(y - 1.5 * s)}" rx="${f(0.68 * s)}" ry="${f(0.56 * s)}" fill="#fbfaf7"/>
    <ellipse cx="${f(x - 0.26 * s)}" cy="${f(y - 1.52 * s)}" rx="${f(0.16 * s)}" ry="${f(0.21 * s)}" fill="${k}" transform="rotate(30 ${f(x - 0.26 * s)} ${f(y - 1.52 * s)})"/>
    <ellipse cx="${f(x + 0.26 * s)}" cy="${f(y - 1.52 * s)}" rx="${f(0.16 * s)}" ry="${f(0.21 * s)}" fill="${k}" transform="rotate(-30 ${f(x + 0.26 * s)} ${f(y - 1.52 * s)})"/>
    <circle cx="${f(x - 0.23 * s)}" cy="${f(y - 1.55 * s)}" r="${f(0.05 * s)}" fill="#fff"/>
    <circle cx="${f(x + 0.23 * s)}" cy="${f(y - 1.55 * s)}" r="${f(0.05 * s)}" fill="#fff"/>
    <ellipse cx="${f(x)}" cy="${f(y - 1.33 * s)}" rx="${f(0.09 * s)}" ry="${f(0.06 * s)}" fill="${k}"/>
    <path d="M${f(x - 0.1 * s)} ${f(y - 1.22 * s)} Q${f(x)} ${f(y - 1.14 * s)} ${f(x + 0.1 * s)} ${f(y - 1.22 * s)}" stroke="${k}" stroke-width="${f(0.04 * s)}" fill="none" stroke-linecap="round"/>
    <ellipse cx="${f(x - 0.42 * s)}" cy="${f(y - 1.3 * s)}" rx="${f(0.1 * s)}" ry="${f(0.06 * s)}" fill="#f4a0a0" opacity="0.6"/>
    <ellipse cx="${f(x + 0.42 * s)}" cy="${f(y - 1.3 * s)}" rx="${f(0.1 * s)}" ry="${f(0.06 * s)}" fill="#f4a0a0" opacity="0.6"/>`;
}

function credenza(x: number, floor: number, w: number, h: number, t: Theme): string {
  const top = floor - h;
  const wood = t.tableEdge;
  let out = `<rect x="${f(x)}" y="${f(top)}" width="${f(w)}" height="${f(h - 10)}" rx="4" fill="${shade(wood, 0.15)}"/>`;
  out += `<rect x="${f(x - 6)}" y="${f(top - 8)}" width="${f(w + 12)}" height="12" rx="3" fill="${shade(wood, 0.3)}"/>`;
  for (let i = 0; i < 3; i++) {
    const dx = x + 12 + (i * (w - 24)) / 3;
    out += `<rect x="${f(dx)}" y="${f(top + 12)}" width="${f((w - 24) / 3 - 8)}" height="${f(h - 36)}" rx="3" fill="${shade(wood, 0.05)}"/>`;
    out += `<rect x="${f(dx + (w - 24) / 6 - 18)}" y="${f(top + 24)}" width="28" height="5" rx="2.5" fill="${shade(wood, -0.3)}"/>`;
  }
  out += `<rect x="${f(x + 8)}" y="${f(floor - 10)}" width="10" height="10" fill="${shade(wood, -0.3)}"/><rect x="${f(x + w - 18)}" y="${f(floor - 10)}" width="10" height="10" fill="${shade(wood, -0.3)}"/>`;
  // books, a vase and a succulent on top
  const bx = x + w * 0.1;
  const cols = [t.accent, t.accent2, '#e9e1d3', shade(t.accent, -0.25)];
  cols.forEach((c, i) => (out += `<rect x="${f(bx + i * 18)}" y="${f(top - 8 - 60 + i * 4)}" width="16" height="${f(60 - i * 4)}" rx="2" fill="${c}"/>`));
  out += `<rect x="${f(bx + 74)}" y="${f(top - 60)}" width="16" height="52" rx="2" fill="${shade(t.accent2, 0.3)}" transform="rotate(14 ${f(bx + 82)} ${f(top - 8)})"/>`;
  const vx = x + w * 0.62;
  out += `<path d="M${f(vx - 16)} ${f(top - 8)} C${f(vx - 40)} ${f(top - 40)} ${f(vx - 10)} ${f(top - 70)} ${f(vx - 8)} ${f(top - 90)} L${f(vx + 8)} ${f(top - 90)} C${f(vx + 10)} ${f(top - 70)} ${f(vx + 40)} ${f(top - 40)} ${f(vx + 16)} ${f(top - 8)} Z" fill="#f4efe6"/>`;
  out += `<path d="M${f(vx)} ${f(top - 88)} C${f(vx - 10)} ${f(top - 130)} ${f(vx - 30)} ${f(top - 150)} ${f(vx - 40)} ${f(top - 160)} M${f(vx)} ${f(top - 88)} C${f(vx + 6)} ${f(top - 130)} ${f(vx + 20)} ${f(top - 160)} ${f(vx + 34)} ${f(top - 170)}" stroke="#7a6a52" stroke-width="3" fill="none"/>`;
  const sx = x + w * 0.86;
  out += `<path d="M${f(sx - 22)} ${f(top - 40)} L${f(sx + 22)} ${f(top - 40)} L${f(sx + 16)} ${f(top - 8)} L${f(sx - 16)} ${f(top - 8)} Z" fill="${t.accent2}"/>`;
  for (const a of [-60, -30, 0, 30, 60]) out += `<ellipse cx="${f(sx)}" cy="${f(top - 58)}" rx="8" ry="20" fill="#6aa36a" transform="rotate(${a} ${f(sx)} ${f(top - 42)})"/>`;
  return out;
}

function clock(x: number, y: number, r: number, t: Theme): string {
  let out = `<circle cx="${x}" cy="${y + 5}" r="${r + 6}" fill="#000" opacity="0.1"/>`;
  out += `<circle cx="${x}" cy="${y}" r="${r + 6}" fill="${shade(t.frame, -0.15)}"/><circle cx="${x}" cy="${y}" r="${r}" fill="#fffdf8"/>`;
  for (let i = 0; i < 12; i++) {
    const a = (i * Math.PI) / 6;
    const l = i % 3 === 0 ? 0.2 : 0.1;
    out += `<path d="M${f(x + Math.sin(a) * r * 0.85)} ${f(y - Math.cos(a) * r * 0.85)} L${f(x + Math.sin(a) * r * (0.85 - l))} ${f(y - Math.cos(a) * r * (0.85 - l))}" stroke="#5a5048" stroke-width="${i % 3 === 0 ? 4 : 2}" stroke-linecap="round"/>`;
  }
  const hA = ((8.5 * 30) * Math.PI) / 180;
  const mA = Math.PI;
  out += `<path d="M${x} ${y} L${f(x + Math.sin(hA) * r * 0.45)} ${f(y - Math.cos(hA) * r * 0.45)}" stroke="#3a302a" stroke-width="6" stroke-linecap="round"/>`;
  out += `<path d="M${x} ${y} L${f(x + Math.sin(mA) * r * 0.7)} ${f(y - Math.cos(mA) * r * 0.7)}" stroke="#3a302a" stroke-width="4" stroke-linecap="round"/>`;
  out += `<circle cx="${x}" cy="${y}" r="5" fill="${t.accent2}"/>`;
  return out;
}

function meeting(branch: BranchId, L: Layout, t: Theme): string {
  const { W, H, floorY, win, table: tb } = L;
  const view = branch === 'xihu' ? viewXihu(win.x, win.y, win.w, win.h) : branch === 'jinjiang' ? viewJinjiang(win.x, win.y, win.w, win.h) : viewTianhe(win.x, win.y, win.w, win.h);
  const defs = [
    linU('wall', [[0, t.wall[0]], [1, t.wall[1]]], 0, 0, W, floorY),
    linU('floor', [[0, t.floor[0]], [1, t.floor[1]]], 0, floorY, 0, H),
    linU('beam', [[0, t.light, 0.8], [1, t.light, 0]], win.x, win.y, win.x + win.w * 0.6, H),
    radU('glow', [[0, t.light, 0.3], [1, t.light, 0]], win.x + win.w * 0.5, win.y + win.h * 0.5, Math.max(win.w, win.h) * 0.9),
    linU('tableTop', [[0, shade(t.table, 0.25)], [1, t.table]], 0, tb.cy - tb.ry, 0, tb.cy + tb.ry),
    blur('blurL', 30),
    blur('blurM', 12),
    blur('blurS', 4),
    `<clipPath id="winClip"><rect x="${win.x}" y="${win.y}" width="${win.w}" height="${win.h}"/></clipPath>`,
    view.defs,
  ].join('');

  let b = '';
  // room
  b += `<rect width="${W}" height="${floorY}" fill="url(#wall)"/>`;
  b += `<rect y="${floorY}" width="${W}" height="${H - floorY}" fill="url(#floor)"/>`;
  for (let yy = floorY + 30, k = 1; yy < H; yy += 26 + k * 8, k++) b += `<rect x="0" y="${yy}" width="${W}" height="2" fill="#000" opacity="0.05"/>`;
  b += `<rect y="${floorY - 14}" width="${W}" height="14" fill="${shade(t.wall[1], -0.12)}"/>`;
  // wainscot panel line
  b += `<rect y="${f(floorY - H * 0.16)}" width="${W}" height="4" fill="#fff" opacity="0.4"/>`;
  // window with its view
  b += `<rect x="${win.x - 24}" y="${win.y - 24}" width="${win.w + 48}" height="${win.h + 48}" rx="6" fill="${shade(t.frame, -0.08)}"/>`;
  b += `<g clip-path="url(#winClip)">${view.body}</g>`;
  b += `<rect x="${win.x}" y="${win.y}" width="${win.w}" height="${win.h}" fill="#fff" opacity="0.08"/>`;
  const frameW = 14;
  for (let i = 1; i < win.cols; i++) {
    const mx = win.x + (win.w * i) / win.cols;
    b += `<rect x="${f(mx - frameW / 2)}" y="${win.y}" width="${frameW}" height="${win.h}" fill="${t.frame}"/>`;
  }
  b += `<rect x="${win.x}" y="${f(win.y + win.h * win.transom - frameW / 2)}" width="${win.w}" height="${frameW}" fill="${t.frame}"/>`;
  b += `<rect x="${win.x}" y="${win.y}" width="${win.w}" height="${win.h}" fill="none" stroke="${t.frame}" stroke-width="${frameW}"/>`;
  // glass reflections
  b += `<path d="M${f(win.x + win.w * 0.05)} ${f(win.y + win.h)} L${f(win.x + win.w * 0.25)} ${win.y} L${f(win.x + win.w * 0.31)} ${win.y} L${f(win.x + win.w * 0.11)} ${f(win.y + win.h)} Z" fill="#fff" opacity="0.1"/>`;
  b += `<rect x="${win.x - 40}" y="${win.y + win.h + 10}" width="${win.w + 80}" height="20" rx="4" fill="${t.frame}"/>`;
  b += `<rect x="${win.x - 40}" y="${win.y + win.h + 28}" width="${win.w + 80}" height="8" fill="#000" opacity="0.08"/>`;
  // sheer curtain on the left edge
  b += `<path d="M${win.x - 60} ${win.y - 40} L${win.x + 40} ${win.y - 40} C${win.x + 30} ${f(win.y + win.h * 0.4)} ${win.x + 50} ${f(win.y + win.h * 0.8)} ${win.x + 20} ${win.y + win.h + 60} L${win.x - 60} ${win.y + win.h + 60} Z" fill="#fffaf2" opacity="0.85"/>`;
  for (const k of [0, 25, 50, 75]) b += `<path d="M${win.x - 50 + k} ${win.y - 40} C${win.x - 60 + k} ${f(win.y + win.h * 0.5)} ${win.x - 40 + k} ${f(win.y + win.h * 0.8)} ${win.x - 55 + k} ${win.y + win.h + 60}" stroke="#e9dccb" stroke-width="3" fill="none" opacity="0.7"/>`;
  b += `<rect x="${win.x - 70}" y="${win.y - 48}" width="${win.w + 140}" height="10" rx="5" fill="#8a7a6a"/>`;
  if (branch === 'jinjiang') b += pandaPlush(win.x + win.w * 0.86, win.y + win.h + 10, 34);
  // glow around the window
  b += `<rect x="${win.x - 200}" y="${win.y - 150}" width="${win.w + 400}" height="${win.h + 300}" fill="url(#glow)"/>`;
  // screen on the wall, a low cabinet under it
  b += screenChart(L, t);
  b += credenza(L.cabinet.x, floorY, L.cabinet.w, L.cabinet.h, t);
  // pendant lamps
  for (const lx of L.lamps) b += pendant(lx, t.accent2, 100);
  // plant
  b += plant(L.plant.x, L.plant.y, 5);
  // floor light patch from the window
  const fy = floorY + 20;
  b += `<path d="M${f(win.x + 80)} ${f(fy)} L${f(win.x + win.w * 0.9)} ${f(fy)} L${f(win.x + win.w * 1.35)} ${f(H)} L${f(win.x + win.w * 0.35)} ${f(H)} Z" fill="#fffaf0" opacity="0.4" filter="url(#blurM)"/>`;
  // wall clock showing half past eight
  b += clock(L.clock.x, L.clock.y, L.clock.r, t);

  const rearLooks = t.people.slice(0, 3);
  const frontLooks = t.people.slice(3, 5);
  const host = t.people[5]!;
  // presenter is behind/at the end of the table
  b += presenter(L.presenter.x, L.presenter.feet, L.presenter.s, host, L.presenter.dir, t.trousers);
  L.rear.forEach((pos, i) => (b += seatedFront(pos.x, pos.y, pos.s, rearLooks[i]!, t.chair, (tb.cy - tb.ry * 0.6 - pos.y) / pos.s)));
  // table
  b += `<ellipse cx="${tb.cx}" cy="${f(tb.cy + tb.ry * 0.9)}" rx="${f(tb.rx * 0.95)}" ry="${f(tb.ry * 0.6)}" fill="#000" opacity="0.16" filter="url(#blurM)"/>`;
  b += `<rect x="${f(tb.cx - 50)}" y="${tb.cy}" width="100" height="${f(tb.ry * 1.6)}" fill="${shade(t.tableEdge, -0.2)}"/>`;
  b += `<ellipse cx="${tb.cx}" cy="${f(tb.cy + 22)}" rx="${tb.rx}" ry="${tb.ry}" fill="${t.tableEdge}"/>`;
  b += `<ellipse cx="${tb.cx}" cy="${tb.cy}" rx="${tb.rx}" ry="${tb.ry}" fill="url(#tableTop)"/>`;
  b += `<ellipse cx="${f(tb.cx - tb.rx * 0.25)}" cy="${f(tb.cy - tb.ry * 0.35)}" rx="${f(tb.rx * 0.45)}" ry="${f(tb.ry * 0.3)}" fill="#fff" opacity="0.25" filter="url(#blurM)"/>`;
  // things on the table and hands
  const [r0, r1, r2] = L.rear as [Layout['rear'][0], Layout['rear'][0], Layout['rear'][0]];
  const rowY = tb.cy - tb.ry * 0.72;
  b += handsOnTable(r0.x, rowY, r0.s, rearLooks[0]!);
  b += laptop(r0.x, rowY + r0.s * 0.45, r0.s * 0.8);
  b += handsOnTable(r1.x, rowY, r1.s, rearLooks[1]!);
  b += paper(r1.x + r1.s * 0.1, rowY + r1.s * 0.45, r1.s * 1.1, -4);
  b += `<path d="M${f(r1.x + r1.s * 0.5)} ${f(rowY + r1.s * 0.35)} l${f(r1.s * 0.5)} ${f(r1.s * 0.2)}" stroke="#2f3a4a" stroke-width="4" stroke-linecap="round"/>`;
  b += handsOnTable(r2.x, rowY, r2.s, rearLooks[2]!);
  b += laptop(r2.x + r2.s * 0.1, rowY + r2.s * 0.5, r2.s * 0.8);
  b += cup(r1.x - r1.s * 1.7, rowY + r1.s * 0.7, r1.s * 1.05, t.accent);
  b += cup(r2.x - r2.s * 1.7, rowY + r2.s * 0.75, r2.s * 1.05, '#ffffff');
  b += cup(r0.x + r0.s * 1.5, tb.cy + tb.ry * 0.45, r0.s * 1.1, t.accent2);
  b += paper(tb.cx - tb.rx * 0.55, tb.cy + tb.ry * 0.25, 80, 8);
  b += paper(tb.cx + tb.rx * 0.42, tb.cy + tb.ry * 0.3, 80, -10);
  if (branch === 'jinjiang') b += pandaPlush(tb.cx + tb.rx * 0.72, tb.cy + tb.ry * 0.05, 40);
  // small vase of flowers in the middle
  const vx = tb.cx + tb.rx * 0.05;
  const vy = tb.cy + tb.ry * 0.1;
  b += `<ellipse cx="${f(vx)}" cy="${f(vy)}" rx="30" ry="8" fill="#000" opacity="0.1"/>`;
  b += `<path d="M${f(vx - 20)} ${f(vy)} L${f(vx + 20)} ${f(vy)} C${f(vx + 34)} ${f(vy - 30)} ${f(vx + 14)} ${f(vy - 50)} ${f(vx + 12)} ${f(vy - 64)} L${f(vx - 12)} ${f(vy - 64)} C${f(vx - 14)} ${f(vy - 50)} ${f(vx - 34)} ${f(vy - 30)} ${f(vx - 20)} ${f(vy)} Z" fill="${shade(t.accent, 0.35)}"/>`;
  const fl = rng(44);
  for (let i = 0; i < 9; i++) {
    const ax = vx + (fl() - 0.5) * 110;
    const ay = vy - 100 - fl() * 50;
    b += `<path d="M${f(vx)} ${f(vy - 60)} Q${f((vx + ax) / 2)} ${f(ay + 30)} ${f(ax)} ${f(ay)}" stroke="#5a8a4a" stroke-width="3.5" fill="none"/>`;
    if (i % 3 === 0) b += `<ellipse cx="${f((vx + ax) / 2)}" cy="${f(ay + 25)}" rx="14" ry="6" fill="#6a9a56" transform="rotate(${f((ax - vx) * 0.8)} ${f((vx + ax) / 2)} ${f(ay + 25)})"/>`;
  }
  fl();
  for (let i = 0; i < 9; i++) {
    const ax = vx + (fl() - 0.5) * 110;
    const ay = vy - 100 - fl() * 50;
    const rr = 12 + fl() * 7;
    const col = i % 3 === 0 ? t.accent2 : i % 3 === 1 ? '#fff3d6' : shade(t.accent2, 0.4);
    b += `<circle cx="${f(ax)}" cy="${f(ay)}" r="${f(rr)}" fill="${col}"/><circle cx="${f(ax)}" cy="${f(ay)}" r="${f(rr * 0.35)}" fill="${shade(col, -0.2)}"/>`;
  }
  // people in the foreground, backs to us
  L.front.forEach((pos, i) => (b += seatedBack(pos.x, pos.y, pos.s, frontLooks[i]!, t.chair, H)));
  // sunbeams over everything
  const bx0 = win.x + win.w * 0.15;
  const bx1 = win.x + win.w * 0.85;
  b += `<path d="M${f(bx0)} ${f(win.y)} L${f(bx1)} ${f(win.y)} L${f(bx1 + W * 0.45)} ${f(H)} L${f(bx0 + W * 0.15)} ${f(H)} Z" fill="url(#beam)" opacity="0.5" filter="url(#blurL)"/>`;
  b += `<path d="M${f(bx0 + 40)} ${f(win.y)} L${f(bx0 + 120)} ${f(win.y)} L${f(bx0 + W * 0.35)} ${f(H)} L${f(bx0 + W * 0.25)} ${f(H)} Z" fill="url(#beam)" opacity="0.3" filter="url(#blurM)"/>`;
  b += `<path d="M${f(bx1 - 160)} ${f(win.y)} L${f(bx1 - 60)} ${f(win.y)} L${f(bx1 + W * 0.3)} ${f(H)} L${f(bx1 + W * 0.18)} ${f(H)} Z" fill="url(#beam)" opacity="0.25" filter="url(#blurM)"/>`;
  // warm vignette
  b += `<rect width="${W}" height="${H}" fill="url(#vig)"/>`;
  const vig = radU('vig', [[0.55, '#3a2010', 0], [1, '#3a2010', 0.22]], W / 2, H / 2, Math.hypot(W, H) / 2);
  return svgDoc(W, H, defs + vig, b);
}

const SKIN = ['#f6d2b6', '#eec19f', '#e6b38f', '#f3cbaa', '#dba37f'];

const THEMES: Record<BranchId, Theme> = {
  xihu: {
    wall: ['#f7efe3', '#efe2d0'],
    floor: ['#d9b98f', '#c49a6c'],
    frame: '#fbf8f2',
    table: '#f4efe6',
    tableEdge: '#c9b9a2',
    chair: '#5e9e8a',
    accent: '#5e9e8a',
    accent2: '#f2a65a',
    screenBg: '#2f5d57',
    light: '#fff3d6',
    trousers: '#2f3a4a',
    people: [
      { skin: SKIN[0]!, hair: '#2b211d', hairStyle: 'bob', top: '#2f4a6d', inner: '#fbf7f0', turn: 0.6 },
      { skin: SKIN[1]!, hair: '#1f1816', hairStyle: 'short', top: '#7d8794', inner: '#ffffff', accent: '#2f8f83', turn: 0.8 },
      { skin: SKIN[3]!, hair: '#3a2a22', hairStyle: 'ponytail', top: '#e9e3d8', inner: '#ffffff', turn: 1 },
      { skin: SKIN[2]!, hair: '#1f1816', hairStyle: 'short', top: '#3a4656', inner: '#fff' },
      { skin: SKIN[0]!, hair: '#4a3328', hairStyle: 'long', top: '#c98f6b', inner: '#fff' },
      { skin: SKIN[0]!, hair: '#5d524d', hairStyle: 'bob', top: '#2f4a6d', inner: '#fbf7f0', glasses: true, turn: -0.6 },
    ],
  },
  jinjiang: {
    wall: ['#fbefe2', '#f1dcc6'],
    floor: ['#c99a6e', '#a87850'],
    frame: '#8a5a3c',
    table: '#e8d2b5',
    tableEdge: '#9a6a46',
    chair: '#b5523f',
    accent: '#6aa05a',
    accent2: '#e0643f',
    screenBg: '#3a4a36',
    light: '#fff0d0',
    trousers: '#2e3138',
    people: [
      { skin: SKIN[1]!, hair: '#1f1816', hairStyle: 'short', top: '#3b3f46', inner: '#fff', accent: '#b8322f', turn: 0.5 },
      { skin: SKIN[0]!, hair: '#2e211c', hairStyle: 'long', top: '#c79a6b', inner: '#fffaf2', turn: 0.8 },
      { skin: SKIN[4]!, hair: '#1a1412', hairStyle: 'short', top: '#4d6b8a', inner: '#fff', turn: 1, glasses: true },
      { skin: SKIN[3]!, hair: '#2b1f1a', hairStyle: 'bun', top: '#7a3a3a', inner: '#fff' },
      { skin: SKIN[2]!, hair: '#1f1816', hairStyle: 'short', top: '#2f3a4a', inner: '#fff' },
      { skin: SKIN[1]!, hair: '#7a746f', hairStyle: 'grey-short', top: '#3b3f46', inner: '#f7f9fb', accent: '#b8322f', turn: -0.6 },
    ],
  },
  tianhe: {
    wall: ['#f9ece8', '#f0dcd6'],
    floor: ['#d8c2ae', '#b89c84'],
    frame: '#f6f4f2',
    table: '#f3ece6',
    tableEdge: '#b39d8c',
    chair: '#2f4e74',
    accent: '#e9786a',
    accent2: '#f4b860',
    screenBg: '#233a5a',
    light: '#ffeedd',
    trousers: '#23395b',
    people: [
      { skin: SKIN[0]!, hair: '#5a3322', hairStyle: 'long', top: '#8e2f45', inner: '#fff6f0', turn: 0.6 },
      { skin: SKIN[2]!, hair: '#1f1816', hairStyle: 'short', top: '#e7e3dc', inner: '#ffffff', turn: 0.8 },
      { skin: SKIN[3]!, hair: '#2b211d', hairStyle: 'ponytail', top: '#3f6f8f', inner: '#fff', turn: 1 },
      { skin: SKIN[1]!, hair: '#2b211d', hairStyle: 'long', top: '#d98b6a', inner: '#fff' },
      { skin: SKIN[4]!, hair: '#1f1816', hairStyle: 'short', top: '#2a3442', inner: '#fff' },
      { skin: SKIN[4]!, hair: '#2a2322', hairStyle: 'short', top: '#23395b', inner: '#ffffff', accent: '#3f7fbf', glasses: true, turn: -0.6 },
    ],
  },
};

const GPS: Record<BranchId, { lat: [string, string]; lon: [string, string] }> = {
  xihu: { lat: ['N', '30/1 15/1 0/1'], lon: ['E', '120/1 9/1 0/1'] },
  jinjiang: { lat: ['N', '30/1 39/1 24/1'], lon: ['E', '104/1 4/1 48/1'] },
  tianhe: { lat: ['N', '23/1 7/1 12/1'], lon: ['E', '113/1 19/1 12/1'] },
};

// ---------------------------------------------------------------------------------------------
// nine-grid scenes, 1080×1080

const S = 1080;

function sq(defs: string, body: string): string {
  return svgDoc(S, S, defs + blur('g4', 4) + blur('g10', 10) + blur('g24', 24) + blur('g50', 50), body);
}

/** soft warm vignette for the square scenes */
function vignette(id = 'vg', color = '#2a1608', k = 0.22): { def: string; use: string } {
  return { def: radU(id, [[0.6, color, 0], [1, color, k]], S / 2, S / 2, S * 0.72), use: `<rect width="${S}" height="${S}" fill="url(#${id})"/>` };
}

// silhouettes for the skylines of each city, on a horizon line
function skyline(branch: BranchId, hz: number, color: string, scale = 1, cx = S * 0.62): string {
  const r = rng(branch.length * 31);
  let out = '';
  if (branch === 'xihu') {
    out += `<path d="${ridge(r, -20, S + 20, hz - 60 * scale, 55 * scale, 6)}" fill="${color}" opacity="0.55"/>`;
    out += `<path d="M${f(cx - 240 * scale)} ${f(hz)} C${f(cx - 120 * scale)} ${f(hz - 90 * scale)} ${f(cx + 120 * scale)} ${f(hz - 90 * scale)} ${f(cx + 240 * scale)} ${f(hz)} Z" fill="${color}"/>`;
    out += pagoda(cx, hz - 70 * scale, 230 * scale, color);
    out += `<path d="${ridge(r, -20, S + 20, hz - 12 * scale, 16 * scale, 9)}" fill="${color}"/>`;
  } else if (branch === 'jinjiang') {
    // covered bridge (安顺廊桥 style) and low city
    let x = -10;
    while (x < S) {
      const w = 40 + r() * 60;
      const h = (40 + r() * 120) * scale;
      out += `<rect x="${f(x)}" y="${f(hz - h)}" width="${f(w)}" height="${f(h)}" fill="${color}" opacity="0.5"/>`;
      x += w + 6;
    }
    out += coveredBridge(cx, hz, 520 * scale, color);
  } else {
    let x = -10;
    while (x < S) {
      const w = 40 + r() * 50;
      const h = (60 + r() * 170) * scale;
      out += `<rect x="${f(x)}" y="${f(hz - h)}" width="${f(w)}" height="${f(h)}" fill="${color}" opacity="0.55"/>`;
      x += w + 5;
    }
    out += cantonTower(cx, hz + 2, 520 * scale, color, shade(color, 0.25));
    out += tower(cx + 120 * scale, hz, 70 * scale, 300 * scale, color, 'diamond', false);
    out += tower(cx + 200 * scale, hz, 60 * scale, 190 * scale, color, 'flat', false);
    out += tower(cx - 200 * scale, hz, 66 * scale, 240 * scale, color, 'step', false);
    out += tower(cx - 290 * scale, hz, 70 * scale, 150 * scale, color, 'slant', false);
  }
  return out;
}

function coveredBridge(cx: number, hz: number, w: number, color: string): string {
  const deck = hz - w * 0.09;
  let out = `<rect x="${f(cx - w / 2)}" y="${f(deck)}" width="${f(w)}" height="${f(w * 0.03)}" fill="${color}"/>`;
  // arches
  for (let i = 0; i < 3; i++) {
    const ax = cx - w / 3 + (i * w) / 3;
    out += `<path d="M${f(ax - w / 6)} ${f(deck)} L${f(ax + w / 6)} ${f(deck)} L${f(ax + w / 6)} ${f(hz)} L${f(ax + w / 9)} ${f(hz)} Q${f(ax)} ${f(deck + w * 0.01)} ${f(ax - w / 9)} ${f(hz)} L${f(ax - w / 6)} ${f(hz)} Z" fill="${color}"/>`;
  }
  // gallery with roofs, a taller pavilion in the middle
  out += `<rect x="${f(cx - w * 0.46)}" y="${f(deck - w * 0.06)}" width="${f(w * 0.92)}" height="${f(w * 0.06)}" fill="${color}" opacity="0.85"/>`;
  const roof = (x0: number, x1: number, y: number, h: number): string =>
    `<path d="M${f(x0 - h * 0.8)} ${f(y)} Q${f(x0)} ${f(y - h * 0.1)} ${f(x0 + h * 0.4)} ${f(y - h)} L${f(x1 - h * 0.4)} ${f(y - h)} Q${f(x1)} ${f(y - h * 0.1)} ${f(x1 + h * 0.8)} ${f(y)} Z" fill="${color}"/>`;
  out += roof(cx - w * 0.46, cx + w * 0.46, deck - w * 0.06, w * 0.04);
  out += `<rect x="${f(cx - w * 0.1)}" y="${f(deck - w * 0.16)}" width="${f(w * 0.2)}" height="${f(w * 0.08)}" fill="${color}"/>`;
  out += roof(cx - w * 0.1, cx + w * 0.1, deck - w * 0.14, w * 0.05);
  out += roof(cx - w * 0.07, cx + w * 0.07, deck - w * 0.2, w * 0.05);
  return out;
}

const SHOES: Record<BranchId, { upper: string; accent: string; sole: string; outsole: string; lace: string }> = {
  xihu: { upper: '#5fb3a1', accent: '#ff8a65', sole: '#fbfaf6', outsole: '#3e4a52', lace: '#ffffff' },
  jinjiang: { upper: '#f08a3c', accent: '#2f4a6d', sole: '#fdf8f0', outsole: '#43363a', lace: '#fff6ea' },
  tianhe: { upper: '#f27b8a', accent: '#ffffff', sole: '#fbfaf6', outsole: '#4a3f58', lace: '#fff0f2' },
};

function shoe(x: number, y: number, L: number, c: (typeof SHOES)[BranchId], flip = false, dim = 0): string {
  const T = (u: number, v: number): string => `${f(x + (flip ? -u : u) * L)} ${f(y + v * L)}`;
  const upper = shade(c.upper, -dim);
  const sole = shade(c.sole, -dim * 0.6);
  let out = '';
  out += `<ellipse cx="${f(x + (flip ? -0.5 : 0.5) * L)}" cy="${f(y + 0.01 * L)}" rx="${f(0.56 * L)}" ry="${f(0.045 * L)}" fill="#2a1a20" opacity="0.35" filter="url(#g10)"/>`;
  out += `<path d="M${T(0, 0)} L${T(0.95, 0)} C${T(1.0, 0)} ${T(1.03, -0.04)} ${T(1.0, -0.07)} L${T(0.02, -0.07)} C${T(-0.01, -0.07)} ${T(-0.02, -0.02)} ${T(0, 0)} Z" fill="${c.outsole}"/>`;
  out += `<path d="M${T(0.01, -0.06)} L${T(1.0, -0.06)} C${T(1.03, -0.09)} ${T(1.01, -0.125)} ${T(0.96, -0.13)} L${T(0.55, -0.135)} C${T(0.35, -0.145)} ${T(0.12, -0.17)} ${T(0.02, -0.19)} C${T(-0.015, -0.15)} ${T(-0.015, -0.09)} ${T(0.01, -0.06)} Z" fill="${sole}"/>`;
  out += `<path d="M${T(0.04, -0.105)} C${T(0.3, -0.09)} ${T(0.6, -0.095)} ${T(0.97, -0.09)}" stroke="${shade(c.sole, -0.18)}" stroke-width="${f(0.008 * L)}" fill="none"/>`;
  const upperD = `M${T(0.02, -0.185)} C${T(-0.005, -0.3)} ${T(0.01, -0.4)} ${T(0.07, -0.46)} C${T(0.11, -0.48)} ${T(0.15, -0.46)} ${T(0.19, -0.41)} C${T(0.25, -0.37)} ${T(0.31, -0.38)} ${T(0.35, -0.43)} L${T(0.41, -0.47)} C${T(0.47, -0.43)} ${T(0.6, -0.31)} ${T(0.75, -0.25)} C${T(0.88, -0.21)} ${T(0.99, -0.19)} ${T(0.985, -0.125)} L${T(0.96, -0.13)} L${T(0.55, -0.135)} C${T(0.35, -0.145)} ${T(0.12, -0.17)} ${T(0.02, -0.185)} Z`;
  out += `<path d="${upperD}" fill="${upper}"/>`;
  // mesh highlight, toe cap, heel counter
  out += `<path d="M${T(0.2, -0.36)} C${T(0.35, -0.3)} ${T(0.55, -0.26)} ${T(0.78, -0.22)}" stroke="#fff" stroke-opacity="0.25" stroke-width="${f(0.05 * L)}" fill="none" stroke-linecap="round"/>`;
  out += `<path d="M${T(0.78, -0.245)} C${T(0.9, -0.21)} ${T(0.99, -0.19)} ${T(0.985, -0.125)} L${T(0.8, -0.135)} Z" fill="${shade(upper, -0.15)}"/>`;
  out += `<path d="M${T(0.02, -0.185)} C${T(-0.005, -0.3)} ${T(0.01, -0.4)} ${T(0.07, -0.46)} L${T(0.12, -0.3)} C${T(0.14, -0.22)} ${T(0.12, -0.18)} ${T(0.1, -0.175)} Z" fill="${shade(upper, -0.2)}"/>`;
  out += `<path d="M${T(0.14, -0.165)} C${T(0.3, -0.2)} ${T(0.48, -0.28)} ${T(0.64, -0.31)}" stroke="${c.accent}" stroke-width="${f(0.035 * L)}" fill="none" stroke-linecap="round"/>`;
  out += `<path d="M${T(0.2, -0.2)} C${T(0.32, -0.23)} ${T(0.44, -0.28)} ${T(0.55, -0.31)}" stroke="${c.accent}" stroke-width="${f(0.014 * L)}" fill="none" stroke-linecap="round" opacity="0.8"/>`;
  // collar and tongue
  out += `<path d="M${T(0.07, -0.46)} C${T(0.11, -0.48)} ${T(0.15, -0.46)} ${T(0.19, -0.41)} C${T(0.25, -0.37)} ${T(0.31, -0.38)} ${T(0.35, -0.43)}" stroke="${shade(upper, -0.45)}" stroke-width="${f(0.022 * L)}" fill="none" stroke-linecap="round"/>`;
  out += `<path d="M${T(0.34, -0.43)} L${T(0.41, -0.49)} L${T(0.45, -0.45)} L${T(0.4, -0.4)} Z" fill="${shade(upper, 0.2)}"/>`;
  // laces
  for (let i = 0; i < 5; i++) {
    const u = 0.41 + i * 0.055;
    const v = -0.42 + i * 0.028;
    out += `<path d="M${T(u - 0.025, v - 0.025)} L${T(u + 0.03, v + 0.02)}" stroke="${c.lace}" stroke-width="${f(0.016 * L)}" stroke-linecap="round"/>`;
  }
  out += `<path d="M${T(0.44, -0.44)} C${T(0.4, -0.5)} ${T(0.33, -0.5)} ${T(0.3, -0.46)} M${T(0.46, -0.43)} C${T(0.48, -0.5)} ${T(0.54, -0.52)} ${T(0.57, -0.48)}" stroke="${c.lace}" stroke-width="${f(0.014 * L)}" fill="none" stroke-linecap="round"/>`;
  return out;
}

function gridShoes(b: BranchId): string {
  const hz = 600;
  const sunX = 760;
  const v = vignette();
  const defs = [
    linU('sky', [[0, '#6d86b8'], [0.45, '#c9a7c7'], [0.78, '#f7b98e'], [1, '#fde2aa']], 0, 0, 0, hz),
    radU('sun', [[0, '#fff7e0', 1], [0.15, '#ffe3a8', 0.9], [1, '#ffc98a', 0]], sunX, hz - 120, 420),
    linU('ground', [[0, '#c99a8a'], [1, '#6f5a66']], 0, hz, 0, S),
    linU('path', [[0, '#f3cdb0'], [1, '#b8968e']], 0, hz, 0, S),
    v.def,
  ].join('');
  let body = `<rect width="${S}" height="${hz}" fill="url(#sky)"/>`;
  body += `<circle cx="${sunX}" cy="${hz - 120}" r="420" fill="url(#sun)"/>`;
  body += `<circle cx="${sunX}" cy="${hz - 120}" r="56" fill="#fff6dc"/>`;
  body += `<g fill="#fff" opacity="0.35"><ellipse cx="280" cy="180" rx="170" ry="14"/><ellipse cx="350" cy="162" rx="80" ry="14"/><ellipse cx="860" cy="300" rx="140" ry="10"/></g>`;
  body += skyline(b, hz, '#8d7f9e', 0.75, 380);
  body += `<rect y="${hz}" width="${S}" height="${S - hz}" fill="url(#ground)"/>`;
  // the path to the horizon, with a lit edge
  body += `<path d="M${sunX - 30} ${hz} L${sunX + 30} ${hz} L${S + 300} ${S} L-100 ${S} Z" fill="url(#path)"/>`;
  body += `<path d="M${sunX - 30} ${hz} L-100 ${S}" stroke="#ffe6c4" stroke-width="6" opacity="0.6"/>`;
  body += `<path d="M${sunX} ${hz} L${sunX + 80} ${S}" stroke="#fff3dc" stroke-width="8" stroke-dasharray="40 50" opacity="0.5"/>`;
  // grass tufts along the edges
  const r = rng(3 + b.length);
  for (let i = 0; i < 22; i++) {
    const gx = r() * S;
    const gy = hz + 10 + r() * 120;
    if (Math.abs(gx - sunX) < (gy - hz) * 1.2 + 60) continue;
    body += `<path d="M${f(gx)} ${f(gy)} l-6 -18 M${f(gx)} ${f(gy)} l3 -22 M${f(gx)} ${f(gy)} l10 -15" stroke="#6b6a5a" stroke-width="3" stroke-linecap="round" opacity="0.35"/>`;
  }
  // sun sparkle on the path
  body += `<ellipse cx="${sunX}" cy="${hz + 60}" rx="260" ry="40" fill="#fff1cf" opacity="0.35" filter="url(#g24)"/>`;
  const c = SHOES[b];
  body += shoe(400, 860, 430, c, false, 0.12);
  body += shoe(130, 960, 500, c, false, 0);
  body += `<rect width="${S}" height="${S}" fill="#ffb070" opacity="0.06"/>`;
  return sq(defs, body + v.use);
}

// camera on a railing, with a landscape ------------------------------------------------------

function landscape(b: BranchId, hz: number): { defs: string; body: string } {
  const r = rng(50 + b.length);
  let defs = '';
  let body = '';
  if (b === 'xihu') {
    defs += linU('lsSky', [[0, '#9fcde6'], [0.7, '#e6f0ee'], [1, '#fbe8cc']], 0, 0, 0, hz);
    defs += linU('lsWater', [[0, '#cfe5e2'], [1, '#84b9b6']], 0, hz, 0, S);
    body += `<rect width="${S}" height="${hz}" fill="url(#lsSky)"/>`;
    body += `<path d="${ridge(r, -20, S + 20, hz - 110, 80, 5)}" fill="#c3d7d6"/>`;
    body += `<path d="${ridge(r, -20, S + 20, hz - 50, 70, 7)}" fill="#9cc0b8"/>`;
    body += `<path d="M520 ${hz} C600 ${hz - 90} 820 ${hz - 90} 900 ${hz} Z" fill="#80ab9c"/>`;
    body += pagoda(710, hz - 70, 220, '#647e7a');
    body += `<rect y="${hz}" width="${S}" height="${S - hz}" fill="url(#lsWater)"/>`;
    for (let i = 0; i < 30; i++) body += `<rect x="${f(r() * S)}" y="${f(hz + 6 + r() * (S - hz))}" width="${f(30 + r() * 80)}" height="3" rx="1.5" fill="#fff" opacity="${f(0.3 + r() * 0.4)}"/>`;
    body += `<path d="M160 ${hz + 120} Q200 ${hz + 140} 260 ${hz + 120} Z" fill="#5f5048"/><path d="M190 ${hz + 120} Q210 ${hz + 96} 232 ${hz + 120} Z" fill="#3f3a37"/>`;
    body += willow(960, -20, 520, 26, 61, '#6fa35b');
    body += `<path d="M860 -10 C900 20 980 10 1090 40" stroke="#5a4a3a" stroke-width="14" fill="none"/>`;
  } else if (b === 'jinjiang') {
    defs += linU('lsSky', [[0, '#8ec3e8'], [0.7, '#dcecf2'], [1, '#f7ead6']], 0, 0, 0, hz);
    defs += linU('lsField', [[0, '#a7cf86'], [1, '#6f9f57']], 0, hz, 0, S);
    body += `<rect width="${S}" height="${hz}" fill="url(#lsSky)"/>`;
    // snow peaks on the horizon (seen from the city on clear mornings)
    const peaks: [number, number, number][] = [[180, 260, 200], [420, 340, 260], [640, 230, 210], [860, 300, 240], [1040, 200, 190]];
    for (const [px, ph, pw] of peaks) {
      body += `<path d="M${px - pw} ${hz - 40} L${px} ${hz - ph} L${px + pw} ${hz - 40} Z" fill="#a9b9cf"/>`;
      body += `<path d="M${px - pw * 0.32} ${f(hz - ph * 0.68)} L${px} ${hz - ph} L${px + pw * 0.32} ${f(hz - ph * 0.68)} L${px + pw * 0.14} ${f(hz - ph * 0.62)} L${px} ${f(hz - ph * 0.7)} L${px - pw * 0.12} ${f(hz - ph * 0.6)} Z" fill="#fbfdff"/>`;
      body += `<path d="M${px} ${hz - ph} L${px + pw} ${hz - 40} L${px + pw * 0.4} ${hz - 40} Z" fill="#8ea2bf" opacity="0.5"/>`;
    }
    body += `<path d="${ridge(r, -20, S + 20, hz - 30, 40, 9)}" fill="#9fc3a6"/>`;
    body += `<rect y="${hz}" width="${S}" height="${S - hz}" fill="url(#lsField)"/>`;
    // rows of tea bushes
    for (let i = 0; i < 8; i++) {
      const yy = hz + 20 + i * i * 9;
      body += `<path d="M-20 ${yy} Q540 ${yy - 16 - i * 3} 1100 ${yy}" stroke="${i % 2 ? '#5f9350' : '#7cb362'}" stroke-width="${10 + i * 4}" fill="none" stroke-linecap="round"/>`;
    }
  } else {
    defs += linU('lsSky', [[0, '#86b9e3'], [0.7, '#d7e8f2'], [1, '#fbe3cf']], 0, 0, 0, hz);
    defs += linU('lsHill', [[0, '#7db38a'], [1, '#4f8a66']], 0, hz - 300, 0, S);
    body += `<rect width="${S}" height="${hz}" fill="url(#lsSky)"/>`;
    body += `<g opacity="0.8">${skyline('tianhe', hz - 10, '#a9bacb', 0.7, 720)}</g>`;
    body += `<rect y="${hz - 10}" width="${S}" height="${S - hz + 10}" fill="#a8c4cf"/>`;
    // Baiyun mountain slopes in the foreground
    body += `<path d="M-20 ${hz + 40} C200 ${hz - 140} 420 ${hz - 90} 560 ${hz + 20} C700 ${hz + 120} 900 ${hz + 40} 1100 ${hz + 80} L1100 ${S} L-20 ${S} Z" fill="url(#lsHill)"/>`;
    for (let i = 0; i < 24; i++) {
      const tx = r() * S;
      const ty = hz + 60 + r() * 240;
      body += `<circle cx="${f(tx)}" cy="${f(ty)}" r="${f(24 + r() * 26)}" fill="${r() < 0.5 ? '#5e9a6e' : '#6fae7c'}"/>`;
    }
  }
  return { defs, body };
}

function camera(cx: number, bottom: number, w: number, body: string, top: string): string {
  const h = w * 0.58;
  const x = cx - w / 2;
  const y = bottom - h;
  let out = `<ellipse cx="${f(cx)}" cy="${f(bottom + 4)}" rx="${f(w * 0.55)}" ry="${f(w * 0.06)}" fill="#2a1a10" opacity="0.35" filter="url(#g10)"/>`;
  // strap
  out += `<path d="M${f(x + 6)} ${f(y + h * 0.2)} C${f(x - w * 0.25)} ${f(y + h * 0.5)} ${f(x - w * 0.1)} ${f(bottom + 20)} ${f(x + w * 0.2)} ${f(bottom + 30)}" stroke="#8a4b35" stroke-width="${f(w * 0.05)}" fill="none" stroke-linecap="round"/>`;
  // top plate, viewfinder hump, dials
  out += `<path d="M${f(cx - w * 0.16)} ${f(y + 4)} L${f(cx - w * 0.11)} ${f(y - h * 0.2)} L${f(cx + w * 0.11)} ${f(y - h * 0.2)} L${f(cx + w * 0.16)} ${f(y + 4)} Z" fill="${top}"/>`;
  out += `<rect x="${f(x + w * 0.08)}" y="${f(y - h * 0.1)}" width="${f(w * 0.14)}" height="${f(h * 0.12)}" rx="4" fill="${shade(top, -0.15)}"/>`;
  out += `<rect x="${f(x + w * 0.74)}" y="${f(y - h * 0.1)}" width="${f(w * 0.1)}" height="${f(h * 0.12)}" rx="4" fill="${shade(top, -0.15)}"/>`;
  out += `<rect x="${f(x + w * 0.62)}" y="${f(y - h * 0.06)}" width="${f(w * 0.07)}" height="${f(h * 0.08)}" rx="3" fill="#d24c3c"/>`;
  out += `<rect x="${f(x)}" y="${f(y)}" width="${f(w)}" height="${f(h * 0.3)}" rx="${f(w * 0.06)}" fill="${top}"/>`;
  out += `<rect x="${f(x)}" y="${f(y + h * 0.22)}" width="${f(w)}" height="${f(h * 0.78)}" rx="${f(w * 0.06)}" fill="${body}"/>`;
  // leatherette texture band and grip
  out += `<rect x="${f(x)}" y="${f(y + h * 0.3)}" width="${f(w)}" height="${f(h * 0.55)}" fill="${shade(body, -0.12)}"/>`;
  out += `<rect x="${f(x)}" y="${f(y + h * 0.22)}" width="${f(w * 0.18)}" height="${f(h * 0.78)}" rx="${f(w * 0.06)}" fill="${shade(body, -0.25)}"/>`;
  out += `<rect x="${f(x + w * 0.03)}" y="${f(y + h * 0.02)}" width="${f(w * 0.94)}" height="${f(h * 0.05)}" rx="3" fill="#fff" opacity="0.35"/>`;
  // lens
  const lx = cx + w * 0.06;
  const ly = y + h * 0.6;
  const R = h * 0.44;
  out += `<circle cx="${f(lx)}" cy="${f(ly + 6)}" r="${f(R)}" fill="#000" opacity="0.25"/>`;
  out += `<circle cx="${f(lx)}" cy="${f(ly)}" r="${f(R)}" fill="#2b2b30"/>`;
  out += `<circle cx="${f(lx)}" cy="${f(ly)}" r="${f(R * 0.88)}" fill="none" stroke="#4a4a52" stroke-width="${f(R * 0.1)}" stroke-dasharray="3 4"/>`;
  out += `<circle cx="${f(lx)}" cy="${f(ly)}" r="${f(R * 0.72)}" fill="#17171b"/>`;
  out += `<circle cx="${f(lx)}" cy="${f(ly)}" r="${f(R * 0.58)}" fill="url(#glass)"/>`;
  out += `<circle cx="${f(lx)}" cy="${f(ly)}" r="${f(R * 0.3)}" fill="#0d0d1a"/>`;
  out += `<path d="M${f(lx - R * 0.42)} ${f(ly - R * 0.12)} A${f(R * 0.45)} ${f(R * 0.45)} 0 0 1 ${f(lx - R * 0.05)} ${f(ly - R * 0.44)}" stroke="#fff" stroke-width="${f(R * 0.07)}" fill="none" stroke-linecap="round" opacity="0.75"/>`;
  out += `<circle cx="${f(lx + R * 0.22)}" cy="${f(ly + R * 0.2)}" r="${f(R * 0.06)}" fill="#fff" opacity="0.5"/>`;
  out += `<circle cx="${f(x + w * 0.86)}" cy="${f(y + h * 0.42)}" r="${f(w * 0.025)}" fill="#f2c14e"/>`;
  return out;
}

function gridCamera(b: BranchId): string {
  const hz = 560;
  const ls = landscape(b, hz);
  const v = vignette();
  const defs = [
    ls.defs,
    radU('glass', [[0, '#6a7fd0'], [0.5, '#2f2f6a'], [1, '#101020']], 470, 600, 120, 440, 560),
    linU('rail', [[0, '#c08a5c'], [1, '#7a5034']], 0, 820, 0, S),
    radU('sunC', [[0, '#fff6dc', 0.9], [1, '#ffe6b8', 0]], 180, 160, 460),
    v.def,
  ].join('');
  let body = ls.body;
  body += `<rect width="${S}" height="${S}" fill="url(#sunC)"/>`;
  // wooden railing in front
  body += `<path d="M0 850 L${S} 810 L${S} ${S} L0 ${S} Z" fill="url(#rail)"/>`;
  body += `<path d="M0 850 L${S} 810 L${S} 826 L0 868 Z" fill="#e2b486"/>`;
  for (let i = 0; i < 5; i++) body += `<path d="M0 ${900 + i * 40} L${S} ${870 + i * 42}" stroke="#6a4028" stroke-width="2" opacity="0.35"/>`;
  body += camera(600, 880, 420, b === 'tianhe' ? '#3b3b42' : '#2f2f34', b === 'jinjiang' ? '#d9dbe0' : b === 'xihu' ? '#c9ccd2' : '#e3d6c6');
  return sq(defs, body + v.use);
}
// a bowl of noodles, from above ---------------------------------------------------------------

function woodTable(id: string, base: string, r: () => number, vertical = false): { def: string; body: string } {
  const def = lin(id, [[0, shade(base, 0.1)], [1, shade(base, -0.1)]], 0, 0, 1, 1);
  let body = `<rect width="${S}" height="${S}" fill="url(#${id})"/>`;
  const n = 6;
  for (let i = 1; i < n; i++) {
    const p = (i * S) / n;
    body += vertical ? `<rect x="${f(p - 2)}" y="0" width="4" height="${S}" fill="#000" opacity="0.12"/>` : `<rect x="0" y="${f(p - 2)}" width="${S}" height="4" fill="#000" opacity="0.12"/>`;
  }
  for (let i = 0; i < 40; i++) {
    const a = r() * S;
    const bb = r() * S;
    const len = 80 + r() * 200;
    body += vertical
      ? `<path d="M${f(a)} ${f(bb)} q${f((r() - 0.5) * 10)} ${f(len / 2)} 0 ${f(len)}" stroke="${shade(base, -0.2)}" stroke-width="2" fill="none" opacity="0.25"/>`
      : `<path d="M${f(a)} ${f(bb)} q${f(len / 2)} ${f((r() - 0.5) * 10)} ${f(len)} 0" stroke="${shade(base, -0.2)}" stroke-width="2" fill="none" opacity="0.25"/>`;
  }
  return { def, body };
}

function noodleStrands(cx: number, cy: number, R: number, r: () => number, dark: string, light: string, n: number, width: number): string {
  // strands lie roughly parallel (as served, combed by chopsticks), each with a gentle wave
  let out = '';
  const base = r() * Math.PI;
  for (let i = 0; i < n; i++) {
    const a = base + (r() - 0.5) * 0.9;
    const off = (r() - 0.5) * R * 2.3;
    const ca = Math.cos(a);
    const sa = Math.sin(a);
    const amp = R * (0.03 + r() * 0.04);
    const freq = 2 + r() * 2;
    const ph = r() * 6.28;
    const pts: string[] = [];
    const steps = 24;
    for (let k = 0; k <= steps; k++) {
      const t = -R * 1.1 + (2.2 * R * k) / steps;
      const wv = Math.sin((k / steps) * freq * 6.28 + ph) * amp;
      pts.push(`${f(cx + ca * t - sa * (off + wv))} ${f(cy + sa * t + ca * (off + wv))}`);
    }
    const d = `M${pts.join(' L')}`;
    out += `<path d="${d}" stroke="${dark}" stroke-width="${f(width + 3)}" fill="none" stroke-linecap="round" stroke-linejoin="round"/>`;
    out += `<path d="${d}" stroke="${light}" stroke-width="${f(width)}" fill="none" stroke-linecap="round" stroke-linejoin="round"/>`;
  }
  return out;
}

function chopsticks(x: number, y: number, len: number, angle: number, color: string): string {
  return `<g transform="rotate(${angle} ${x} ${y})">
    <rect x="${f(x + 6)}" y="${f(y + 14)}" width="${f(len)}" height="14" rx="7" fill="#000" opacity="0.18" filter="url(#g4)"/>
    <path d="M${x} ${f(y - 9)} L${f(x + len)} ${f(y - 5)} L${f(x + len)} ${f(y + 1)} L${x} ${f(y + 5)} Z" fill="${color}"/>
    <path d="M${x} ${f(y + 13)} L${f(x + len)} ${f(y + 13)} L${f(x + len)} ${f(y + 19)} L${x} ${f(y + 23)} Z" fill="${shade(color, -0.08)}"/>
    <rect x="${x}" y="${f(y - 9)}" width="${f(len * 0.25)}" height="14" fill="#000" opacity="0.12"/>
  </g>`;
}

function gridNoodles(b: BranchId): string {
  const r = rng(70 + b.length);
  const cx = 500;
  const cy = 540;
  const R = 360;
  const table = woodTable('wood', b === 'jinjiang' ? '#9a6a48' : b === 'xihu' ? '#c49a72' : '#b98b66', r);
  const broth: Record<BranchId, [string, string]> = { xihu: ['#f0d7a6', '#d9b579'], jinjiang: ['#e2542e', '#b8321c'], tianhe: ['#f5e2b8', '#e0c38a'] };
  const v = vignette('vg', '#2a1608', 0.3);
  const defs = [
    table.def,
    radU('bowl', [[0, '#ffffff'], [0.85, '#f3efe8'], [1, '#d8d2c8']], cx - 60, cy - 60, R * 1.1),
    radU('broth', [[0, broth[b][0]], [1, broth[b][1]]], cx - 40, cy - 40, R * 0.85),
    `<clipPath id="soup"><circle cx="${cx}" cy="${cy}" r="${f(R * 0.8)}"/></clipPath>`,
    radU('light', [[0, '#fff4d8', 0.5], [1, '#fff4d8', 0]], 200, 150, 700),
    v.def,
  ].join('');
  let body = table.body;
  // placemat / cloth
  const mat = b === 'xihu' ? '#e8efe6' : b === 'jinjiang' ? '#f3e3c8' : '#f4e6e0';
  body += `<rect x="90" y="100" width="900" height="880" rx="30" fill="#000" opacity="0.15" filter="url(#g10)"/>`;
  body += `<rect x="80" y="90" width="900" height="880" rx="30" fill="${mat}"/>`;
  body += `<rect x="110" y="120" width="840" height="820" rx="20" fill="none" stroke="${b === 'xihu' ? '#9cc2b6' : b === 'jinjiang' ? '#d9a066' : '#e3a49a'}" stroke-width="4" stroke-dasharray="14 10"/>`;
  // bowl
  body += `<circle cx="${cx + 18}" cy="${cy + 26}" r="${R}" fill="#2a1a10" opacity="0.35" filter="url(#g24)"/>`;
  body += `<circle cx="${cx}" cy="${cy}" r="${R}" fill="url(#bowl)"/>`;
  const rim = b === 'xihu' ? '#2f5f9a' : b === 'jinjiang' ? '#c0392b' : '#3f8f6f';
  body += `<circle cx="${cx}" cy="${cy}" r="${f(R * 0.93)}" fill="none" stroke="${rim}" stroke-width="8"/>`;
  body += `<circle cx="${cx}" cy="${cy}" r="${f(R * 0.87)}" fill="none" stroke="${rim}" stroke-width="3" stroke-dasharray="2 14" stroke-linecap="round"/>`;
  body += `<circle cx="${cx}" cy="${cy}" r="${f(R * 0.81)}" fill="${shade(broth[b][1], -0.2)}"/>`;
  body += `<circle cx="${cx}" cy="${cy}" r="${f(R * 0.8)}" fill="url(#broth)"/>`;
  let soup = '';
  if (b === 'jinjiang') {
    // 担担面: noodles under red oil, minced pork, peanuts, scallion, a leaf of bok choy
    soup += noodleStrands(cx, cy, R * 0.62, r, '#d8b070', '#f4dca0', 36, 12);
    for (let i = 0; i < 40; i++) soup += `<circle cx="${f(cx + (r() - 0.5) * R * 1.4)}" cy="${f(cy + (r() - 0.5) * R * 1.4)}" r="${f(6 + r() * 12)}" fill="#f07a3a" opacity="0.5"/>`;
    for (let i = 0; i < 70; i++) {
      const a = r() * 6.28;
      const d = r() * R * 0.3;
      soup += `<circle cx="${f(cx + 40 + Math.cos(a) * d)}" cy="${f(cy - 30 + Math.sin(a) * d)}" r="${f(5 + r() * 6)}" fill="${r() < 0.5 ? '#7a3a22' : '#9a4e2c'}"/>`;
    }
    for (let i = 0; i < 16; i++) {
      const px = cx - 120 + r() * 120;
      const py = cy + 40 + r() * 120;
      soup += `<ellipse cx="${f(px)}" cy="${f(py)}" rx="11" ry="8" fill="#e9c48e" transform="rotate(${f(r() * 180)} ${f(px)} ${f(py)})"/><path d="M${f(px - 6)} ${f(py)} L${f(px + 6)} ${f(py)}" stroke="#c99a5e" stroke-width="2"/>`;
    }
    soup += `<path d="M${cx - 230} ${cy - 90} C${cx - 180} ${cy - 220} ${cx - 40} ${cy - 230} ${cx - 10} ${cy - 150} C${cx - 60} ${cy - 110} ${cx - 150} ${cy - 70} ${cx - 230} ${cy - 90} Z" fill="#5fa84f"/>`;
    soup += `<path d="M${cx - 220} ${cy - 92} C${cx - 160} ${cy - 130} ${cx - 80} ${cy - 160} ${cx - 20} ${cy - 150}" stroke="#d8f0c0" stroke-width="10" fill="none" stroke-linecap="round"/>`;
  } else if (b === 'xihu') {
    // 片儿川: noodles, sliced pork, bamboo shoots, preserved greens
    soup += noodleStrands(cx, cy, R * 0.65, r, '#e2c690', '#fbf0cf', 46, 13);
    for (let i = 0; i < 6; i++) {
      const a = -0.6 + i * 0.45;
      const px = cx + Math.cos(a) * (140 + r() * 30);
      const py = cy + Math.sin(a) * (140 + r() * 30) - 40;
      const rot = `transform="rotate(${f(a * 57 + 20)} ${f(px)} ${f(py)})"`;
      soup += `<rect x="${f(px - 56)}" y="${f(py - 24)}" width="112" height="48" rx="12" fill="#ead2bf" stroke="#cfa68c" stroke-width="4" ${rot}/>`;
      soup += `<rect x="${f(px - 40)}" y="${f(py - 12)}" width="70" height="8" rx="4" fill="#f4d8c8" ${rot}/>`;
    }
    for (let i = 0; i < 8; i++) {
      const px = cx - 150 + r() * 140;
      const py = cy + 20 + r() * 160;
      soup += `<rect x="${f(px - 30)}" y="${f(py - 10)}" width="60" height="20" rx="5" fill="#f3e3a8" stroke="#dcc47e" stroke-width="2" transform="rotate(${f(r() * 180)} ${f(px)} ${f(py)})"/>`;
    }
    for (let i = 0; i < 60; i++) {
      const px = cx - 60 + (r() - 0.5) * 260;
      const py = cy - 120 + (r() - 0.5) * 140;
      soup += `<rect x="${f(px)}" y="${f(py)}" width="${f(8 + r() * 10)}" height="6" rx="3" fill="${r() < 0.5 ? '#4f6b2f' : '#6b8a3a'}" transform="rotate(${f(r() * 180)} ${f(px)} ${f(py)})"/>`;
    }
  } else {
    // 云吞面: thin egg noodles, wontons, chives
    soup += noodleStrands(cx, cy, R * 0.65, r, '#d9b04a', '#f5d67a', 70, 7);
    const wontons: [number, number][] = [[-110, -120], [90, -140], [150, 40], [-40, 120], [-170, 40]];
    for (const [dx, dy] of wontons) {
      const wx = cx + dx;
      const wy = cy + dy;
      const rot = r() * 360;
      let w = `<ellipse cx="${f(wx + 6)}" cy="${f(wy + 10)}" rx="70" ry="56" fill="#000" opacity="0.1"/>`;
      // frilly wrapper: overlapping lobes, the filling showing through, a few folds
      for (const [ox, oy, rr] of [[-40, 10, 40], [-10, -30, 42], [34, -18, 40], [40, 24, 36], [0, 34, 40], [-30, -8, 36]] as const) w += `<circle cx="${f(wx + ox)}" cy="${f(wy + oy)}" r="${rr}" fill="#f8efdc" opacity="0.93"/>`;
      w += `<ellipse cx="${f(wx)}" cy="${f(wy)}" rx="30" ry="24" fill="#e0a88e" opacity="0.55" filter="url(#g4)"/>`;
      w += `<path d="M${f(wx - 62)} ${f(wy + 6)} q16 -12 30 -4 M${f(wx - 20)} ${f(wy - 58)} q10 16 4 30 M${f(wx + 56)} ${f(wy - 30)} q-16 6 -28 -2 M${f(wx + 10)} ${f(wy + 62)} q-4 -16 6 -28" stroke="#e4d2b0" stroke-width="4" fill="none" stroke-linecap="round"/>`;
      soup += `<g transform="rotate(${f(rot)} ${f(wx)} ${f(wy)})">${w}</g>`;
    }
    for (let i = 0; i < 40; i++) {
      const px = cx + (r() - 0.5) * 420;
      const py = cy + (r() - 0.5) * 420;
      soup += `<rect x="${f(px)}" y="${f(py)}" width="${f(10 + r() * 8)}" height="6" rx="3" fill="${r() < 0.5 ? '#4f9a3f' : '#7cc05a'}" transform="rotate(${f(r() * 180)} ${f(px)} ${f(py)})"/>`;
    }
  }
  body += `<g clip-path="url(#soup)">${soup}<circle cx="${cx - 110}" cy="${cy - 130}" r="60" fill="#fff" opacity="0.12"/></g>`;
  body += `<path d="M${f(cx - R * 0.82)} ${f(cy - R * 0.2)} A${f(R * 0.84)} ${f(R * 0.84)} 0 0 1 ${f(cx - R * 0.2)} ${f(cy - R * 0.82)}" stroke="#fff" stroke-width="10" fill="none" opacity="0.6" stroke-linecap="round"/>`;
  // chopsticks and a little side dish
  body += chopsticks(690, 900, 560, -62, b === 'jinjiang' ? '#3a2a24' : '#d9b07a');
  const dx = 900;
  const dy = 210;
  body += `<circle cx="${dx + 8}" cy="${dy + 12}" r="95" fill="#000" opacity="0.2" filter="url(#g10)"/><circle cx="${dx}" cy="${dy}" r="95" fill="#fbf8f2"/><circle cx="${dx}" cy="${dy}" r="78" fill="none" stroke="${rim}" stroke-width="4"/>`;
  if (b === 'jinjiang') {
    for (let i = 0; i < 14; i++) body += `<ellipse cx="${f(dx + (r() - 0.5) * 100)}" cy="${f(dy + (r() - 0.5) * 100)}" rx="14" ry="9" fill="#d9a05e"/>`;
  } else if (b === 'xihu') {
    body += `<circle cx="${dx}" cy="${dy}" r="60" fill="#6b3a22"/><circle cx="${dx - 18}" cy="${dy - 18}" r="12" fill="#fff" opacity="0.35"/>`;
  } else {
    // choy sum: stalks with leaves, and a drizzle of oyster sauce
    for (let i = 0; i < 4; i++) {
      const yy = dy - 36 + i * 22;
      body += `<rect x="${dx - 64}" y="${yy - 5}" width="80" height="10" rx="5" fill="#a9d67a"/><path d="M${dx + 6} ${yy} q30 -26 62 -6 q-20 30 -62 6 Z" fill="${i % 2 ? '#4f9a3f' : '#5fae4a'}"/>`;
    }
    body += `<path d="M${dx - 50} ${dy - 30} q40 20 20 50 q-20 20 30 34" stroke="#6a3a1e" stroke-width="6" fill="none" stroke-linecap="round" opacity="0.8"/>`;
  }
  body += `<rect width="${S}" height="${S}" fill="url(#light)"/>`;
  return sq(defs, body + v.use);
}

// the morning cup ------------------------------------------------------------------------------

function steam(x: number, y: number, h: number, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) {
    const sx = x + (i - (n - 1) / 2) * 36;
    out += `<path d="M${f(sx)} ${f(y)} C${f(sx - 24)} ${f(y - h * 0.3)} ${f(sx + 24)} ${f(y - h * 0.6)} ${f(sx)} ${f(y - h)}" stroke="#fff" stroke-width="12" fill="none" stroke-linecap="round" opacity="0.45" filter="url(#g4)"/>`;
  }
  return out;
}

function bokeh(r: () => number, n: number, colors: string[], yMax = S): string {
  let out = '';
  for (let i = 0; i < n; i++) {
    out += `<circle cx="${f(r() * S)}" cy="${f(r() * yMax)}" r="${f(30 + r() * 70)}" fill="${colors[i % colors.length]}" opacity="${f(0.15 + r() * 0.25)}"/>`;
  }
  return out;
}

function gridCup(b: BranchId): string {
  const r = rng(90 + b.length);
  const v = vignette();
  if (b === 'tianhe') {
    // latte with a heart, and an egg tart, on marble, from above
    const cx = 470;
    const cy = 520;
    const defs = [
      lin('marble', [[0, '#f7f3ef'], [1, '#e6dfd8']], 0, 0, 1, 1),
      radU('crema', [[0, '#e8c9a0'], [0.7, '#c98f5a'], [1, '#8a5530']], cx, cy, 190),
      radU('tart', [[0, '#ffd95a'], [0.7, '#f6b93b'], [1, '#b8702a']], 830, 830, 130),
      v.def,
    ].join('');
    let body = `<rect width="${S}" height="${S}" fill="url(#marble)"/>`;
    for (let i = 0; i < 9; i++) {
      const y0 = r() * S;
      body += `<path d="M-20 ${f(y0)} C300 ${f(y0 + (r() - 0.5) * 300)} 700 ${f(y0 + (r() - 0.5) * 300)} 1100 ${f(y0 + (r() - 0.5) * 200)}" stroke="#c9bfb5" stroke-width="${f(1 + r() * 3)}" fill="none" opacity="0.5"/>`;
    }
    // saucer, cup, handle
    body += `<circle cx="${cx + 20}" cy="${cy + 28}" r="300" fill="#3a2a20" opacity="0.22" filter="url(#g24)"/>`;
    body += `<circle cx="${cx}" cy="${cy}" r="300" fill="#f0ebe6"/><circle cx="${cx}" cy="${cy}" r="250" fill="#e6e0da"/>`;
    body += `<rect x="${cx + 190}" y="${cy - 40}" width="150" height="80" rx="40" fill="#2f7a8a"/><rect x="${cx + 210}" y="${cy - 18}" width="100" height="36" rx="18" fill="#e6e0da"/>`;
    body += `<circle cx="${cx + 10}" cy="${cy + 14}" r="215" fill="#000" opacity="0.15" filter="url(#g10)"/>`;
    body += `<circle cx="${cx}" cy="${cy}" r="215" fill="#2f7a8a"/><circle cx="${cx}" cy="${cy}" r="185" fill="#f5efe8"/>`;
    body += `<circle cx="${cx}" cy="${cy}" r="170" fill="url(#crema)"/>`;
    // latte art heart (layered)
    body += `<path d="M${cx} ${cy + 110} C${cx - 170} ${cy + 10} ${cx - 110} ${cy - 120} ${cx} ${cy - 50} C${cx + 110} ${cy - 120} ${cx + 170} ${cy + 10} ${cx} ${cy + 110} Z" fill="#fbf3e6"/>`;
    body += `<path d="M${cx} ${cy + 70} C${cx - 100} ${cy + 10} ${cx - 70} ${cy - 70} ${cx} ${cy - 25} C${cx + 70} ${cy - 70} ${cx + 100} ${cy + 10} ${cx} ${cy + 70} Z" fill="#d8a878"/>`;
    body += `<path d="M${cx} ${cy + 40} C${cx - 50} ${cy + 10} ${cx - 40} ${cy - 30} ${cx} ${cy - 8} C${cx + 40} ${cy - 30} ${cx + 50} ${cy + 10} ${cx} ${cy + 40} Z" fill="#fbf3e6"/>`;
    body += `<path d="M${cx} ${cy - 130} L${cx} ${cy + 120}" stroke="#fbf3e6" stroke-width="5"/>`;
    // egg tart on a small plate
    body += `<circle cx="840" cy="850" r="165" fill="#3a2a20" opacity="0.2" filter="url(#g24)"/><circle cx="830" cy="840" r="165" fill="#ffffff"/><circle cx="830" cy="840" r="145" fill="none" stroke="#e9786a" stroke-width="4"/>`;
    body += `<circle cx="830" cy="830" r="112" fill="#d89a4a"/>`;
    for (let i = 0; i < 24; i++) {
      const a = (i * Math.PI * 2) / 24;
      body += `<circle cx="${f(830 + Math.cos(a) * 106)}" cy="${f(830 + Math.sin(a) * 106)}" r="12" fill="#e8b46a"/>`;
    }
    body += `<circle cx="830" cy="830" r="90" fill="url(#tart)"/>`;
    for (let i = 0; i < 5; i++) body += `<ellipse cx="${f(800 + r() * 60)}" cy="${f(800 + r() * 60)}" rx="${f(10 + r() * 12)}" ry="${f(7 + r() * 8)}" fill="#9a5a1e" opacity="0.7"/>`;
    // spoon and a sprig
    body += `<g transform="rotate(-35 820 250)"><rect x="700" y="240" width="240" height="18" rx="9" fill="#c9ccd2"/><ellipse cx="690" cy="249" rx="46" ry="30" fill="#d9dce1"/></g>`;
    body += `<g transform="rotate(20 180 880)">${[0, 1, 2, 3].map((i) => `<ellipse cx="${130 + i * 40}" cy="${880 + (i % 2 ? 18 : -18)}" rx="34" ry="16" fill="#6aa36a"/>`).join('')}<path d="M100 880 L290 880" stroke="#4f7f4f" stroke-width="4"/></g>`;
    body += `<rect width="${S}" height="${S}" fill="#fff1dc" opacity="0.12"/>`;
    return sq(defs, body + v.use);
  }
  if (b === 'xihu') {
    // a glass of Longjing tea by the window, leaves standing in the glass
    const cx = 520;
    const defs = [
      linU('bgT', [[0, '#dcebdc'], [0.6, '#f5eedc'], [1, '#e9d9c0']], 0, 0, 0, S),
      linU('tea', [[0, '#d9e8a0', 0.75], [1, '#a9c86a', 0.9]], 0, 420, 0, 900),
      linU('glassG', [[0, '#ffffff', 0.55], [0.2, '#ffffff', 0.1], [0.8, '#ffffff', 0.1], [1, '#ffffff', 0.5]], cx - 170, 0, cx + 170, 0),
      linU('tbl', [[0, '#b98a60'], [1, '#8a5e3e']], 0, 840, 0, S),
      v.def,
    ].join('');
    let body = `<rect width="${S}" height="${S}" fill="url(#bgT)"/>`;
    body += bokeh(r, 14, ['#ffffff', '#bfe0b0', '#ffe6b0']);
    body += willow(880, -20, 500, 16, 91, '#9cc48a');
    body += `<rect y="860" width="${S}" height="${S - 860}" fill="url(#tbl)"/><rect y="856" width="${S}" height="10" fill="#d5a878"/>`;
    body += `<ellipse cx="${cx + 20}" cy="915" rx="210" ry="26" fill="#3a2a1a" opacity="0.3" filter="url(#g10)"/>`;
    // glass: slightly tapered
    const top = 300;
    const bot = 900;
    body += `<path d="M${cx - 160} ${top} L${cx + 160} ${top} L${cx + 140} ${bot} Q${cx} ${bot + 16} ${cx - 140} ${bot} Z" fill="#ffffff" opacity="0.25"/>`;
    body += `<path d="M${cx - 154} 430 L${cx + 154} 430 L${cx + 140} ${bot - 8} Q${cx} ${bot + 8} ${cx - 140} ${bot - 8} Z" fill="url(#tea)"/>`;
    body += `<ellipse cx="${cx}" cy="430" rx="154" ry="16" fill="#e6f0b8" opacity="0.9"/>`;
    // tea leaves: buds standing and floating
    for (let i = 0; i < 16; i++) {
      const lx = cx - 120 + r() * 240;
      const ly = 470 + r() * 390;
      const rot = -30 + r() * 60 + (i % 2 ? 90 : 0) * (ly < 520 ? 1 : 0);
      body += `<ellipse cx="${f(lx)}" cy="${f(ly)}" rx="9" ry="30" fill="${r() < 0.5 ? '#6f9a3a' : '#88b04a'}" transform="rotate(${f(rot)} ${f(lx)} ${f(ly)})"/>`;
    }
    for (let i = 0; i < 6; i++) body += `<ellipse cx="${f(cx - 100 + r() * 200)}" cy="${f(428 + r() * 6)}" rx="28" ry="7" fill="#7da43f"/>`;
    body += `<path d="M${cx - 160} ${top} L${cx + 160} ${top} L${cx + 140} ${bot} Q${cx} ${bot + 16} ${cx - 140} ${bot} Z" fill="url(#glassG)" stroke="#ffffff" stroke-width="4" stroke-opacity="0.8"/>`;
    body += `<ellipse cx="${cx}" cy="${top}" rx="160" ry="18" fill="none" stroke="#ffffff" stroke-width="5" opacity="0.9"/>`;
    body += `<path d="M${cx - 128} ${top + 40} L${cx - 112} ${bot - 40}" stroke="#fff" stroke-width="14" opacity="0.45" stroke-linecap="round"/>`;
    body += steam(cx, top - 20, 180, 3);
    // a few dry leaves on a little dish and a book
    body += `<ellipse cx="850" cy="910" rx="120" ry="30" fill="#f2ece0"/><ellipse cx="850" cy="904" rx="96" ry="20" fill="#e2d8c6"/>`;
    for (let i = 0; i < 9; i++) body += `<ellipse cx="${f(800 + r() * 100)}" cy="${f(898 + r() * 10)}" rx="16" ry="5" fill="#7a8f3a" transform="rotate(${f((r() - 0.5) * 60)} 850 904)"/>`;
    body += `<rect x="60" y="890" width="300" height="50" rx="6" fill="#2f6f6a"/><rect x="70" y="900" width="286" height="30" fill="#f7f1e4"/><rect x="90" y="870" width="260" height="26" rx="4" fill="#e3925a"/>`;
    return sq(defs, body + v.use);
  }
  // jinjiang: a gaiwan (covered tea bowl) on a bamboo table in a teahouse
  const cx = 480;
  const defs = [
    linU('bgJ', [[0, '#f4e3c8'], [1, '#e6c9a2']], 0, 0, 0, S),
    linU('bambooTbl', [[0, '#d9b77a'], [1, '#b38a50']], 0, 780, 0, S),
    lin('porc', [[0, '#ffffff'], [1, '#e9e4da']], 0, 0, 1, 0),
    radU('teaJ', [[0, '#e0b85a'], [1, '#b8862e']], 480, 600, 180),
    v.def,
  ].join('');
  let body = `<rect width="${S}" height="${S}" fill="url(#bgJ)"/>`;
  // blurred teahouse background: bamboo chairs, lattice window, lanterns
  let bg = '';
  bg += `<rect x="620" y="80" width="380" height="420" fill="#fbf3e2"/>`;
  for (let i = 0; i <= 6; i++) bg += `<rect x="${620 + i * 63}" y="80" width="8" height="420" fill="#8a5a3c"/><rect x="620" y="${80 + i * 70}" width="380" height="8" fill="#8a5a3c"/>`;
  bg += bamboo(660, 520, 420, 18, 3, '#7fb062') + bamboo(960, 520, 420, 18, 4, '#6a9f55');
  bg += `<ellipse cx="220" cy="220" rx="60" ry="70" fill="#e0503c"/><ellipse cx="380" cy="160" rx="50" ry="60" fill="#e0503c"/>`;
  bg += `<path d="M80 780 L120 480 Q200 430 280 480 L320 780 Z" fill="#c99a5a"/><path d="M120 480 Q200 430 280 480" stroke="#a8783e" stroke-width="20" fill="none"/>`;
  body += `<g filter="url(#g10)" opacity="0.7">${bg}</g>`;
  body += `<rect y="780" width="${S}" height="${S - 780}" fill="url(#bambooTbl)"/>`;
  for (let i = 0; i < 9; i++) body += `<rect x="${i * 125}" y="780" width="6" height="${S - 780}" fill="#8a6a3a" opacity="0.4"/>`;
  body += `<rect y="776" width="${S}" height="10" fill="#e8cc94"/>`;
  // saucer
  body += `<ellipse cx="${cx + 10}" cy="880" rx="260" ry="50" fill="#3a2a1a" opacity="0.3" filter="url(#g10)"/>`;
  body += `<ellipse cx="${cx}" cy="860" rx="250" ry="48" fill="#f3efe7"/><ellipse cx="${cx}" cy="850" rx="210" ry="34" fill="#e6dfd2"/>`;
  // bowl
  body += `<path d="M${cx - 190} 600 C${cx - 180} 760 ${cx - 90} 840 ${cx} 840 C${cx + 90} 840 ${cx + 180} 760 ${cx + 190} 600 Z" fill="url(#porc)"/>`;
  body += `<path d="M${cx - 150} 700 C${cx - 60} 740 ${cx + 60} 740 ${cx + 150} 700" stroke="#2f5f9a" stroke-width="6" fill="none"/>`;
  for (let i = 0; i < 5; i++) body += `<circle cx="${cx - 100 + i * 50}" cy="${760 + (i % 2) * 8}" r="9" fill="none" stroke="#2f5f9a" stroke-width="4"/>`;
  body += `<path d="M${cx - 70} 842 L${cx + 70} 842 L${cx + 60} 856 L${cx - 60} 856 Z" fill="#e6dfd2"/>`;
  // tea in the bowl, being topped up from the kettle's long spout
  body += `<ellipse cx="${cx}" cy="602" rx="188" ry="26" fill="#f7f4ee"/><ellipse cx="${cx}" cy="606" rx="172" ry="20" fill="url(#teaJ)"/>`;
  for (let i = 0; i < 5; i++) body += `<ellipse cx="${f(cx - 100 + r() * 200)}" cy="${f(602 + r() * 10)}" rx="22" ry="6" fill="#7a9a3a" opacity="0.8"/>`;
  body += `<path d="M${cx - 150} 640 C${cx - 140} 720 ${cx - 100} 780 ${cx - 60} 810" stroke="#fff" stroke-width="14" fill="none" opacity="0.7" stroke-linecap="round"/>`;
  body += steam(cx - 60, 560, 220, 2);
  // the lid rests on the table, to the left
  body += `<g transform="translate(-330 330) scale(1)"><ellipse cx="${cx + 10}" cy="612" rx="150" ry="16" fill="#3a2a1a" opacity="0.25" filter="url(#g4)"/><ellipse cx="${cx}" cy="600" rx="150" ry="22" fill="#f7f4ee"/><path d="M${cx - 128} 598 C${cx - 112} 540 ${cx + 112} 540 ${cx + 128} 598 Z" fill="url(#porc)"/><path d="M${cx - 90} 568 C${cx - 30} 582 ${cx + 30} 582 ${cx + 90} 568" stroke="#2f5f9a" stroke-width="4" fill="none"/><path d="M${cx - 24} 548 L${cx - 18} 530 L${cx + 18} 530 L${cx + 24} 548 Z" fill="#ece6da"/><ellipse cx="${cx}" cy="530" rx="18" ry="6" fill="#fff"/></g>`;
  // the long-spout copper kettle of Chengdu teahouses, held up on the right, pouring
  const tipX = cx + 40;
  const tipY = 400;
  // where the spout's tip ends up once the kettle is tilted by -14° about (920, 560)
  const th = (-14 * Math.PI) / 180;
  const [lx, ly] = [tipX + 15 - 920, tipY - 28 - 560];
  const sx = 920 + lx * Math.cos(th) - ly * Math.sin(th);
  const sy = 560 + lx * Math.sin(th) + ly * Math.cos(th);
  body += `<path d="M${f(sx)} ${f(sy)} Q${f(sx - 16)} ${f((sy + 600) / 2)} ${cx + 20} 600" stroke="#c98a3a" stroke-width="7" fill="none" opacity="0.85" stroke-linecap="round"/>`;
  body += `<path d="M${cx + 20} 600 m-20 4 q20 -14 40 0" stroke="#fff" stroke-width="4" fill="none" opacity="0.6"/>`;
  body += `<g transform="rotate(-14 920 560)">`;
  body += `<path d="M830 630 C760 600 680 560 ${tipX + 20} ${tipY - 36} L${tipX + 10} ${tipY - 20} C680 580 760 620 826 660 Z" fill="#b86a30"/>`;
  body += `<path d="M780 470 C760 570 780 670 840 710 L980 710 C1040 670 1060 570 1040 470 Z" fill="#c7793c"/><path d="M800 470 L1020 470 L1000 440 L820 440 Z" fill="#a95f2a"/><ellipse cx="910" cy="430" rx="40" ry="14" fill="#8a4b20"/>`;
  body += `<path d="M810 510 C800 590 820 650 850 690" stroke="#f2b27a" stroke-width="16" fill="none" opacity="0.5" stroke-linecap="round"/>`;
  body += `<path d="M1040 510 C1100 530 1100 630 1040 650" stroke="#8a4b20" stroke-width="16" fill="none"/>`;
  body += `</g>`;
  body += `<rect x="1064" y="450" width="60" height="170" rx="12" fill="#3b3f46"/><rect x="1052" y="470" width="22" height="130" rx="6" fill="#fffaf2"/><rect x="1000" y="492" width="84" height="88" rx="38" fill="${SKIN[1]}"/><path d="M1010 520 q20 -6 40 0 M1008 546 q22 -6 44 0" stroke="${shade(SKIN[1]!, -0.15)}" stroke-width="4" fill="none" stroke-linecap="round"/>`;
  // peanuts in a little dish
  body += `<ellipse cx="880" cy="960" rx="120" ry="30" fill="#f3efe7"/>`;
  for (let i = 0; i < 12; i++) body += `<ellipse cx="${f(820 + r() * 120)}" cy="${f(948 + r() * 16)}" rx="14" ry="9" fill="#d9a05e"/>`;
  body += `<rect width="${S}" height="${S}" fill="#ffd9a0" opacity="0.08"/>`;
  return sq(defs, body + v.use);
}
// a street in the morning, one-point perspective ------------------------------------------------

interface Proj {
  (X: number, Y: number, z: number): string;
}

function gridStreet(b: BranchId): string {
  const r = rng(120 + b.length);
  const vx = 540;
  const vy = b === 'tianhe' ? 620 : 600;
  const k = 520;
  const g = 1.7; // eye height above the ground
  const P3: Proj = (X, Y, z) => `${f(vx + (X * k) / z)} ${f(vy + (Y * k) / z)}`;
  const quad = (a: string, bb: string, c: string, d: string, fill: string, extra = ''): string => `<path d="M${a} L${bb} L${c} L${d} Z" fill="${fill}"${extra}/>`;
  const v = vignette();
  const sky: Record<BranchId, Stop[]> = {
    xihu: [[0, '#9fd0ea'], [0.7, '#e8f1ee'], [1, '#fde6c6']],
    jinjiang: [[0, '#a9d2ea'], [0.7, '#eef0e4'], [1, '#fbe4c4']],
    tianhe: [[0, '#7fb5e4'], [0.7, '#dce9f2'], [1, '#fde0c4']],
  };
  const defs = [linU('sky', sky[b], 0, 0, 0, vy), linU('road', [[0, b === 'tianhe' ? '#9a9aa2' : '#cfc6b8'], [1, b === 'tianhe' ? '#6a6a74' : '#a89d8e']], 0, vy, 0, S), v.def].join('');
  let body = `<rect width="${S}" height="${S}" fill="url(#sky)"/>`;
  body += `<circle cx="${vx + 40}" cy="${vy - 60}" r="260" fill="#fff3d6" opacity="0.5" filter="url(#g50)"/>`;
  // the vista at the end of the street
  if (b === 'xihu') {
    body += `<path d="${ridge(r, -20, S + 20, vy - 40, 40, 6)}" fill="#a9c9c2"/>`;
    body += pagoda(vx + 30, vy - 20, 120, '#7d9892');
  } else if (b === 'jinjiang') {
    body += `<path d="${ridge(r, -20, S + 20, vy - 20, 30, 6)}" fill="#b9cfc0"/>`;
  } else {
    body += `<g opacity="0.75">${skyline('tianhe', vy + 10, '#a7b7ca', 0.55, vx - 30)}</g>`;
  }
  // ground
  body += `<path d="M0 ${vy} L${S} ${vy} L${S} ${S} L0 ${S} Z" fill="url(#road)"/>`;
  // sidewalks
  const sw = b === 'tianhe' ? '#d9cfc4' : '#e6dccb';
  body += quad(P3(-4, g, 0.6), P3(-4, g, 60), P3(-9, g, 60), P3(-9, g, 0.6), sw);
  body += quad(P3(4, g, 0.6), P3(4, g, 60), P3(9, g, 60), P3(9, g, 0.6), sw);
  if (b === 'tianhe') {
    for (let z = 1.2; z < 60; z += 5) body += quad(P3(-0.12, g, z), P3(0.12, g, z), P3(0.12, g, z + 2.2), P3(-0.12, g, z + 2.2), '#fff7e6');
    body += quad(P3(-3.9, g, 0.6), P3(-3.75, g, 0.6), P3(-3.75, g, 60), P3(-3.9, g, 60), '#f6f1e6');
    body += quad(P3(3.9, g, 0.6), P3(3.75, g, 0.6), P3(3.75, g, 60), P3(3.9, g, 60), '#f6f1e6');
  } else {
    // stone slab joints
    for (let z = 1; z < 60; z *= 1.22) body += `<path d="M${P3(-4, g, z)} L${P3(4, g, z)}" stroke="#8f8576" stroke-width="${f(Math.max(1, 3 / z))}" opacity="0.35"/>`;
    for (const X of [-2.7, -1.35, 0, 1.35, 2.7]) body += `<path d="M${P3(X, g, 0.8)} L${P3(X, g, 60)}" stroke="#8f8576" stroke-width="2" opacity="0.3"/>`;
  }
  // objects sorted far to near
  // buildings first (far to near), then everything between the kerbs and the facades
  type Obj = { z: number; svg: string; layer: number };
  const objs: Obj[] = [];
  const blocks = (side: -1 | 1): void => {
    let z = 1.5;
    let i = 0;
    while (z < 55) {
      const len = b === 'tianhe' ? 7 + r() * 6 : 4 + r() * 4;
      const h = b === 'tianhe' ? 18 + r() * 40 : b === 'xihu' ? 6.5 + r() * 2.5 : 5.5 + r() * 2;
      const X = side * 9;
      const z1 = z;
      const z2 = z + len;
      const top = g - h;
      let wallC: string;
      if (b === 'xihu') wallC = ['#fbf8f1', '#f4efe4', '#f8f3ea'][i % 3]!;
      else if (b === 'jinjiang') wallC = ['#9a958f', '#a8a29a', '#8e8983'][i % 3]!;
      else wallC = ['#8fb0cf', '#a9c0d6', '#7d9dbf', '#b7c8d8'][i % 4]!;
      const lit = side === -1 ? shade(wallC, 0.08) : shade(wallC, -0.08);
      let s = '';
      // front face (towards the viewer) and the side facade along the street
      s += quad(P3(X, g, z1), P3(X, top, z1), P3(X + side * 12, top, z1), P3(X + side * 12, g, z1), shade(wallC, -0.15));
      s += quad(P3(X, g, z1), P3(X, top, z1), P3(X, top, z2), P3(X, g, z2), lit);
      if (b === 'tianhe') {
        // curtain wall: mullion lines and floor bands
        for (let yy = g - 3; yy > top; yy -= 3) s += `<path d="M${P3(X, yy, z1)} L${P3(X, yy, z2)}" stroke="#fff" stroke-width="${f(Math.max(1, 6 / z1))}" opacity="0.35"/>`;
        for (let zz = z1 + 1.5; zz < z2; zz += 1.5) s += `<path d="M${P3(X, g - 3, zz)} L${P3(X, top, zz)}" stroke="#2f4a6a" stroke-width="${f(Math.max(1, 5 / zz))}" opacity="0.25"/>`;
        s += quad(P3(X, g, z1), P3(X, g - 3, z1), P3(X, g - 3, z2), P3(X, g, z2), '#e9e2d6');
        s += quad(P3(X, g - 0.3, z1 + 0.8), P3(X, g - 2.5, z1 + 0.8), P3(X, g - 2.5, z2 - 0.8), P3(X, g - 0.3, z2 - 0.8), '#5f7f9a');
      } else {
        const winC = b === 'xihu' ? '#7a5a42' : '#6a3a2a';
        // ground floor: a door and a window; upper floor: lattice windows
        const zd = z1 + len * 0.25;
        s += quad(P3(X, g, zd), P3(X, g - 2.4, zd), P3(X, g - 2.4, zd + 1.4), P3(X, g, zd + 1.4), b === 'xihu' ? '#8a5a3a' : '#8a3a2a');
        const zw = z1 + len * 0.62;
        s += quad(P3(X, g - 0.9, zw), P3(X, g - 2.3, zw), P3(X, g - 2.3, zw + 1.3), P3(X, g - 0.9, zw + 1.3), winC);
        if (h > 6) {
          for (const zz of [z1 + len * 0.2, z1 + len * 0.6]) {
            s += quad(P3(X, g - 3.8, zz), P3(X, g - 5.2, zz), P3(X, g - 5.2, zz + 1.3), P3(X, g - 3.8, zz + 1.3), winC);
            s += `<path d="M${P3(X, g - 4.5, zz)} L${P3(X, g - 4.5, zz + 1.3)}" stroke="#e9d9c0" stroke-width="${f(Math.max(1, 4 / zz))}"/>`;
          }
        }
        if (b === 'jinjiang') {
          for (let yy = g - 0.5; yy > top; yy -= 0.5) s += `<path d="M${P3(X, yy, z1)} L${P3(X, yy, z2)}" stroke="#6f6a64" stroke-width="${f(Math.max(0.6, 2 / z1))}" opacity="0.35"/>`;
        }
        // tiled eave
        const eave = '#4a4d52';
        s += quad(P3(X - side * 0.9, top + 0.7, z1), P3(X, top - 0.5, z1), P3(X, top - 0.5, z2), P3(X - side * 0.9, top + 0.7, z2), eave);
        s += quad(P3(X - side * 0.9, top + 0.7, z1), P3(X - side * 0.9, top + 0.9, z1), P3(X - side * 0.9, top + 0.9, z2), P3(X - side * 0.9, top + 0.7, z2), shade(eave, 0.3));
        s += quad(P3(X, top - 0.5, z1), P3(X + side * 12, top - 0.5, z1), P3(X + side * 12, top + 0.7, z1), P3(X - side * 0.9, top + 0.7, z1), shade(eave, -0.2));
      }
      objs.push({ z: z1 + 0.001, svg: s, layer: 0 });
      z = z2;
      i++;
    }
  };
  blocks(-1);
  blocks(1);
  // trees and lamp posts along the kerbs
  for (const side of [-1, 1] as const) {
    for (let z = (b === 'tianhe' ? 4.5 : 2.5) + (side === 1 ? 3 : 0); z < 50; z += 7) {
      const X = side * 5;
      const [tx, ty] = P3(X, g, z).split(' ').map(Number) as [number, number];
      const sc = k / z;
      let t = '';
      if (b === 'tianhe' && (Math.round(z) % 2 === 0)) {
        // palm
        t += `<path d="M${f(tx)} ${f(ty)} Q${f(tx + side * 0.3 * sc)} ${f(ty - 3 * sc)} ${f(tx + side * 0.1 * sc)} ${f(ty - 6 * sc)}" stroke="#8a6a4a" stroke-width="${f(0.25 * sc)}" fill="none"/>`;
        for (let a = 0; a < 7; a++) {
          const ang = -160 + a * 26;
          const rad = (ang * Math.PI) / 180;
          const cx0 = tx + side * 0.1 * sc;
          const cy0 = ty - 6 * sc;
          t += `<path d="M${f(cx0)} ${f(cy0)} Q${f(cx0 + Math.cos(rad) * 1.4 * sc)} ${f(cy0 + Math.sin(rad) * 1.4 * sc - 0.5 * sc)} ${f(cx0 + Math.cos(rad) * 2.4 * sc)} ${f(cy0 + Math.sin(rad) * 2.2 * sc + 0.6 * sc)}" stroke="#4f9a5a" stroke-width="${f(0.35 * sc)}" fill="none" stroke-linecap="round"/>`;
        }
      } else {
        const canopy: [string, string] = b === 'xihu' ? ['#8fbf5a', '#a6cf6a'] : b === 'jinjiang' ? ['#e8c34a', '#f2d36a'] : ['#5f9f5a', '#7ab86a'];
        t += `<rect x="${f(tx - 0.12 * sc)}" y="${f(ty - 3 * sc)}" width="${f(0.24 * sc)}" height="${f(3 * sc)}" fill="#7a5a44"/>`;
        t += `<circle cx="${f(tx)}" cy="${f(ty - 4.2 * sc)}" r="${f(1.9 * sc)}" fill="${canopy[0]}"/>`;
        t += `<circle cx="${f(tx - side * 0.6 * sc)}" cy="${f(ty - 4.8 * sc)}" r="${f(1.2 * sc)}" fill="${canopy[1]}"/>`;
        t += `<circle cx="${f(tx + side * 0.8 * sc)}" cy="${f(ty - 3.8 * sc)}" r="${f(1.1 * sc)}" fill="${shade(canopy[0], -0.1)}"/>`;
      }
      objs.push({ z, svg: t, layer: 1 });
    }
  }
  // red lanterns strung across the lane (jinjiang)
  if (b === 'jinjiang') {
    for (const z of [4, 9, 16, 26]) {
      const a = P3(-8.8, g - 4.6, z);
      const c = P3(8.8, g - 4.6, z);
      const mid = P3(0, g - 3.9, z);
      let t = `<path d="M${a} Q${mid} ${c}" stroke="#5a3a2a" stroke-width="${f(Math.max(1, 6 / z))}" fill="none"/>`;
      for (let i = 1; i < 8; i++) {
        const X = -8.8 + (17.6 * i) / 8;
        const sag = 0.7 * (1 - (X / 8.8) ** 2);
        const [lx, ly] = P3(X, g - 4.6 + sag * 1.0 + 0.5, z).split(' ').map(Number) as [number, number];
        const sc = k / z;
        t += `<ellipse cx="${f(lx)}" cy="${f(ly)}" rx="${f(0.32 * sc)}" ry="${f(0.38 * sc)}" fill="#e0503c"/><rect x="${f(lx - 0.12 * sc)}" y="${f(ly + 0.34 * sc)}" width="${f(0.24 * sc)}" height="${f(0.16 * sc)}" fill="#f2c14e"/>`;
      }
      objs.push({ z: z - 0.01, svg: t, layer: 1 });
    }
  }
  // people walking
  const walkers: [number, number, string][] =
    b === 'tianhe'
      ? [[-5.6, 6, '#e9786a'], [5.8, 9, '#2f4e74'], [-6, 14, '#f4b860'], [6, 20, '#8e2f45']]
      : [[-5.8, 5, b === 'xihu' ? '#5e9e8a' : '#b5523f'], [-1.4, 11, '#f2a65a'], [5.6, 8, '#3a4656'], [1.8, 18, '#c98f6b'], [-6, 22, '#e9e3d8']];
  for (const [X, z, c] of walkers) {
    const [px, py] = P3(X, g, z).split(' ').map(Number) as [number, number];
    const sc = k / z;
    const t = `<ellipse cx="${f(px)}" cy="${f(py)}" rx="${f(0.4 * sc)}" ry="${f(0.08 * sc)}" fill="#000" opacity="0.15"/>
      <rect x="${f(px - 0.16 * sc)}" y="${f(py - 0.85 * sc)}" width="${f(0.13 * sc)}" height="${f(0.85 * sc)}" fill="#3a3a44"/>
      <rect x="${f(px + 0.03 * sc)}" y="${f(py - 0.85 * sc)}" width="${f(0.13 * sc)}" height="${f(0.85 * sc)}" fill="#3a3a44"/>
      <rect x="${f(px - 0.25 * sc)}" y="${f(py - 1.5 * sc)}" width="${f(0.5 * sc)}" height="${f(0.75 * sc)}" rx="${f(0.15 * sc)}" fill="${c}"/>
      <circle cx="${f(px)}" cy="${f(py - 1.66 * sc)}" r="${f(0.15 * sc)}" fill="#f0c8a8"/>
      <path d="M${f(px - 0.16 * sc)} ${f(py - 1.7 * sc)} A${f(0.16 * sc)} ${f(0.16 * sc)} 0 0 1 ${f(px + 0.16 * sc)} ${f(py - 1.7 * sc)} Z" fill="#2b211d"/>`;
    objs.push({ z: z - 0.02, svg: t, layer: 1 });
  }
  // a parked bicycle in the lane (the old-town streets are pedestrian)
  if (b !== 'tianhe') {
    const [bx, by] = P3(-1.8, g, 2.8).split(' ').map(Number) as [number, number];
    const sc = k / 2.8;
    const wr = 0.34 * sc;
    const col = b === 'xihu' ? '#5e9e8a' : b === 'jinjiang' ? '#e0643f' : '#f4b860';
    const w1 = bx - 0.55 * sc;
    const w2 = bx + 0.55 * sc;
    const wy = by - wr;
    let t = `<ellipse cx="${f(bx)}" cy="${f(by)}" rx="${f(0.9 * sc)}" ry="${f(0.06 * sc)}" fill="#000" opacity="0.15"/>`;
    for (const wx of [w1, w2]) t += `<circle cx="${f(wx)}" cy="${f(wy)}" r="${f(wr)}" fill="none" stroke="#2f2f34" stroke-width="${f(0.05 * sc)}"/><circle cx="${f(wx)}" cy="${f(wy)}" r="${f(wr * 0.12)}" fill="#8a8a90"/>`;
    const seat = [bx - 0.25 * sc, wy - 0.55 * sc];
    const bar = [bx + 0.38 * sc, wy - 0.6 * sc];
    const crank = [bx - 0.02 * sc, wy];
    t += `<path d="M${f(w1)} ${f(wy)} L${f(seat[0]!)} ${f(seat[1]!)} L${f(bar[0]!)} ${f(bar[1]! + 0.08 * sc)} L${f(crank[0]!)} ${f(crank[1]!)} Z M${f(seat[0]!)} ${f(seat[1]!)} L${f(crank[0]!)} ${f(crank[1]!)} M${f(w1)} ${f(wy)} L${f(crank[0]!)} ${f(crank[1]!)} M${f(w2)} ${f(wy)} L${f(bar[0]!)} ${f(bar[1]!)}" stroke="${col}" stroke-width="${f(0.05 * sc)}" fill="none" stroke-linejoin="round"/>`;
    t += `<path d="M${f(seat[0]! - 0.12 * sc)} ${f(seat[1]! - 0.04 * sc)} L${f(seat[0]! + 0.1 * sc)} ${f(seat[1]! - 0.04 * sc)}" stroke="#2f2f34" stroke-width="${f(0.07 * sc)}" stroke-linecap="round"/>`;
    t += `<path d="M${f(bar[0]!)} ${f(bar[1]!)} l${f(-0.05 * sc)} ${f(-0.12 * sc)} l${f(0.16 * sc)} 0" stroke="#2f2f34" stroke-width="${f(0.05 * sc)}" fill="none" stroke-linecap="round"/>`;
    t += `<rect x="${f(bar[0]! + 0.04 * sc)}" y="${f(bar[1]! - 0.05 * sc)}" width="${f(0.28 * sc)}" height="${f(0.18 * sc)}" rx="${f(0.03 * sc)}" fill="${shade(col, 0.3)}"/>`;
    objs.push({ z: 2.8, svg: t, layer: 1 });
  }
  objs.sort((a, c) => a.layer - c.layer || c.z - a.z);
  body += objs.map((o) => o.svg).join('');
  // morning light raking across the street
  body += `<path d="M${S} 0 L${S} 300 L0 ${S} L0 700 Z" fill="#fff2d0" opacity="0.15" filter="url(#g50)"/>`;
  return sq(defs, body + v.use);
}

// flowers ---------------------------------------------------------------------------------------

function petalFlower(x: number, y: number, R: number, n: number, c1: string, c2: string, center: string, rot: number, id: string): { def: string; svg: string } {
  const def = radU(id, [[0, c2], [0.55, c1], [1, shade(c1, 0.35)]], x, y, R);
  let svg = '';
  for (let i = 0; i < n; i++) {
    const a = rot + (i * 360) / n;
    svg += `<path d="M${f(x)} ${f(y)} C${f(x - R * 0.55)} ${f(y - R * 0.3)} ${f(x - R * 0.6)} ${f(y - R * 0.95)} ${f(x)} ${f(y - R)} C${f(x + R * 0.6)} ${f(y - R * 0.95)} ${f(x + R * 0.55)} ${f(y - R * 0.3)} ${f(x)} ${f(y)} Z" fill="url(#${id})" transform="rotate(${f(a)} ${f(x)} ${f(y)})"/>`;
    svg += `<path d="M${f(x)} ${f(y - R * 0.15)} L${f(x)} ${f(y - R * 0.75)}" stroke="${shade(c1, -0.15)}" stroke-width="${f(R * 0.02)}" opacity="0.4" transform="rotate(${f(a)} ${f(x)} ${f(y)})"/>`;
  }
  svg += `<circle cx="${f(x)}" cy="${f(y)}" r="${f(R * 0.16)}" fill="${center}"/>`;
  for (let i = 0; i < 10; i++) {
    const a = (i * Math.PI * 2) / 10;
    svg += `<circle cx="${f(x + Math.cos(a) * R * 0.2)}" cy="${f(y + Math.sin(a) * R * 0.2)}" r="${f(R * 0.035)}" fill="${shade(center, -0.25)}"/>`;
  }
  return { def, svg };
}

function gridFlowers(b: BranchId): string {
  const r = rng(150 + b.length);
  const v = vignette('vg', '#1a1008', 0.2);
  if (b === 'xihu') {
    // lotus pond
    const defs: string[] = [linU('water', [[0, '#d8ece6'], [1, '#a7d0c8']], 0, 0, 0, S), v.def];
    let body = `<rect width="${S}" height="${S}" fill="url(#water)"/>`;
    for (let i = 0; i < 20; i++) body += `<rect x="${f(r() * S)}" y="${f(r() * S)}" width="${f(40 + r() * 80)}" height="3" rx="1.5" fill="#fff" opacity="0.5"/>`;
    const pads: [number, number, number][] = [[160, 820, 230], [900, 900, 260], [820, 250, 180], [120, 260, 150], [560, 1020, 170], [420, 420, 120]];
    pads.forEach(([x, y, R], i) => {
      const id = `pad${i}`;
      defs.push(radU(id, [[0, '#8cc46a'], [0.8, '#5fa04f'], [1, '#4a8a40']], x, y, R));
      body += `<ellipse cx="${x + 10}" cy="${y + 16}" rx="${R}" ry="${f(R * 0.62)}" fill="#2f5f4a" opacity="0.2" filter="url(#g10)"/>`;
      body += `<path d="M${x} ${y} L${f(x + R * 0.2)} ${f(y - R * 0.62)} A${R} ${f(R * 0.62)} 0 1 0 ${f(x + R * 0.45)} ${f(y - R * 0.55)} Z" fill="url(#${id})"/>`;
      for (let k = 0; k < 9; k++) {
        const a = 0.7 + (k * Math.PI * 2) / 10;
        body += `<path d="M${x} ${y} L${f(x + Math.cos(a) * R * 0.9)} ${f(y + Math.sin(a) * R * 0.56)}" stroke="#b8e09a" stroke-width="3" opacity="0.5"/>`;
      }
    });
    const lotus = (x: number, y: number, R: number, id: string): string => {
      defs.push(linU(id, [[0, '#f36f98'], [0.6, '#fbc3d3'], [1, '#fff4f6']], 0, y - R, 0, y));
      let s = `<path d="M${f(x)} ${f(y + R * 0.2)} Q${f(x + R * 0.1)} ${f(y + R * 1.4)} ${f(x - R * 0.1)} ${f(y + R * 2.6)}" stroke="#5f9a4a" stroke-width="${f(R * 0.07)}" fill="none"/>`;
      const petal = (a: number, l: number, w: number): string =>
        `<path d="M${f(x)} ${f(y)} C${f(x - w)} ${f(y - l * 0.3)} ${f(x - w * 0.6)} ${f(y - l * 0.9)} ${f(x)} ${f(y - l)} C${f(x + w * 0.6)} ${f(y - l * 0.9)} ${f(x + w)} ${f(y - l * 0.3)} ${f(x)} ${f(y)} Z" fill="url(#${id})" transform="rotate(${a} ${f(x)} ${f(y)})"/>`;
      for (const a of [-70, 70, -48, 48]) s += petal(a, R * 0.9, R * 0.32);
      s += `<ellipse cx="${f(x)}" cy="${f(y - R * 0.25)}" rx="${f(R * 0.32)}" ry="${f(R * 0.14)}" fill="#f7d85a"/>`;
      for (const a of [-24, 24, 0]) s += petal(a, R, R * 0.34);
      return s;
    };
    body += lotus(560, 470, 230, 'lot1');
    body += lotus(880, 560, 120, 'lot2');
    // bud
    defs.push(linU('bud', [[0, '#f06a94'], [1, '#fbd0dc']], 0, 0, 0, 1));
    body += `<path d="M250 560 Q240 700 270 900" stroke="#5f9a4a" stroke-width="10" fill="none"/><path d="M250 560 C200 500 220 420 250 390 C280 420 300 500 250 560 Z" fill="url(#bud)"/>`;
    // dragonfly
    body += `<g transform="translate(300 200) rotate(-20)"><ellipse cx="0" cy="0" rx="60" ry="7" fill="#3f5f8a"/><ellipse cx="-10" cy="-22" rx="14" ry="34" fill="#fff" opacity="0.6" transform="rotate(-70 -10 0)"/><ellipse cx="-10" cy="22" rx="14" ry="34" fill="#fff" opacity="0.6" transform="rotate(70 -10 0)"/><circle cx="58" cy="0" r="10" fill="#2f4a6a"/></g>`;
    body += `<rect width="${S}" height="${S}" fill="#fff2d8" opacity="0.12"/>`;
    return sq(defs.join(''), body + v.use);
  }
  if (b === 'jinjiang') {
    // hibiscus (芙蓉), Chengdu's city flower, against a soft morning sky
    const defs: string[] = [linU('sk', [[0, '#cfe5f0'], [1, '#f9ecdc']], 0, 0, 0, S), v.def];
    let body = `<rect width="${S}" height="${S}" fill="url(#sk)"/>`;
    body += bokeh(r, 16, ['#ffffff', '#f9d3dc', '#d8ecc8']);
    body += `<path d="M-20 980 C200 900 400 760 560 700 C720 640 860 520 1100 460" stroke="#6b5040" stroke-width="22" fill="none" stroke-linecap="round"/>`;
    body += `<path d="M420 770 C400 640 360 520 300 420" stroke="#6b5040" stroke-width="12" fill="none" stroke-linecap="round"/>`;
    const leaf = (x: number, y: number, s: number, a: number): string =>
      `<g transform="translate(${x} ${y}) rotate(${a}) scale(${s})"><path d="M0 0 C-40 -20 -70 -70 -50 -110 C-70 -130 -40 -160 0 -150 C40 -160 70 -130 50 -110 C70 -70 40 -20 0 0 Z" fill="#5f9a4a"/><path d="M0 0 L0 -140 M0 -60 L-36 -100 M0 -60 L36 -100" stroke="#a7d08a" stroke-width="4" fill="none"/></g>`;
    body += leaf(200, 900, 1.2, -60) + leaf(640, 690, 1.1, 20) + leaf(880, 560, 1, -10) + leaf(330, 470, 0.9, -30) + leaf(760, 640, 0.9, 130);
    const f1 = petalFlower(560, 560, 230, 5, '#f7a6b8', '#ffffff', '#f2c14e', 12, 'hb1');
    const f2 = petalFlower(300, 380, 150, 5, '#f48aa4', '#fff2f5', '#f2c14e', -20, 'hb2');
    const f3 = petalFlower(900, 420, 130, 5, '#fbd0da', '#ffffff', '#f2c14e', 30, 'hb3');
    defs.push(f1.def, f2.def, f3.def);
    body += f3.svg + f2.svg + f1.svg;
    // a bud
    body += `<path d="M150 780 C120 720 140 660 170 640 C200 670 200 730 150 780 Z" fill="#f48aa4"/><path d="M150 780 C130 760 130 740 140 720 L160 760 Z" fill="#5f9a4a"/>`;
    return sq(defs.join(''), body + v.use);
  }
  // tianhe: kapok (木棉) blossoms on bare branches against a blue morning sky
  const defs: string[] = [linU('sk', [[0, '#6fa8de'], [0.7, '#bcd9ef'], [1, '#f4e6d8']], 0, 0, 0, S), v.def];
  let body = `<rect width="${S}" height="${S}" fill="url(#sk)"/>`;
  body += `<g fill="#fff" opacity="0.6"><ellipse cx="780" cy="200" rx="220" ry="40"/><ellipse cx="700" cy="180" rx="110" ry="50"/><ellipse cx="260" cy="760" rx="200" ry="30"/></g>`;
  body += `<g opacity="0.45">${skyline('tianhe', S + 10, '#9fb6cc', 0.6, 820)}</g>`;
  const br = '#5a4034';
  body += `<path d="M-20 1000 C150 860 260 700 380 560 C480 440 620 360 820 300 C920 270 1000 240 1100 180" stroke="${br}" stroke-width="30" fill="none" stroke-linecap="round"/>`;
  body += `<path d="M380 560 C330 420 340 300 400 160" stroke="${br}" stroke-width="16" fill="none" stroke-linecap="round"/>`;
  body += `<path d="M620 370 C700 460 780 520 900 560" stroke="${br}" stroke-width="14" fill="none" stroke-linecap="round"/>`;
  body += `<path d="M820 300 C840 220 820 140 780 80" stroke="${br}" stroke-width="10" fill="none" stroke-linecap="round"/>`;
  const bloom = (x: number, y: number, R: number, a: number, id: string): string => {
    defs.push(radU(id, [[0, '#fbd36a'], [0.25, '#f06a3c'], [1, '#c9281c']], x, y, R));
    let s = `<g transform="rotate(${a} ${x} ${y})">`;
    s += `<path d="M${x - R * 0.2} ${y + R * 0.15} Q${x} ${y + R * 0.5} ${x + R * 0.2} ${y + R * 0.15} Z" fill="#6a4a2a"/>`;
    for (let i = 0; i < 5; i++) {
      const pa = -80 + i * 40;
      s += `<path d="M${x} ${y} C${f(x - R * 0.35)} ${f(y - R * 0.3)} ${f(x - R * 0.3)} ${f(y - R)} ${x} ${f(y - R)} C${f(x + R * 0.3)} ${f(y - R)} ${f(x + R * 0.35)} ${f(y - R * 0.3)} ${x} ${y} Z" fill="url(#${id})" transform="rotate(${pa} ${x} ${y})"/>`;
    }
    for (let i = 0; i < 7; i++) s += `<path d="M${x} ${y} L${f(x - R * 0.25 + i * R * 0.08)} ${f(y - R * 0.7)}" stroke="#fbd36a" stroke-width="${f(R * 0.03)}"/><circle cx="${f(x - R * 0.25 + i * R * 0.08)}" cy="${f(y - R * 0.72)}" r="${f(R * 0.035)}" fill="#fff1a8"/>`;
    return s + '</g>';
  };
  const spots: [number, number, number, number][] = [[380, 520, 110, -10], [400, 170, 80, 10], [560, 400, 95, 20], [700, 330, 100, -5], [900, 540, 90, 30], [820, 260, 85, -20], [1010, 220, 80, 15], [200, 800, 100, -25], [780, 90, 70, 5], [300, 660, 80, 40]];
  spots.forEach(([x, y, R, a], i) => (body += bloom(x, y, R, a, `kp${i}`)));
  // a fallen flower in flight
  body += bloom(560, 860, 70, 140, 'kpf');
  return sq(defs.join(''), body + v.use);
}
// a community event in the park ------------------------------------------------------------------

/** a simple standing figure (feet at y), optionally waving or holding a balloon string */
function stander(x: number, feet: number, s: number, l: Look, opts: { wave?: boolean; cane?: boolean; skirt?: boolean; legs?: string } = {}): string {
  const y = feet - 6.6 * s;
  const p = P(x, y, s);
  const legs = opts.legs ?? '#3a3f4a';
  let out = `<ellipse cx="${f(x)}" cy="${f(feet)}" rx="${f(1.2 * s)}" ry="${f(0.22 * s)}" fill="#000" opacity="0.12"/>`;
  out += `<rect x="${f(x - 0.5 * s)}" y="${f(y + 3.8 * s)}" width="${f(0.42 * s)}" height="${f(2.7 * s)}" rx="${f(0.15 * s)}" fill="${legs}"/>`;
  out += `<rect x="${f(x + 0.08 * s)}" y="${f(y + 3.8 * s)}" width="${f(0.42 * s)}" height="${f(2.7 * s)}" rx="${f(0.15 * s)}" fill="${legs}"/>`;
  out += `<ellipse cx="${f(x - 0.35 * s)}" cy="${f(feet - 0.08 * s)}" rx="${f(0.35 * s)}" ry="${f(0.14 * s)}" fill="#2a2424"/><ellipse cx="${f(x + 0.35 * s)}" cy="${f(feet - 0.08 * s)}" rx="${f(0.35 * s)}" ry="${f(0.14 * s)}" fill="#2a2424"/>`;
  out += hairBack(x, y, s, l);
  if (opts.skirt) out += `<path d="M${p(-0.9, 3.0)} L${p(0.9, 3.0)} L${p(1.1, 4.9)} L${p(-1.1, 4.9)} Z" fill="${shade(l.top, -0.15)}"/>`;
  out += `<path d="M${p(-0.95, 4.2)} L${p(-1.0, 1.9)} C${p(-1.0, 1.45)} ${p(-0.75, 1.3)} ${p(-0.4, 1.2)} L${p(0.4, 1.2)} C${p(0.75, 1.3)} ${p(1.0, 1.45)} ${p(1.0, 1.9)} L${p(0.95, 4.2)} Z" fill="${l.top}"/>`;
  out += `<path d="M${p(-0.3, 1.19)} L${p(0, 1.9)} L${p(0.3, 1.19)} Z" fill="${l.inner}"/>`;
  if (l.accent) out += `<path d="M${p(-0.07, 1.3)} L${p(0.07, 1.3)} L${p(0.1, 1.8)} L${p(0, 1.95)} L${p(-0.1, 1.8)} Z" fill="${l.accent}"/>`;
  // arms
  out += `<path d="M${p(-0.85, 1.5)} L${p(-1.15, 2.6)} L${p(-1.0, 3.6)}" stroke="${shade(l.top, -0.08)}" stroke-width="${f(0.36 * s)}" stroke-linecap="round" stroke-linejoin="round" fill="none"/>`;
  out += `<circle cx="${f(x - 1.0 * s)}" cy="${f(y + 3.75 * s)}" r="${f(0.17 * s)}" fill="${l.skin}"/>`;
  if (opts.wave) {
    out += `<path d="M${p(0.85, 1.5)} L${p(1.45, 1.0)} L${p(1.6, -0.1)}" stroke="${shade(l.top, -0.08)}" stroke-width="${f(0.36 * s)}" stroke-linecap="round" stroke-linejoin="round" fill="none"/>`;
    out += `<circle cx="${f(x + 1.62 * s)}" cy="${f(y - 0.3 * s)}" r="${f(0.19 * s)}" fill="${l.skin}"/>`;
  } else {
    out += `<path d="M${p(0.85, 1.5)} L${p(1.15, 2.6)} L${p(1.0, 3.6)}" stroke="${shade(l.top, -0.08)}" stroke-width="${f(0.36 * s)}" stroke-linecap="round" stroke-linejoin="round" fill="none"/>`;
    out += `<circle cx="${f(x + 1.0 * s)}" cy="${f(y + 3.75 * s)}" r="${f(0.17 * s)}" fill="${l.skin}"/>`;
  }
  if (opts.cane) out += `<path d="M${p(1.0, 3.7)} L${p(1.3, 6.55)} M${p(1.0, 3.7)} q${f(0.3 * s)} ${f(-0.3 * s)} ${f(0.5 * s)} 0" stroke="#6a4a34" stroke-width="${f(0.12 * s)}" fill="none" stroke-linecap="round"/>`;
  out += headFront(x, y, s, l);
  return out;
}

function balloon(x: number, y: number, r: number, color: string, ax: number, ay: number): string {
  return `<path d="M${f(x)} ${f(y + r * 1.15)} Q${f((x + ax) / 2 + 20)} ${f((y + ay) / 2)} ${f(ax)} ${f(ay)}" stroke="#8a8a8a" stroke-width="2" fill="none"/>
    <ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(r)}" ry="${f(r * 1.15)}" fill="${color}"/>
    <path d="M${f(x - 6)} ${f(y + r * 1.15 + 8)} L${f(x)} ${f(y + r * 1.1)} L${f(x + 6)} ${f(y + r * 1.15 + 8)} Z" fill="${color}"/>
    <ellipse cx="${f(x - r * 0.35)}" cy="${f(y - r * 0.4)}" rx="${f(r * 0.18)}" ry="${f(r * 0.3)}" fill="#fff" opacity="0.45" transform="rotate(25 ${f(x - r * 0.35)} ${f(y - r * 0.4)})"/>`;
}

function bunting(x0: number, y0: number, x1: number, y1: number, sag: number, colors: string[], n: number): string {
  const mx = (x0 + x1) / 2;
  const my = (y0 + y1) / 2 + sag;
  let out = `<path d="M${x0} ${y0} Q${f(mx)} ${f(my + sag)} ${x1} ${y1}" stroke="#7a6a5a" stroke-width="3" fill="none"/>`;
  for (let i = 1; i < n; i++) {
    const t = i / n;
    const px = (1 - t) * (1 - t) * x0 + 2 * (1 - t) * t * mx + t * t * x1;
    const py = (1 - t) * (1 - t) * y0 + 2 * (1 - t) * t * (my + sag) + t * t * y1;
    out += `<path d="M${f(px - 16)} ${f(py)} L${f(px + 16)} ${f(py)} L${f(px)} ${f(py + 38)} Z" fill="${colors[i % colors.length]}"/>`;
  }
  return out;
}

function gridCommunity(b: BranchId): string {
  const r = rng(170 + b.length);
  const t = THEMES[b];
  const hz = 560;
  const v = vignette();
  const defs = [
    linU('sky', [[0, '#9fd0ee'], [1, '#f4f0e0']], 0, 0, 0, hz),
    linU('lawn', [[0, '#a8d27e'], [1, '#6fae5a']], 0, hz, 0, S),
    lin('canopy', [[0, '#ffffff'], [1, '#efe8de']], 0, 0, 0, 1),
    radU('sunK', [[0, '#fff6da', 0.9], [1, '#fff6da', 0]], 880, 120, 480),
    v.def,
  ].join('');
  let body = `<rect width="${S}" height="${hz}" fill="url(#sky)"/><rect width="${S}" height="${S}" fill="url(#sunK)"/>`;
  body += `<g fill="#fff" opacity="0.7"><ellipse cx="220" cy="130" rx="120" ry="26"/><ellipse cx="270" cy="110" rx="70" ry="30"/></g>`;
  body += `<g opacity="0.6">${skyline(b, hz - 40, '#a9bfc9', 0.5, 820)}</g>`;
  // tree line
  for (let i = 0; i < 16; i++) {
    const tx = -40 + i * 75 + r() * 30;
    const tr = 70 + r() * 40;
    body += `<circle cx="${f(tx)}" cy="${f(hz - 40 - r() * 30)}" r="${f(tr)}" fill="${['#6faa5f', '#82bb6a', '#5e9a55'][i % 3]}"/>`;
  }
  body += `<rect y="${hz - 20}" width="${S}" height="${S - hz + 20}" fill="url(#lawn)"/>`;
  for (let i = 0; i < 50; i++) body += `<path d="M${f(r() * S)} ${f(hz + r() * (S - hz))} l-4 -12 m4 12 l4 -14" stroke="#5a9a4a" stroke-width="3" stroke-linecap="round" opacity="0.3"/>`;
  // a path across the lawn
  body += `<path d="M-20 ${hz + 60} C300 ${hz + 40} 700 ${hz + 120} 1100 ${hz + 80} L1100 ${hz + 150} C700 ${hz + 190} 300 ${hz + 110} -20 ${hz + 130} Z" fill="#efe2c8"/>`;
  // canopy tent
  const cx = 540;
  const top = 300;
  const w = 620;
  const base = 880;
  const valance = top + 150;
  body += `<ellipse cx="${cx}" cy="${base + 10}" rx="${w * 0.62}" ry="40" fill="#2a4a2a" opacity="0.25" filter="url(#g10)"/>`;
  for (const lx of [cx - w / 2 + 20, cx + w / 2 - 20]) body += `<rect x="${lx - 7}" y="${valance}" width="14" height="${base - valance}" fill="#c9ccd2"/>`;
  body += `<path d="M${cx - w / 2} ${valance} L${cx - w * 0.2} ${top} L${cx + w * 0.2} ${top} L${cx + w / 2} ${valance} Z" fill="url(#canopy)"/>`;
  for (let i = 0; i < 5; i++) {
    const x0 = cx - w / 2 + (i * w) / 5;
    const x1 = x0 + w / 10;
    const tx0 = cx - w * 0.2 + (i * w * 0.4) / 5;
    const tx1 = tx0 + (w * 0.4) / 10;
    body += `<path d="M${f(x0)} ${valance} L${f(tx0)} ${top} L${f(tx1)} ${top} L${f(x1)} ${valance} Z" fill="${t.accent}"/>`;
  }
  body += `<path d="M${cx - w * 0.2} ${top} L${cx} ${top - 50} L${cx + w * 0.2} ${top} Z" fill="${t.accent2}"/>`;
  let scallops = '';
  for (let i = 0; i < 10; i++) {
    const sx = cx - w / 2 + (i * w) / 10;
    scallops += `<path d="M${f(sx)} ${valance} L${f(sx + w / 10)} ${valance} L${f(sx + w / 10)} ${valance + 30} Q${f(sx + w / 20)} ${valance + 66} ${f(sx)} ${valance + 30} Z" fill="${i % 2 ? t.accent : '#ffffff'}"/>`;
  }
  body += scallops;
  // staff behind the table
  const staff: Look[] = [t.people[1]!, t.people[0]!];
  body += stander(cx - 130, 820, 34, { ...staff[0]!, turn: 0 });
  body += stander(cx + 110, 820, 34, { ...staff[1]!, turn: 0 }, { wave: true });
  // table with cloth, leaflets, gift bags, a plant
  body += `<rect x="${cx - 250}" y="720" width="500" height="24" rx="6" fill="${shade(t.accent, 0.55)}"/>`;
  body += `<path d="M${cx - 250} 740 L${cx + 250} 740 L${cx + 262} 900 L${cx - 262} 900 Z" fill="${t.accent}"/>`;
  body += `<path d="M${cx - 80} 740 L${cx + 80} 740 L${cx + 60} 840 L${cx - 60} 840 Z" fill="${t.accent2}"/>`;
  body += `<circle cx="${cx}" cy="790" r="26" fill="#fff" opacity="0.9"/><path d="M${cx - 12} 790 q12 -22 24 0 q-12 22 -24 0" fill="${t.accent2}"/>`;
  for (let i = 0; i < 3; i++) body += `<rect x="${cx - 220 + i * 50}" y="${706 - i * 2}" width="40" height="14" rx="2" fill="#ffffff"/><rect x="${cx - 216 + i * 50}" y="${700 - i * 2}" width="40" height="8" rx="2" fill="${i % 2 ? '#f3efe6' : '#fff'}"/>`;
  for (let i = 0; i < 3; i++) {
    const gx = cx + 90 + i * 50;
    body += `<rect x="${gx}" y="664" width="42" height="56" rx="4" fill="${[t.accent2, '#f4e1c4', t.accent][i]}"/><path d="M${gx + 10} 664 q11 -22 22 0" stroke="#7a5a44" stroke-width="3" fill="none"/>`;
  }
  // residents in front
  const res: { l: Look; x: number; s: number; o?: { wave?: boolean; cane?: boolean; skirt?: boolean; legs?: string } }[] = [
    { l: { skin: SKIN[1]!, hair: '#d9d4cc', hairStyle: 'grey-short', top: '#8a6a5a', inner: '#f4efe6', turn: 0.4 }, x: 150, s: 36, o: { cane: true, legs: '#5a5048' } },
    { l: { skin: SKIN[0]!, hair: '#cfc8bf', hairStyle: 'bun', top: '#c0504d', inner: '#fff', turn: 0.5 }, x: 250, s: 34, o: { skirt: true, legs: '#4a4040' } },
    { l: { skin: SKIN[3]!, hair: '#2b211d', hairStyle: 'ponytail', top: '#f2c14e', inner: '#fff', turn: -0.3 }, x: 880, s: 34, o: { legs: '#5a6a8a' } },
    { l: { skin: SKIN[2]!, hair: '#1f1816', hairStyle: 'short', top: '#6fa8c8', inner: '#fff', turn: -0.5 }, x: 975, s: 22, o: { wave: true, legs: '#f08a5a' } },
  ];
  if (b === 'tianhe') {
    // a young family instead of the ponytailed neighbour
    res[2] = { l: { skin: SKIN[4]!, hair: '#1f1816', hairStyle: 'short', top: '#3f6f8f', inner: '#fff', turn: -0.3 }, x: 870, s: 36, o: { legs: '#3a3f4a' } };
  }
  for (const p of res) body += stander(p.x, 1000 - (p.s < 30 ? 10 : 0), p.s, p.l, p.o);
  // balloons tied to the tent leg
  const legX = cx + w / 2 - 20;
  const bal = [[legX + 40, 250, t.accent2], [legX + 100, 300, t.accent], [legX - 10, 200, '#ffffff'], [legX + 70, 170, '#f2c14e']] as const;
  for (const [x, y, c] of bal) body += balloon(x, y, 40, c, legX, 520);
  const legL = cx - w / 2 + 20;
  body += balloon(legL - 60, 260, 38, t.accent, legL, 520) + balloon(legL - 10, 200, 36, '#f2c14e', legL, 520);
  // bunting from the tent to the trees
  body += bunting(0, 380, cx - w / 2 + 40, valance - 20, 30, [t.accent, t.accent2, '#ffffff', '#f2c14e'], 9);
  body += bunting(cx + w / 2 - 40, valance - 20, S, 360, 30, [t.accent2, '#ffffff', t.accent, '#f2c14e'], 9);
  // mirror jinjiang's scene so the three branches' posts don't look identical
  if (b === 'jinjiang') body = `<g transform="translate(${S} 0) scale(-1 1)">${body}</g>`;
  return sq(defs, body + v.use);
}

// a notebook and pen on the desk ---------------------------------------------------------------

function gridNotebook(b: BranchId): string {
  const r = rng(190 + b.length);
  const t = THEMES[b];
  const desk = b === 'xihu' ? '#e9dcc6' : b === 'jinjiang' ? '#c9a47a' : '#f0e4de';
  const v = vignette('vg', '#2a1608', 0.25);
  const tbl = woodTable('wood', desk, r, true);
  const defs = [tbl.def, lin('page', [[0, '#fffdf8'], [1, '#f3ede2']], 0, 0, 1, 0), lin('page2', [[0, '#f3ede2'], [0.08, '#fffdf8'], [1, '#fbf7ef']], 0, 0, 1, 0), radU('lt', [[0, '#fff6e0', 0.55], [1, '#fff6e0', 0]], 860, 160, 700), v.def].join('');
  let body = tbl.body;
  // notebook, slightly rotated
  let nb = `<rect x="190" y="250" width="700" height="560" rx="14" fill="#2a1a10" opacity="0.3" filter="url(#g10)" transform="translate(10 16)"/>`;
  nb += `<rect x="180" y="240" width="720" height="570" rx="16" fill="${shade(t.accent, -0.2)}"/>`;
  nb += `<rect x="196" y="252" width="344" height="546" rx="6" fill="url(#page)"/><rect x="540" y="252" width="344" height="546" rx="6" fill="url(#page2)"/>`;
  nb += `<rect x="530" y="252" width="20" height="546" fill="#000" opacity="0.08" filter="url(#g4)"/>`;
  for (let yy = 310; yy < 780; yy += 34) nb += `<path d="M220 ${yy} L516 ${yy} M566 ${yy} L860 ${yy}" stroke="#b8d0e6" stroke-width="2"/>`;
  // left page: a little sketch of a landscape and some "notes" as pen strokes
  nb += `<g stroke="#2f3a5a" stroke-width="4" fill="none" stroke-linecap="round" stroke-linejoin="round">`;
  nb += `<path d="M240 440 L300 360 L340 410 L380 340 L470 440 Z"/><circle cx="440" cy="330" r="22"/><path d="M240 440 L490 440"/>`;
  nb += `</g>`;
  for (let i = 0; i < 7; i++) {
    const yy = 510 + i * 34;
    const len = 120 + r() * 150;
    nb += `<rect x="240" y="${yy - 16}" width="14" height="14" rx="3" fill="none" stroke="#2f3a5a" stroke-width="3"/>`;
    if (i < 4) nb += `<path d="M242 ${yy - 10} l5 6 l9 -12" stroke="${t.accent2}" stroke-width="4" fill="none" stroke-linecap="round"/>`;
    nb += `<path d="M270 ${yy - 8} L${f(270 + len)} ${yy - 8}" stroke="#8a93a8" stroke-width="5" stroke-linecap="round"/>`;
  }
  // right page: a hand-drawn chart
  nb += `<g stroke="#2f3a5a" stroke-width="4" fill="none" stroke-linecap="round"><path d="M600 330 L600 560 L840 560"/></g>`;
  const hs = [60, 90, 80, 130, 170];
  hs.forEach((h, i) => (nb += `<rect x="${620 + i * 44}" y="${556 - h}" width="28" height="${h}" rx="3" fill="${i === 4 ? t.accent2 : t.accent}" opacity="0.85"/>`));
  nb += `<path d="M630 480 Q700 440 740 430 T850 360" stroke="${t.accent2}" stroke-width="4" fill="none" stroke-dasharray="2 10" stroke-linecap="round"/>`;
  for (let i = 0; i < 4; i++) nb += `<path d="M600 ${620 + i * 34} L${f(640 + r() * 200)} ${620 + i * 34}" stroke="#8a93a8" stroke-width="5" stroke-linecap="round"/>`;
  nb += `<path d="M780 700 c-30 -40 40 -60 40 -20 c0 30 -40 40 -40 20" stroke="${t.accent2}" stroke-width="4" fill="none"/>`;
  // ribbon bookmark
  nb += `<path d="M760 800 L760 900 L775 885 L790 900 L790 800 Z" fill="${t.accent2}"/>`;
  body += `<g transform="rotate(-4 540 540)">${nb}</g>`;
  // pen
  body += `<g transform="rotate(38 760 520)"><rect x="560" y="530" width="420" height="26" rx="13" fill="#000" opacity="0.25" filter="url(#g4)"/><rect x="560" y="510" width="360" height="26" rx="12" fill="#1f2a3a"/><rect x="860" y="510" width="70" height="26" rx="6" fill="#d9b46a"/><path d="M930 512 L980 523 L930 534 Z" fill="#c9a05a"/><rect x="600" y="504" width="120" height="8" rx="4" fill="#d9b46a"/></g>`;
  // glasses
  body += `<g transform="rotate(-15 230 900)" fill="none" stroke="#3a2a22" stroke-width="7"><circle cx="170" cy="920" r="56"/><circle cx="300" cy="920" r="56"/><path d="M226 912 q10 -12 18 0"/><path d="M114 910 L40 870"/><path d="M356 910 L420 860"/></g>`;
  // coffee or tea, partly out of frame
  body += `<circle cx="990" cy="110" r="150" fill="#2a1a10" opacity="0.25" filter="url(#g10)"/><circle cx="980" cy="100" r="150" fill="#ffffff"/><circle cx="980" cy="100" r="120" fill="${b === 'xihu' ? '#c9d98a' : b === 'jinjiang' ? '#c98a4a' : '#7a4e35'}"/><circle cx="950" cy="70" r="30" fill="#fff" opacity="0.25"/>`;
  // sticky notes
  body += `<rect x="70" y="110" width="150" height="150" rx="4" fill="${shade(t.accent2, 0.35)}" transform="rotate(-8 145 185)"/><rect x="110" y="140" width="150" height="150" rx="4" fill="${shade(t.accent, 0.45)}" transform="rotate(6 185 215)"/>`;
  // local touch
  if (b === 'xihu') {
    // a sprig of osmanthus (桂花)
    body += `<path d="M700 1000 C760 930 840 900 940 880" stroke="#6b5040" stroke-width="6" fill="none"/>`;
    for (const [lx, ly, a] of [[760, 930, -30], [860, 890, 20], [930, 860, -10]] as const) body += `<ellipse cx="${lx}" cy="${ly}" rx="44" ry="16" fill="#4f8a4a" transform="rotate(${a} ${lx} ${ly})"/>`;
    for (let i = 0; i < 26; i++) body += `<circle cx="${f(740 + r() * 200)}" cy="${f(880 + r() * 90)}" r="${f(6 + r() * 4)}" fill="${r() < 0.5 ? '#f2b632' : '#f7cd5a'}"/>`;
  } else if (b === 'jinjiang') {
    body += pandaPlush(920, 1000, 60);
  } else {
    body += `<g>${kapok(870, 930, 60, r)}</g>`;
  }
  body += `<rect width="${S}" height="${S}" fill="url(#lt)"/>`;
  return sq(defs, body + v.use);
}

// sunset -----------------------------------------------------------------------------------------

function gridSunset(b: BranchId): string {
  const r = rng(210 + b.length);
  const hz = 640;
  const sunX = b === 'tianhe' ? 360 : 600;
  const sunY = b === 'tianhe' ? hz - 250 : b === 'jinjiang' ? hz - 190 : hz - 70;
  const v = vignette('vg', '#1a0a18', 0.3);
  const defs = [
    linU('sky', [[0, '#3f4a8a'], [0.35, '#9a5a9a'], [0.7, '#f0826a'], [1, '#ffcf7a']], 0, 0, 0, hz),
    linU('water', [[0, '#f0a070'], [0.4, '#a86a8a'], [1, '#3f3a6a']], 0, hz, 0, S),
    radU('sunGlow', [[0, '#fff2c0', 1], [0.12, '#ffd67a', 0.9], [0.5, '#ff9a6a', 0.3], [1, '#ff9a6a', 0]], sunX, sunY, 520),
    v.def,
  ].join('');
  let body = `<rect width="${S}" height="${hz}" fill="url(#sky)"/>`;
  body += `<circle cx="${sunX}" cy="${sunY}" r="520" fill="url(#sunGlow)"/>`;
  body += `<circle cx="${sunX}" cy="${sunY}" r="74" fill="#fff0c0"/>`;
  // long clouds lit from below
  for (let i = 0; i < 7; i++) {
    const cy = 120 + i * 60 + r() * 30;
    const cx = r() * S;
    body += `<ellipse cx="${f(cx)}" cy="${f(cy)}" rx="${f(140 + r() * 160)}" ry="${f(8 + r() * 8)}" fill="${i < 3 ? '#c87a9a' : '#ffb080'}" opacity="0.7"/>`;
  }
  // water and the sun's path on it
  body += `<rect y="${hz}" width="${S}" height="${S - hz}" fill="url(#water)"/>`;
  for (let i = 0; i < 22; i++) {
    const yy = hz + 8 + i * i * 0.9 + i * 6;
    if (yy > S) break;
    const w = 170 - i * 4 + r() * 40;
    body += `<rect x="${f(sunX - w / 2 + (r() - 0.5) * 40)}" y="${f(yy)}" width="${f(w)}" height="${f(4 + i * 0.4)}" rx="3" fill="#ffe3a0" opacity="${f(0.85 - i * 0.03)}"/>`;
  }
  for (let i = 0; i < 24; i++) body += `<rect x="${f(r() * S)}" y="${f(hz + 10 + r() * (S - hz))}" width="${f(30 + r() * 60)}" height="3" rx="1.5" fill="#ffd0a0" opacity="0.35"/>`;
  // silhouettes on the horizon
  const sil = '#3a2a4a';
  if (b === 'xihu') {
    body += `<path d="${ridge(r, -20, S + 20, hz - 30, 50, 6)}" fill="#6a4a6a" opacity="0.7"/>`;
    body += `<path d="M700 ${hz} C760 ${hz - 90} 940 ${hz - 90} 1000 ${hz} Z" fill="${sil}"/>`;
    body += pagoda(850, hz - 70, 240, sil);
    body += `<path d="${ridge(r, -20, S + 20, hz - 6, 10, 10)}" fill="${sil}"/>`;
    // boat with a rower
    body += `<path d="M300 ${hz + 110} Q380 ${hz + 140} 470 ${hz + 110} Z" fill="${sil}"/><path d="M340 ${hz + 110} Q370 ${hz + 76} 410 ${hz + 110} Z" fill="${sil}"/><path d="M440 ${hz + 70} L470 ${hz + 150}" stroke="${sil}" stroke-width="5"/><circle cx="440" cy="${hz + 66}" r="10" fill="${sil}"/>`;
    body += willow(120, -30, 540, 24, 231, '#2f2438');
    body += `<path d="M-20 40 C60 0 160 -10 300 20" stroke="#2f2438" stroke-width="18" fill="none"/>`;
  } else if (b === 'jinjiang') {
    body += `<g opacity="0.7">${skyline('jinjiang', hz, '#6a4a6a', 0.8, 620).replace(/<path d="M[^"]*" fill="#6a4a6a"\/>/g, '')}</g>`;
    body += coveredBridge(560, hz + 20, 820, sil);
    // reflection of the bridge
    body += `<g opacity="0.25" transform="translate(0 ${2 * hz + 40}) scale(1 -1)">${coveredBridge(560, hz + 20, 820, sil)}</g>`;
    body += bamboo(40, S + 20, 900, 20, 201, '#2f2438') + bamboo(1040, S + 20, 800, 18, 202, '#2f2438');
  } else {
    body += `<g>${skyline('tianhe', hz, sil, 1.05, 520)}</g>`;
    // lit windows
    for (let i = 0; i < 60; i++) body += `<rect x="${f(r() * S)}" y="${f(hz - 20 - r() * 200)}" width="4" height="6" fill="#ffd67a" opacity="${f(0.4 + r() * 0.5)}"/>`;
    body += `<g opacity="0.25" transform="translate(0 ${2 * hz}) scale(1 -1)">${skyline('tianhe', hz, sil, 1.05, 520)}</g>`;
    // riverside railing
    body += `<rect y="${S - 90}" width="${S}" height="10" fill="${sil}"/>`;
    for (let x = 10; x < S; x += 60) body += `<rect x="${x}" y="${S - 90}" width="8" height="90" fill="${sil}"/>`;
    body += `<path d="M0 ${S - 50} L${S} ${S - 50}" stroke="${sil}" stroke-width="5"/>`;
  }
  // birds
  for (let i = 0; i < 5; i++) {
    const bx = 200 + r() * 700;
    const by = 160 + r() * 220;
    const s = 10 + r() * 10;
    body += `<path d="M${f(bx - s)} ${f(by)} q${f(s / 2)} ${f(-s / 2)} ${f(s)} 0 q${f(s / 2)} ${f(-s / 2)} ${f(s)} 0" stroke="#3a2a4a" stroke-width="3" fill="none" stroke-linecap="round"/>`;
  }
  return sq(defs, body + v.use);
}

const GRID: ((b: BranchId) => string)[] = [gridShoes, gridCamera, gridNoodles, gridCup, gridStreet, gridFlowers, gridCommunity, gridNotebook, gridSunset];

// ---------------------------------------------------------------------------------------------
// main

const jobs: Job[] = [];
for (const b of BRANCHES) {
  jobs.push({
    file: `${b}/morning-meeting.jpg`,
    make: () => meeting(b, b === 'tianhe' ? PORTRAIT : LANDSCAPE, THEMES[b]),
    exif: {
      orientation: b === 'jinjiang' ? 8 : 1,
      rotate: b === 'jinjiang' ? 90 : 0,
      ...GPS[b],
      when: '2026:11:23 08:32:00',
    },
  });
}
for (const b of BRANCHES) GRID.forEach((make, i) => jobs.push({ file: `${b}/grid-${i + 1}.jpg`, make: () => make(b) }));
PERSONAS.forEach((p, i) => jobs.push({ file: `${p.branch}/${p.role}.jpg`, make: () => portrait(p.spec, 100 + i) }));

const filter = process.argv[2];
const preview = process.env['PREVIEW'];
if (preview) await mkdir(preview, { recursive: true });
let total = 0;
for (const job of jobs) {
  if (filter && !job.file.includes(filter)) continue;
  const r = await run(job, preview);
  total += r.bytes;
  console.log(`${r.file.padEnd(30)} ${r.w}x${r.h} ${(r.bytes / 1024).toFixed(0).padStart(5)} KB${r.orientation ? `  orientation=${r.orientation}` : ''}`);
}
console.log(`total ${(total / 1024).toFixed(0)} KB`);

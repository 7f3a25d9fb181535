import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { describe, expect, it } from 'vitest';
import {
  FONT_FAMILY,
  fontsHash,
  loadAdditionalAsset,
  loadEmoji,
  loadFonts,
  missingGlyphs,
} from '../../pipeline/render/fonts.ts';

const cp = (ch: string): number => ch.codePointAt(0) ?? -1;

/** GB2312 decoded independently of fonts/subset.ts (PUA = GB2312's empty cells). */
function gb2312(): { hanzi: string[]; symbols: string[] } {
  const decoder = new TextDecoder('gb18030');
  const hanzi: string[] = [];
  const symbols: string[] = [];
  for (let row = 0xa1; row <= 0xf7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const ch = decoder.decode(new Uint8Array([row, cell]));
      const c = cp(ch);
      if (c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff)) continue;
      (row >= 0xb0 ? hanzi : symbols).push(ch);
    }
  }
  return { hanzi, symbols };
}

describe('font coverage', () => {
  const fonts = loadFonts();
  const uncovered = (chars: Iterable<string>): string[] => [...chars].filter((ch) => !fonts.has(cp(ch)));

  it('covers every GB2312 hanzi and symbol', () => {
    const { hanzi, symbols } = gb2312();
    expect(hanzi.length).toBe(6763);
    expect(uncovered(hanzi)).toEqual([]);
    expect(uncovered(symbols)).toEqual([]);
  });

  it('covers CJK punctuation, quotes and the requested symbols', () => {
    expect(uncovered('、。，．！？：；（）【】《》〈〉「」『』〔〕“”‘’…—·～　')).toEqual([]);
    expect(uncovered('¥€℃×÷①②③④⑤⑥⑦⑧⑨⑩✓★☆●○◆▲→←↑↓‰')).toEqual([]);
    const cjkSymbols = Array.from({ length: 0x40 }, (_, i) => String.fromCodePoint(0x3000 + i));
    expect(uncovered(cjkSymbols)).toEqual([]);
  });

  it('covers the full-width ASCII block FF01–FF5E and Basic Latin', () => {
    const fullWidth = Array.from({ length: 0x5e }, (_, i) => String.fromCodePoint(0xff01 + i));
    const ascii = Array.from({ length: 0x5f }, (_, i) => String.fromCodePoint(0x20 + i));
    expect(uncovered(fullWidth)).toEqual([]);
    expect(uncovered(ascii)).toEqual([]);
  });

  it('covers the extra traditional characters', () => {
    expect(uncovered('銀行理財穩賺與為們這會來個說時後點產費買賣應對開關門問題體員機構錢條據經過還')).toEqual([]);
    const list = readFileSync(new URL('../../fonts/extra-chars.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => !line.startsWith('#'))
      .join('')
      .replace(/\s/gu, '');
    expect([...list].length).toBeGreaterThan(400);
    expect(uncovered(list)).toEqual([]);
  });

  it('does not cover characters outside the subset', () => {
    expect(fonts.has(cp('𠮷'))).toBe(false);
    expect(fonts.has(cp('龘'))).toBe(false);
    expect(fonts.has(cp('☕'))).toBe(false);
  });
});

describe('missingGlyphs', () => {
  it('finds characters no font covers, once each, in order', () => {
    expect(missingGlyphs('吉祥𠮷')).toEqual(['𠮷']);
    expect(missingGlyphs('龘𠮷龘 吉')).toEqual(['龘', '𠮷']);
  });

  it('ignores emoji that Twemoji draws', () => {
    expect(missingGlyphs('☕🎉👍❤️🌧️☀️🌸🏃📷🍜💰🎁✨🙏😊🥰')).toEqual([]);
    expect(missingGlyphs('🇨🇳👨‍👩‍👧1️⃣👍🏽')).toEqual([]);
  });

  it('reports an emoji grapheme Twemoji has no image for as one item', () => {
    expect(missingGlyphs('好👨‍👩‍👧‍👦‍👦')).toEqual(['👨‍👩‍👧‍👦‍👦']);
  });

  it('ignores whitespace, controls and zero-width characters', () => {
    expect(missingGlyphs(' \t\r\n\u3000\u00a0\u200b\u200c\u200d\u2060\ufeff\ufe0f\ufe0e\u0007')).toEqual([]);
    expect(missingGlyphs('温度\u200b银行\n理财')).toEqual([]);
  });
});

describe('loadEmoji', () => {
  const svgOf = (uri: string | undefined): string => {
    expect(uri).toMatch(/^data:image\/svg\+xml;base64,[A-Za-z0-9+/]+=*$/);
    return Buffer.from((uri ?? '').split(',')[1] ?? '', 'base64').toString('utf8');
  };

  it('returns data URIs for single emoji, with and without FE0F', () => {
    expect(svgOf(loadEmoji('☕'))).toContain('<svg');
    expect(svgOf(loadEmoji('❤️'))).toContain('<svg');
    expect(loadEmoji('❤️')).toBe(loadEmoji('❤'));
  });

  it('returns data URIs for ZWJ, flag, keycap and skin-tone sequences', () => {
    expect(svgOf(loadEmoji('👨‍👩‍👧'))).toContain('<svg');
    expect(svgOf(loadEmoji('🇨🇳'))).toContain('<svg');
    expect(svgOf(loadEmoji('1️⃣'))).toContain('<svg');
    expect(svgOf(loadEmoji('👍🏽'))).toContain('<svg');
    // Keeps FE0F where Twemoji's file name has it (1f468-200d-2695-fe0f.svg).
    expect(svgOf(loadEmoji('👨‍⚕️'))).toContain('<svg');
    expect(loadEmoji('👨‍⚕️')).not.toBe(loadEmoji('👨'));
  });

  it('returns undefined for text that is no Twemoji', () => {
    expect(loadEmoji('a')).toBeUndefined();
    expect(loadEmoji('温')).toBeUndefined();
    expect(loadEmoji('')).toBeUndefined();
    expect(loadEmoji('../package')).toBeUndefined();
  });

  it('serves satori only emoji', async () => {
    expect(await loadAdditionalAsset('emoji', '☕')).toBe(loadEmoji('☕'));
    expect(await loadAdditionalAsset('emoji', '§§')).toEqual([]);
    expect(await loadAdditionalAsset('ja-JP', '𠮷')).toEqual([]);
  });
});

describe('loadFonts', () => {
  it('reads each font once and passes the same Buffers every call', () => {
    const a = loadFonts();
    const b = loadFonts();
    expect(a.satoriFonts.map((f) => [f.name, f.weight, f.style])).toEqual([
      [FONT_FAMILY, 400, 'normal'],
      [FONT_FAMILY, 700, 'normal'],
    ]);
    a.satoriFonts.forEach((font, i) => {
      expect(font.data).toBeInstanceOf(Buffer);
      expect(font.data).toBe(b.satoriFonts[i]?.data);
    });
    expect(a.satoriFonts).toBe(b.satoriFonts);
  });

  it('hashes the font bytes: the sha256 of the regular then the bold file', () => {
    const hash = createHash('sha256');
    for (const f of ['NotoSansSC-Regular.subset.otf', 'NotoSansSC-Bold.subset.otf']) hash.update(readFileSync(new URL(`../../fonts/${f}`, import.meta.url)));
    expect(fontsHash()).toBe(hash.digest('hex'));
  });
});

describe('satori render', () => {
  it('draws Chinese, full-width forms and Twemoji emoji', async () => {
    const text = '温度银行：理财非存款（全角ＡＢＣ１２３！）“引号”…';
    const emoji = '☕🎉';
    expect(missingGlyphs(text + emoji)).toEqual([]);

    const width = 1000;
    const height = 120;
    const textWidth = 760;
    const svg = await satori(
      {
        type: 'div',
        props: {
          lang: 'zh-CN',
          style: {
            display: 'flex',
            alignItems: 'center',
            width,
            height,
            background: '#ffffff',
            color: '#000000',
            fontFamily: FONT_FAMILY,
            fontSize: 30,
            boxSizing: 'border-box',
          },
          children: [
            { type: 'div', props: { style: { display: 'flex', width: textWidth, paddingLeft: 10, boxSizing: 'border-box' }, children: text } },
            { type: 'div', props: { style: { display: 'flex', width: width - textWidth, fontSize: 60 }, children: emoji } },
          ],
        },
      },
      { width, height, fonts: loadFonts().satoriFonts, loadAdditionalAsset },
    );
    // Emoji are embedded as images, text as paths.
    expect(svg.match(/<image /g)?.length ?? 0).toBe(2);
    expect(svg).toContain('data:image/svg+xml;base64,');

    const { pixels } = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
    let dark = 0;
    let colourful = 0;
    let colourfulInText = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = 4 * (y * width + x);
        const [r, g, b] = [pixels[i] ?? 0, pixels[i + 1] ?? 0, pixels[i + 2] ?? 0];
        const chroma = Math.max(r, g, b) - Math.min(r, g, b);
        if (x < textWidth) {
          if (r + g + b < 200) dark++;
          if (chroma > 60) colourfulInText++;
        } else if (chroma > 60) {
          colourful++;
        }
      }
    }
    // Black text in the text area, coloured Twemoji pixels in the emoji area.
    expect(dark).toBeGreaterThan(2000);
    expect(colourfulInText).toBe(0);
    expect(colourful).toBeGreaterThan(1000);
  });
});

describe('what the engine draws with', () => {
  it('is what the render cache key hashes: the fonts and 小U’s art are read through pipeline/assets/', async () => {
    const { loadAssets, assetHashes, readFontFilesSync, readMascotFilesSync } = await import('../../pipeline/assets/index.ts');
    const { mascotArtHash } = await import('../../pipeline/mascot/compose.ts');
    const hashes = assetHashes(await loadAssets());
    expect(readFontFilesSync().hash).toBe(hashes.fonts);
    expect(readMascotFilesSync().hash).toBe(hashes.mascot);
    expect(mascotArtHash()).toBe(hashes.mascot);
    // the fonts satori gets are those files' bytes, regular (400) first
    const files = readFontFilesSync().files;
    expect(loadFonts().satoriFonts.map((f) => f.weight)).toEqual([400, 700]);
    for (const f of loadFonts().satoriFonts) expect(files.some((file) => file.data.equals(f.data as Buffer))).toBe(true);
  });
});

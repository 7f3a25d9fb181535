import { eslint } from './eslint.ts';
import { html } from './html.ts';
import { json } from './json.ts';
import { sarif } from './sarif.ts';
import { stylish } from './stylish.ts';
import { text } from './text.ts';
import type { Formatter } from './types.ts';

export const FORMATS: Record<'text' | 'stylish' | 'json' | 'eslint' | 'sarif' | 'html', Formatter> = { text, stylish, json, eslint, sarif, html };
export type FormatName = keyof typeof FORMATS;
export type { FileResult, ReportMeta } from './types.ts';

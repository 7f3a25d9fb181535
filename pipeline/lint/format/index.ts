import { html } from './html.ts';
import { json } from './json.ts';
import { sarif } from './sarif.ts';
import { stylish } from './stylish.ts';
import type { Formatter } from './types.ts';

export const FORMATS: Record<'stylish' | 'json' | 'sarif' | 'html', Formatter> = { stylish, json, sarif, html };
export type FormatName = keyof typeof FORMATS;
export type { FileResult, ReportMeta } from './types.ts';

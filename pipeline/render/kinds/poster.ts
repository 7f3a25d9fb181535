// The poster kind: 小U (pose from the brief, sign lettered in the project font) and a QR code of the
// brief's sign-up link.
import { brandOf } from '../context.ts';
import type { PrepareInput, Prepared } from '../job.ts';
import { tints } from './colour.ts';
import { drawMascot } from './mascot-asset.ts';
import { qrImage } from './qr.ts';

/** drawn size of the mascot on the 1080×1920 poster */
export const POSTER_MASCOT_SIZE = 540;

export async function preparePoster(input: PrepareInput): Promise<Prepared> {
  const f = input.job.brief.fields;
  if (!f.link) throw new Error(`${input.job.brief.file}: a poster needs \`link\` for its QR code`);
  const mascot = drawMascot(f.mascot, POSTER_MASCOT_SIZE, { pose: 'sign' }, input.job.brief.file);
  const qr = await qrImage(f.link);
  return {
    assets: { mascot: mascot.uri, qr: qr.uri },
    context: { tint: tints(brandOf(input.branch)), mascot: mascot.context, qr: { size: qr.size }, cta: f.cta ?? '' },
  };
}

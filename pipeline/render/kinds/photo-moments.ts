// The photo-moments kind: the brief's local photo, upright, blurred where the brief says, cropped to
// the template's photo frame, as a metadata-free JPEG asset.
import type { PrepareInput, Prepared } from '../job.ts';
import { preparePhoto } from './photo.ts';
import { titleLines } from './lines.ts';

/** The photo frame of templates/photo-moments.hbs: full width, the top of the 1080×1440 canvas. */
export const PHOTO_FRAME = { width: 1080, height: 900 } as const;
/** how far the title card reaches up into the photo frame */
export const CARD_OVERLAP = 96;
/** the photo's centre lands in the middle of the part of the frame the card leaves visible */
export const PHOTO_ANCHOR = { x: 0.5, y: (PHOTO_FRAME.height - CARD_OVERLAP) / 2 / PHOTO_FRAME.height } as const;

export async function preparePhotoMoments(input: PrepareInput): Promise<Prepared> {
  const { photo, blur } = input.job.brief.fields;
  if (!photo) throw new Error(`${input.job.brief.file}: a photo-moments brief needs \`photo\``);
  const prepared = await preparePhoto(await input.readContentFile(photo), { ...PHOTO_FRAME, blur: blur ?? [], anchor: PHOTO_ANCHOR, name: photo });
  return { assets: { photo: prepared.uri }, context: { titleLines: titleLines(input.job.brief.fields.title), photoFrame: PHOTO_FRAME, cardOverlap: CARD_OVERLAP, badgeSize: 112 } };
}

// The invitation kind (活动邀请函): 小U with the brief's pose, the event's date written the Chinese
// way, the place with the branch's own name and address, and an RSVP line with the branch phone.
import { chineseDate } from '../../week.ts';
import { brandOf, mix } from '../context.ts';
import type { PrepareInput, Prepared } from '../job.ts';
import { tints } from './colour.ts';
import { drawMascot } from './mascot-asset.ts';
import { qrImage } from './qr.ts';
import { titleLines } from './lines.ts';

/** drawn size of the mascot on the 1080×1920 invitation */
export const INVITATION_MASCOT_SIZE = 440;

/** `2026-11-28`, `14:30` → `11月28日 周六 14:30` */
export function eventWhen(date: string, time?: string): string {
  return time ? `${chineseDate(date)} ${time}` : chineseDate(date);
}

export async function prepareInvitation(input: PrepareInput): Promise<Prepared> {
  const { event, mascot: spec, link } = input.job.brief.fields;
  if (!event) throw new Error(`${input.job.brief.file}: an invitation needs \`event\` (name, date, place)`);
  const mascot = drawMascot(spec, INVITATION_MASCOT_SIZE, { pose: 'coffee', expression: 'wink' }, input.job.brief.file);
  const qr = link ? await qrImage(link, 200, 220) : undefined;
  return {
    assets: { mascot: mascot.uri, ...(qr ? { qr: qr.uri } : {}) },
    context: {
      tint: tints(brandOf(input.branch)),
      // the inner frame line: accent at 70% over the paper, as one opaque colour
      frameLine: mix(brandOf(input.branch).paper, brandOf(input.branch).accent, 0.7),
      mascot: mascot.context,
      event: {
        name: event.name,
        nameLines: titleLines(event.name),
        when: eventWhen(event.date, event.time),
        date: chineseDate(event.date),
        year: event.date.slice(0, 4),
        time: event.time ?? '',
        place: event.place,
      },
      qr: qr ? { size: qr.size } : null,
    },
  };
}

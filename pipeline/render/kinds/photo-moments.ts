// The photo-moments kind: images and values its template needs. Not built yet: draws only the brief's texts.
import type { PrepareInput, Prepared } from '../job.ts';

export async function preparePhotoMoments(_input: PrepareInput): Promise<Prepared> {
  return {};
}

// The nine-grid kind: images and values its template needs. Not built yet: draws only the brief's texts.
import type { PrepareInput, Prepared } from '../job.ts';

export async function prepareNineGrid(_input: PrepareInput): Promise<Prepared> {
  return {};
}

// The weekly-report kind: images and values its template needs. Not built yet: draws only the brief's texts.
import type { PrepareInput, Prepared } from '../job.ts';

export async function prepareWeeklyReport(_input: PrepareInput): Promise<Prepared> {
  return {};
}

// The sticker-pack kind (mascot stickers, static and animated). Not built yet.
import type { PrepareInput, RenderedJob } from '../job.ts';

export async function renderStickerPack(_input: PrepareInput & { warning: string }): Promise<RenderedJob> {
  throw new Error('sticker packs are not built yet');
}

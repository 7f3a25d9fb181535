// Bytes as a `data:` URI: how images reach satori's <img> and the report's inline avatars. A module
// of its own so a kind (render/kinds/*) can use it without importing render/job.ts, which imports the kinds.

export const dataUri = (mime: string, data: Buffer | string) => `data:${mime};base64,${Buffer.from(data).toString('base64')}`;

// Verifying a bundle: every file of the zip against the manifest, and the manifest against its
// approval stamp. Pure: takes the zip's bytes, returns what is wrong.
import yauzl from 'yauzl';
import { approvalStamp, sha256, type Manifest } from './bundle.ts';

export interface VerifyResult {
  manifest?: Manifest;
  files: number;
  /** one line per problem, naming the file */
  problems: string[];
}

export async function readZip(data: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(data, { lazyEntries: true, decodeStrings: true, strictFileNames: true }, (err, z) => (err ? reject(err) : resolve(z!))),
  );
  const entries = new Map<string, Buffer>();
  return new Promise((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve(entries));
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return reject(err ?? new Error(`cannot read ${entry.fileName}`));
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('error', reject);
        stream.on('end', () => {
          entries.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
}

export async function verifyBundle(data: Buffer): Promise<VerifyResult> {
  let entries: Map<string, Buffer>;
  try {
    entries = await readZip(data);
  } catch (err) {
    return { files: 0, problems: [`not a readable zip: ${(err as Error).message}`] };
  }
  const raw = entries.get('manifest.json');
  if (!raw) return { files: entries.size, problems: ['manifest.json: missing'] };
  let manifest: Manifest;
  try {
    manifest = JSON.parse(raw.toString('utf8')) as Manifest;
    if (!Array.isArray(manifest.files) || !manifest.approval) throw new Error('no files list or approval stamp');
  } catch (err) {
    return { files: entries.size, problems: [`manifest.json: unreadable (${(err as Error).message})`] };
  }
  const problems: string[] = [];
  const listed = new Set<string>();
  for (const f of manifest.files) {
    listed.add(f.path);
    const got = entries.get(f.path);
    if (!got) problems.push(`${f.path}: missing from the zip`);
    else if (got.length !== f.bytes || sha256(got) !== f.sha256) problems.push(`${f.path}: altered (${got.length} bytes, sha256 ${sha256(got).slice(0, 12)}…; manifest says ${f.bytes} bytes, ${f.sha256.slice(0, 12)}…)`);
  }
  for (const name of entries.keys()) if (name !== 'manifest.json' && !listed.has(name)) problems.push(`${name}: added (not in the manifest)`);
  const { approval, ...unsigned } = manifest;
  if (approval.stamp !== approvalStamp(unsigned)) problems.push('manifest.json: approval stamp does not match its contents (the manifest was edited)');
  return { manifest, files: entries.size - 1, problems };
}

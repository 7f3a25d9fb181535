// Verifying a bundle: every file of the zip against the manifest, and the manifest against head
// office's signature and the keys the caller trusts. Pure: takes the zip's bytes and the trusted
// public keys, returns what is wrong.
import yauzl from 'yauzl';
import type { KeyObject } from 'node:crypto';
import { sha256, type Manifest } from './bundle.ts';
import { fingerprint, signatureValid, SIGNATURE_ENTRY, type ManifestSignature } from './sign.ts';

/**
 * signed: a trusted key signed exactly this manifest; unsigned: no signature in the bundle;
 * untrusted: a valid signature by a key not among the trusted ones (or none given);
 * bad-signature: the signature does not match the manifest (forged or edited).
 */
export type SignatureStatus = 'signed' | 'unsigned' | 'untrusted' | 'bad-signature';

export interface VerifyResult {
  manifest?: Manifest;
  files: number;
  /** one line per problem with the files, naming the file */
  problems: string[];
  signature: SignatureStatus;
  /** fingerprint of the key the bundle says signed it */
  signedBy?: string;
}

/** The zip's entries by name. Refuses a zip with two entries of one name (or names equal but for case). */
export async function readZip(data: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(data, { lazyEntries: true, decodeStrings: true, strictFileNames: true, validateEntrySizes: true }, (err, z) => (err ? reject(err) : resolve(z!))),
  );
  const entries = new Map<string, Buffer>();
  const folded = new Set<string>();
  return new Promise((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve(entries));
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      // two entries of one name: unzip tools disagree on which wins, so a forged copy could hide behind a genuine one
      const key = entry.fileName.normalize('NFC').toLowerCase();
      if (entries.has(entry.fileName) || folded.has(key)) {
        zip.close();
        return reject(new Error(`two entries named ${entry.fileName}`));
      }
      folded.add(key);
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

export async function verifyBundle(data: Buffer, trusted: readonly KeyObject[] = []): Promise<VerifyResult> {
  let entries: Map<string, Buffer>;
  try {
    entries = await readZip(data);
  } catch (err) {
    return { files: 0, problems: [`not a readable zip: ${(err as Error).message}`], signature: 'unsigned' };
  }
  const raw = entries.get('manifest.json');
  const sigRaw = entries.get(SIGNATURE_ENTRY);
  const signature = raw ? signatureStatus(raw, sigRaw, trusted) : { status: 'unsigned' as const };
  const base = { signature: signature.status, ...(signature.by ? { signedBy: signature.by } : {}) };
  if (!raw) return { files: entries.size, problems: ['manifest.json: missing'], ...base };
  let manifest: Manifest;
  try {
    manifest = JSON.parse(raw.toString('utf8')) as Manifest;
    if (!Array.isArray(manifest.files)) throw new Error('no files list');
  } catch (err) {
    return { files: entries.size, problems: [`manifest.json: unreadable (${(err as Error).message})`], ...base };
  }
  const problems: string[] = [];
  const listed = new Set<string>();
  for (const f of manifest.files) {
    listed.add(f.path);
    const got = entries.get(f.path);
    if (!got) problems.push(`${f.path}: missing from the zip`);
    else if (got.length !== f.bytes || sha256(got) !== f.sha256) problems.push(`${f.path}: altered (${got.length} bytes, sha256 ${sha256(got).slice(0, 12)}…; manifest says ${f.bytes} bytes, ${f.sha256.slice(0, 12)}…)`);
  }
  for (const name of entries.keys()) if (name !== 'manifest.json' && name !== SIGNATURE_ENTRY && !listed.has(name)) problems.push(`${name}: added (not in the manifest)`);
  const counted = entries.size - 1 - (sigRaw ? 1 : 0);
  return { manifest, files: counted, problems, ...base };
}

function signatureStatus(manifest: Buffer, sigRaw: Buffer | undefined, trusted: readonly KeyObject[]): { status: SignatureStatus; by?: string } {
  if (!sigRaw) return { status: 'unsigned' };
  let sig: ManifestSignature;
  try {
    sig = JSON.parse(sigRaw.toString('utf8')) as ManifestSignature;
  } catch {
    return { status: 'bad-signature' };
  }
  const by = typeof sig.key === 'string' ? sig.key : undefined;
  // the fingerprint in the bundle only names a key; trust comes from checking against each trusted key
  for (const key of trusted) if (signatureValid(manifest, sig, key)) return { status: 'signed', by: fingerprint(key) };
  const named = trusted.find((k) => fingerprint(k) === by);
  if (named) return { status: 'bad-signature', ...(by ? { by } : {}) };
  return { status: 'untrusted', ...(by ? { by } : {}) };
}

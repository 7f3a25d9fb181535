// Head office's signature over a bundle's manifest: Ed25519 (node:crypto). A digest alone proves
// nothing — anyone with Wendu can recompute one — so authenticity comes from a private key that
// never leaves head office. Ed25519 signatures are deterministic: the same manifest and key give
// the same bytes, so a rebuild still reproduces the zip. Pure apart from key parsing.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

/** The zip entry beside manifest.json that carries the signature. */
export const SIGNATURE_ENTRY = 'manifest.json.sig';

export interface ManifestSignature {
  alg: 'ed25519';
  /** sha256 of the public key (SPKI DER), hex: which key signed */
  key: string;
  /** base64 Ed25519 signature over the exact bytes of manifest.json */
  signature: string;
}

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  fingerprint: string;
  /** the public key as PEM (what `public/signing-key.pub` holds) */
  publicPem: string;
}

/** sha256 over the public key's SPKI DER, hex. */
export function fingerprint(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

/** `ab12cd34 ef56…`: the first 16 hex digits in groups, for people to compare. */
export const shortFingerprint = (fp: string) => `${fp.slice(0, 8)} ${fp.slice(8, 16)}`;

export function generateSigningKey(): { privatePem: string; publicPem: string; fingerprint: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: fingerprint(publicKey),
  };
}

/** Parses a PEM private key; throws a readable error for anything but an Ed25519 key. */
export function signingKeyFrom(pem: string | Buffer): SigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    throw new Error('not a PEM private key (expected the file `wendu keys init` wrote)');
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`expected an Ed25519 key, got ${privateKey.asymmetricKeyType}`);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, fingerprint: fingerprint(publicKey), publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

/** Parses a PEM public key (a trusted key for verify). */
export function publicKeyFrom(pem: string | Buffer): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new Error('not a PEM public key (expected signing-key.pub)');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`expected an Ed25519 public key, got ${key.asymmetricKeyType}`);
  return key;
}

export function signManifest(manifest: Buffer, key: SigningKey): ManifestSignature {
  return { alg: 'ed25519', key: key.fingerprint, signature: sign(null, manifest, key.privateKey).toString('base64') };
}

export function signatureValid(manifest: Buffer, sig: ManifestSignature, key: KeyObject): boolean {
  if (sig.alg !== 'ed25519' || typeof sig.signature !== 'string') return false;
  try {
    return verify(null, manifest, key, Buffer.from(sig.signature, 'base64'));
  } catch {
    return false;
  }
}

// `wendu verify [--trust PUBKEY]… [--allow-unsigned] BUNDLE.zip…`: is this bundle exactly what head
// office approved and signed?
import { HELP_TEXTS } from './help.js';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { KeyObject } from 'node:crypto';
import { verifyBundle } from '../bundle/verify.ts';
import { publicKeyFrom, shortFingerprint } from '../bundle/sign.ts';
import { UsageError, type Io } from './io.ts';

const HELP = HELP_TEXTS.verify;

export async function verifyCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      trust: { type: 'string', multiple: true, default: [] },
      'allow-unsigned': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('name the bundle to verify, e.g. wendu verify --trust out/2026-W48/public/signing-key.pub out/2026-W48/public/bundles/xihu.zip');
  const trusted: KeyObject[] = [];
  for (const path of values.trust!) {
    const pem = await readFile(resolve(io.cwd, path)).catch(() => undefined);
    if (!pem) throw new UsageError(`cannot read the trusted key \`${path}\``);
    try {
      trusted.push(publicKeyFrom(pem));
    } catch (err) {
      throw new UsageError(`\`${path}\`: ${(err as Error).message}`);
    }
  }
  let worst = 0;
  for (const path of positionals) {
    const data = await readFile(resolve(io.cwd, path)).catch(() => undefined);
    if (!data) throw new UsageError(`cannot read \`${path}\``);
    const r = await verifyBundle(data, trusted);
    const by = r.signedBy ? `key ${shortFingerprint(r.signedBy)}` : '';
    const lines = r.problems.map((p) => `  ${p}\n`);
    let ok = r.problems.length === 0;
    if (r.signature === 'bad-signature') lines.push(`  manifest.json: the signature does not match (${by || 'unknown key'}): the manifest was edited or the signature forged\n`);
    if (r.signature === 'untrusted')
      lines.push(`  manifest.json: signed by ${by || 'an unknown key'}, which is not a trusted key${trusted.length ? '' : ' (name head office’s public key with --trust)'}\n`);
    if (r.signature === 'bad-signature' || r.signature === 'untrusted') ok = false;
    if (r.signature === 'unsigned' && !values['allow-unsigned']) {
      lines.push('  manifest.json: unsigned — nothing proves head office approved it (pass --allow-unsigned to accept)\n');
      ok = false;
    }
    if (ok) {
      const m = r.manifest!;
      const how = r.signature === 'signed' ? `signed by trusted ${by}` : 'UNSIGNED (accepted with --allow-unsigned)';
      io.stdout(`${path}: intact — ${r.files} files, ${m.branch} ${m.week}, rule set ${m.ruleset}, ${how}\n`);
    } else {
      worst = 1;
      const what = r.problems.length ? 'NOT intact' : r.signature === 'unsigned' ? 'intact but UNSIGNED' : 'signature NOT trusted';
      io.stderr(`${path}: ${what}\n${lines.join('')}`);
    }
  }
  return worst;
}

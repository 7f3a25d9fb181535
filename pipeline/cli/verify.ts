// `wendu verify BUNDLE.zip` arrives with the branch bundles; until then it says so and exits 2.
import type { Io } from './io.ts';

export async function verifyCommand(_argv: string[], io: Io): Promise<number> {
  io.stderr('wendu verify: branch bundles are not built yet, so there is nothing to verify\n');
  return 2;
}

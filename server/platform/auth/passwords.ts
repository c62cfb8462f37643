// Local passwords: argon2id with OWASP's recommended parameters (19 MiB, 2 passes).
import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id; the package's const enum cannot be imported under verbatimModuleSyntax.
const ARGON2ID = 2;

const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), OPTIONS);
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  // Unknown accounts are checked against a throw-away hash so both answers take as long.
  const target = stored ?? (await dummyHash());
  try {
    const ok = await verify(target, password.normalize('NFC'));
    return ok && stored !== null;
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  dummy ??= hash('not a real password, only spends time', OPTIONS);
  return dummy;
}

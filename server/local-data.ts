// Where the embedded default keeps its state (./.data unless DATA_DIR says otherwise), and the
// secrets it generates once when SESSION_SECRET / HMAC_KEY are not given in the environment.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { serverEnv } from './env.ts';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function dataDir(): string {
  return path.resolve(projectRoot, serverEnv().DATA_DIR);
}

/**
 * SESSION_SECRET and HMAC_KEY for this process: from the environment, or generated once into
 * DATA_DIR. A real deployment (DATABASE_URL in production) must bring its own, unless
 * ALLOW_LOCAL_SECRETS says this single machine keeps them in its data folder.
 */
export function ensureSecrets(log: (message: string) => void): void {
  if (process.env.SESSION_SECRET && process.env.HMAC_KEY) return;
  const env = serverEnv();
  if (env.DATABASE_URL && env.NODE_ENV === 'production' && !env.ALLOW_LOCAL_SECRETS) {
    throw new Error('SESSION_SECRET and HMAC_KEY must be set when DATABASE_URL is (see README)');
  }
  ensureLocalSecrets(log);
}

const SecretsFile = z.object({ sessionSecret: z.string().min(32), hmacKey: z.string().min(32) });

/** Fills SESSION_SECRET and HMAC_KEY from ./.data/secrets.json, generating them on first use. */
export function ensureLocalSecrets(log: (message: string) => void): void {
  if (process.env.SESSION_SECRET && process.env.HMAC_KEY) return;
  const dir = dataDir();
  const file = path.join(dir, 'secrets.json');
  mkdirSync(dir, { recursive: true });
  let secrets: z.infer<typeof SecretsFile>;
  if (existsSync(file)) {
    secrets = SecretsFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  } else {
    secrets = { sessionSecret: randomBytes(32).toString('base64url'), hmacKey: randomBytes(32).toString('base64url') };
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    log(`generated SESSION_SECRET and HMAC_KEY in ${file}; keep that file, access codes depend on it`);
  }
  process.env.SESSION_SECRET ??= secrets.sessionSecret;
  process.env.HMAC_KEY ??= secrets.hmacKey;
}

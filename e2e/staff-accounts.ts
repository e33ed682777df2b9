// Staff accounts for the back-office e2e tests, written straight into the throwaway database
// that scripts/serve-throwaway.ts reports through its state file.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hash } from '@node-rs/argon2';
import pg from 'pg';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const STATE_FILE = path.join(os.tmpdir(), `petition-desk-e2e-state-${E2E_PORT}.json`);

export interface StaffLogin {
  email: string;
  password: string;
  name: string;
}

interface ServerState {
  databaseUrl: string;
  sessionSecret: string;
  hmacKey: string;
}

function serverState(): ServerState {
  return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as ServerState;
}

function databaseUrl(): string {
  return serverState().databaseUrl;
}

/**
 * An administrator with two-step verification already on (admins must use it). Returns the TOTP
 * secret so the test can compute codes. The secret is sealed with the server's own key.
 */
export async function createAdminWithTotp(): Promise<StaffLogin & { totpSecret: string }> {
  const state = serverState();
  process.env.SESSION_SECRET = state.sessionSecret;
  process.env.HMAC_KEY = state.hmacKey;
  process.env.DATABASE_URL = state.databaseUrl;
  const { seal } = await import('#app/platform/crypto/keys.server.ts');
  const { base32Encode } = await import('#app/features/staff/totp.server.ts');
  const totpSecret = base32Encode(Uint8Array.from({ length: 20 }, (_, i) => (i * 37 + 11) % 256));
  const login = await createStaff('ADMIN');
  const client = new pg.Client({ connectionString: state.databaseUrl });
  await client.connect();
  try {
    await client.query(`UPDATE "StaffUser" SET "totpSecretSealed" = $1, "totpEnabledAt" = now() WHERE email = $2`, [
      seal(totpSecret),
      login.email,
    ]);
  } finally {
    await client.end();
  }
  return { ...login, totpSecret };
}

/** Creates an active account with a known password (no forced change, no second factor). */
const NAMES = { CLERK: '王登记', HANDLER: '李承办', SUPERVISOR: '赵督办', ANALYST: '钱研判', ADMIN: '孙管理' } as const;

export async function createStaff(role: keyof typeof NAMES, unitCode?: string): Promise<StaffLogin> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const unit = unitCode ? await client.query<{ id: string }>('SELECT id FROM "Unit" WHERE code = $1', [unitCode]) : null;
    const suffix = randomUUID().slice(0, 8);
    // Unique names, so a test picks its own handler from a list that other tests fill too.
    const login = {
      email: `${role.toLowerCase()}-${suffix}@example.gov.cn`,
      password: 'e2e correct horse battery',
      name: `${NAMES[role]} ${suffix}`,
    };
    await client.query(
      `INSERT INTO "StaffUser" (id, email, name, role, "unitId", "passwordHash", "updatedAt")
       VALUES ($1, $2, $3, $4::"StaffRole", $5, $6, now())`,
      [
        randomUUID(),
        login.email,
        login.name,
        role,
        unit?.rows[0]?.id ?? null,
        await hash(login.password, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 }),
      ],
    );
    return login;
  } finally {
    await client.end();
  }
}

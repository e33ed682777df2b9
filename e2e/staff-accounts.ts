// Staff accounts for the back-office e2e tests, written straight into the throwaway database
// that scripts/serve-throwaway.ts reports through its state file (server-state.ts).
import { randomBytes, randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import pg from 'pg';
import { serverState, adoptServerEnvironment } from './server-state.ts';

export interface StaffLogin {
  email: string;
  password: string;
  name: string;
}

/**
 * A staff member with two-step verification already on (admins and supervisors must use it), of
 * the unit with this code or of none. Returns the TOTP secret so the test can compute codes. The
 * secret is sealed with the server's key.
 */
export async function createStaffWithTotp(role: 'ADMIN' | 'SUPERVISOR', unitCode?: string): Promise<StaffLogin & { totpSecret: string }> {
  const state = adoptServerEnvironment();
  const { seal } = await import('#app/platform/crypto/keys.server.ts');
  const { base32Encode } = await import('#app/features/staff/totp.server.ts');
  const totpSecret = base32Encode(randomBytes(20));
  const login = await createStaff(role, unitCode);
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

export async function createAdminWithTotp(): Promise<StaffLogin & { totpSecret: string }> {
  return await createStaffWithTotp('ADMIN');
}

/** Creates an active account with a known password (no forced change, no second factor). */
const NAMES = { CLERK: '王登记', HANDLER: '李承办', SUPERVISOR: '赵督办', ANALYST: '钱研判', ADMIN: '孙管理' } as const;

export async function createStaff(role: keyof typeof NAMES, unitCode?: string): Promise<StaffLogin> {
  const client = new pg.Client({ connectionString: serverState().databaseUrl });
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

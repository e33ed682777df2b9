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

function databaseUrl(): string {
  const state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as { databaseUrl: string };
  return state.databaseUrl;
}

/** Creates an active account with a known password (no forced change, no second factor). */
export async function createStaff(role: 'CLERK' | 'HANDLER' | 'SUPERVISOR', unitCode?: string): Promise<StaffLogin> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const unit = unitCode ? await client.query<{ id: string }>('SELECT id FROM "Unit" WHERE code = $1', [unitCode]) : null;
    const suffix = randomUUID().slice(0, 8);
    // Unique names, so a test picks its own handler from a list that other tests fill too.
    const login = {
      email: `${role.toLowerCase()}-${suffix}@example.gov.cn`,
      password: 'e2e correct horse battery',
      name: `${role === 'CLERK' ? '王登记' : role === 'HANDLER' ? '李承办' : '赵督办'} ${suffix}`,
    };
    await client.query(
      `INSERT INTO "StaffUser" (id, email, name, role, "unitId", "passwordHash", "updatedAt")
       VALUES ($1, $2, $3, $4::"StaffRole", $5, $6, now())`,
      [randomUUID(), login.email, login.name, role, unit?.rows[0]?.id ?? null, await hash(login.password, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 })],
    );
    return login;
  } finally {
    await client.end();
  }
}

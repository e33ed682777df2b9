// The throwaway server of the e2e run (scripts/serve-throwaway.ts) writes its database address,
// keys and outbox folder to a state file; the test workers read it here to set cases and staff up.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const STATE_FILE = path.join(os.tmpdir(), `petition-desk-e2e-state-${E2E_PORT}.json`);

const ServerState = z.object({
  databaseUrl: z.string(),
  sessionSecret: z.string(),
  hmacKey: z.string(),
  outboxDir: z.string().optional(),
});
export type ServerState = z.infer<typeof ServerState>;

/** Every test submits from 127.0.0.1; the suite's letters must not trip the per-address limit. */
export const SUITE_SUBMIT_RATE_LIMIT = '1000';

export function serverState(): ServerState {
  return ServerState.parse(JSON.parse(readFileSync(STATE_FILE, 'utf8')));
}

/**
 * Points this worker process at the server's database and keys, so that the app's own modules
 * (imported after this) act on the same data. Its submission limit is the server's (raised for
 * the suite in playwright.config.ts).
 */
export function adoptServerEnvironment(): ServerState {
  const state = serverState();
  process.env.DATABASE_URL = state.databaseUrl;
  process.env.SESSION_SECRET = state.sessionSecret;
  process.env.HMAC_KEY = state.hmacKey;
  process.env.SUBMIT_RATE_LIMIT = SUITE_SUBMIT_RATE_LIMIT;
  return state;
}

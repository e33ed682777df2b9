// Serves the built app on a brand-new embedded database that is deleted on exit. Used by the
// Playwright e2e suite and the benchmarks; never by `npm start`.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = mkdtempSync(path.join(os.tmpdir(), 'pd-throwaway-'));
process.env.DATA_DIR = dir;
process.env.EMBEDDED_PG_PORT ??= '0';
delete process.env.DATABASE_URL;
const cleanup = () => rmSync(dir, { recursive: true, force: true });
process.once('exit', cleanup);

await import('./start.ts');

import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
// Read once per run (the files share their modules, vitest.config.ts), so set here for every file.
process.env.STORAGE_DIR = inject('storageDir');
process.env.SESSION_SECRET = 'integration-test-session-secret-0123456789';
process.env.HMAC_KEY = 'integration-test-hmac-key-0123456789abcdef';
process.env.NODE_ENV = 'test';
// A delivery that uses the configured transports (the worker's SMS files, say) writes outside the work tree.
process.env.OUTBOX_DIR ??= path.join(os.tmpdir(), 'pd-integration-outbox');

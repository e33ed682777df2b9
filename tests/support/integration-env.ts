import { inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.SESSION_SECRET = 'integration-test-session-secret-0123456789';
process.env.HMAC_KEY = 'integration-test-hmac-key-0123456789abcdef';
process.env.NODE_ENV = 'test';

// npm run env:example: writes .env.example from the environment schemas (the app's and the
// server's), so the example lists every variable with its description and default, and cannot
// drift from the code (a unit test checks it is up to date).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { envExample } from '../server/env-example.ts';
import { projectRoot } from '../server/local-data.ts';

writeFileSync(path.join(projectRoot, '.env.example'), envExample());
console.log('wrote .env.example');

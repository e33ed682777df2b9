import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envExample } from './env-example.ts';
import { projectRoot } from './local-data.ts';

describe('.env.example', () => {
  it('is what the environment schemas say (run `npm run env:example` after changing them)', () => {
    expect(readFileSync(path.join(projectRoot, '.env.example'), 'utf8')).toBe(envExample());
  });

  it('describes every variable', () => {
    const undescribed = envExample()
      .split('\n')
      .filter((line, index, all) => /^# [A-Z_]+=/.test(line) && all[index - 1] === '#');
    expect(undescribed).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { dialNumbers } from './crisis-lines.ts';

describe('dialNumbers', () => {
  it('makes each number of "110 / 120" its own number to dial', () => {
    expect(dialNumbers('110 / 120')).toEqual([
      { label: '110', dial: '110' },
      { label: '120', dial: '120' },
    ]);
  });

  it('splits on the separators people write in Chinese and English, and keeps a leading +', () => {
    expect(dialNumbers('400-161-9995、12356').map((n) => n.dial)).toEqual(['4001619995', '12356']);
    expect(dialNumbers('+86 10 8295 1332 or 12320').map((n) => n.dial)).toEqual(['+861082951332', '12320']);
    expect(dialNumbers('12345；110').map((n) => n.label)).toEqual(['12345', '110']);
  });

  it('keeps one number as one, and drops text with no number to dial', () => {
    expect(dialNumbers('010-8295 1332')).toEqual([{ label: '010-8295 1332', dial: '01082951332' }]);
    expect(dialNumbers('ask at the desk')).toEqual([]);
  });
});

// The HTTP server's body caps: room for five 10 MB files (and a few too many, so the form can
// say so), while a text form may not declare megabytes of body.
import { describe, expect, it } from 'vitest';
import { BODY_LIMITS, bodyTooLarge } from './http-server.ts';

describe('bodyTooLarge', () => {
  it('lets a multipart form with five files of 10 MB through, with room to report a few files too many', () => {
    expect(BODY_LIMITS.multipart).toBeGreaterThan(8 * 10 * 1024 * 1024);
    expect(bodyTooLarge('multipart/form-data; boundary=x', String(5 * 10 * 1024 * 1024 + 100_000))).toBe(false);
    expect(bodyTooLarge('multipart/form-data; boundary=x', String(BODY_LIMITS.multipart + 1))).toBe(true);
  });

  it('caps other bodies lower', () => {
    expect(bodyTooLarge('application/x-www-form-urlencoded', String(200_000))).toBe(false);
    expect(bodyTooLarge('application/x-www-form-urlencoded', String(BODY_LIMITS.other + 1))).toBe(true);
    expect(bodyTooLarge(undefined, String(BODY_LIMITS.other + 1))).toBe(true);
  });

  it('leaves requests without a declared length to the readers (which bound what they keep)', () => {
    expect(bodyTooLarge('multipart/form-data; boundary=x', undefined)).toBe(false);
    expect(bodyTooLarge('multipart/form-data; boundary=x', 'nonsense')).toBe(true);
  });
});

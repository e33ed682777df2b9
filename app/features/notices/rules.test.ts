import { describe, expect, it } from 'vitest';
import { pickLocalized } from '#app/i18n/localized.ts';
import { isNoticeCurrent, noticeState, noticeUpdatedAt, paragraphs } from './rules.ts';

const at = (iso: string) => new Date(iso);

describe('notice visibility', () => {
  const notice = { publishedAt: at('2026-12-01T00:00:00Z'), expiresAt: at('2026-12-10T00:00:00Z') };
  it('is scheduled before its publish time, shown from it, and ended from its expiry', () => {
    expect(noticeState(notice, at('2026-11-30T23:59:59Z'))).toBe('SCHEDULED');
    expect(noticeState(notice, at('2026-12-01T00:00:00Z'))).toBe('CURRENT');
    expect(noticeState(notice, at('2026-12-09T23:59:59Z'))).toBe('CURRENT');
    expect(noticeState(notice, at('2026-12-10T00:00:00Z'))).toBe('EXPIRED');
    expect(isNoticeCurrent(notice, at('2026-12-05T00:00:00Z'))).toBe(true);
    expect(isNoticeCurrent(notice, at('2026-12-11T00:00:00Z'))).toBe(false);
  });

  it('without an expiry, stays shown; taken down before its day, never appears', () => {
    expect(noticeState({ publishedAt: at('2026-01-01T00:00:00Z'), expiresAt: null }, at('2036-01-01T00:00:00Z'))).toBe('CURRENT');
    const takenDown = { publishedAt: at('2026-12-20T00:00:00Z'), expiresAt: at('2026-12-02T00:00:00Z') };
    expect(noticeState(takenDown, at('2026-12-03T00:00:00Z'))).toBe('EXPIRED');
    expect(noticeState(takenDown, at('2026-12-21T00:00:00Z'))).toBe('EXPIRED');
  });
});

describe('notice text', () => {
  it('picks the reader language', () => {
    const text = { zhHans: '简', zhHant: '繁', en: 'en' };
    expect(pickLocalized(text, 'zh-Hans')).toBe('简');
    expect(pickLocalized(text, 'zh-Hant')).toBe('繁');
    expect(pickLocalized(text, 'en')).toBe('en');
  });

  it('splits paragraphs at blank lines, keeping single line breaks', () => {
    expect(paragraphs('First\nstill first\r\n\r\n  Second  \n\n\n\nThird\n')).toEqual(['First\nstill first', 'Second', 'Third']);
    expect(paragraphs('  \n ')).toEqual([]);
  });

  it('is never updated before it is published (for feeds)', () => {
    const publishedAt = at('2026-12-05T00:00:00Z');
    expect(noticeUpdatedAt({ publishedAt, updatedAt: at('2026-12-01T00:00:00Z') })).toBe(publishedAt);
    expect(noticeUpdatedAt({ publishedAt, updatedAt: at('2026-12-06T00:00:00Z') }).toISOString()).toBe('2026-12-06T00:00:00.000Z');
  });
});

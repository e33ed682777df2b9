import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage, matchLocaleTag } from './config.ts';

describe('matchLocaleTag', () => {
  it.each([
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-Hans-CN', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['zh-Hant-HK', 'zh-Hant'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['EN-us', 'en'],
    ['fr', null],
    ['', null],
  ])('%s → %s', (tag, expected) => {
    expect(matchLocaleTag(tag)).toBe(expected);
  });
});

describe('localeFromAcceptLanguage', () => {
  it('follows q-values, not only order', () => {
    expect(localeFromAcceptLanguage('en;q=0.5, zh-TW;q=0.9')).toBe('zh-Hant');
  });
  it('skips languages we do not offer', () => {
    expect(localeFromAcceptLanguage('fr-FR, de;q=0.9, en;q=0.8')).toBe('en');
  });
  it('ignores q=0', () => {
    expect(localeFromAcceptLanguage('en;q=0, zh')).toBe('zh-Hans');
  });
  it('returns null when nothing matches or there is no header', () => {
    expect(localeFromAcceptLanguage('fr, de')).toBeNull();
    expect(localeFromAcceptLanguage(null)).toBeNull();
  });
});

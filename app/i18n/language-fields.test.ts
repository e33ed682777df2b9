import { describe, expect, it } from 'vitest';
import { inEachLanguage, languageField } from './language-fields.ts';

describe('fields kept in each language', () => {
  it('splits a field into its base and its language', () => {
    expect(languageField('titleZhHans')).toEqual({ base: 'title', suffix: 'ZhHans' });
    expect(languageField('placeZhHant')).toEqual({ base: 'place', suffix: 'ZhHant' });
    expect(languageField('officialEn')).toEqual({ base: 'official', suffix: 'En' });
    expect(languageField('publishOn')).toEqual({ base: 'publishOn', suffix: null });
    expect(languageField('En')).toEqual({ base: 'En', suffix: null });
  });

  it('lists each base in every language, base by base', () => {
    expect(inEachLanguage('title', 'body')).toEqual(['titleZhHans', 'titleZhHant', 'titleEn', 'bodyZhHans', 'bodyZhHant', 'bodyEn']);
  });
});

// Every measure, section, dimension and period kind of the reports has its words in each language:
// adding a measure without its label fails here.
import { describe, expect, it } from 'vitest';
import { CHANNELS, WARNING_LEVELS } from '#app/features/cases/attributes.ts';
import { LOCALES } from '#app/i18n/config.ts';
import { resources } from '#app/i18n/resources.ts';
import { MEASURE_KEYS } from './measures.server.ts';
import { DIMENSIONS, SECTIONS } from './measures.ts';
import { PERIOD_KINDS } from './periods.ts';

function text(locale: (typeof LOCALES)[number], path: string): unknown {
  let node: unknown = resources[locale].reports;
  for (const part of path.split('.'))
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return node;
}

const vocabularies: [string, readonly string[], (member: string) => string][] = [
  ['measures', MEASURE_KEYS, (key) => `measures.${key}`],
  ['sections', SECTIONS, (key) => `sections.${key}`],
  ['dimensions', DIMENSIONS, (key) => `dimensions.${key}`],
  ['period kinds', PERIOD_KINDS, (key) => `form.period.options.${key}`],
  ['previous periods', PERIOD_KINDS, (key) => `previousWord.${key}`],
  ['channels', CHANNELS, (key) => `channels.${key}`],
  ['warning levels', WARNING_LEVELS, (key) => `levels.${key}`],
];

describe.each(vocabularies)('report %s', (_name, members, keyOf) => {
  it.each(LOCALES)('each has its words in %s', (locale) => {
    expect(members.filter((member) => typeof text(locale, keyOf(member)) !== 'string')).toEqual([]);
  });
});

describe('measure labels', () => {
  it.each(LOCALES)('name only measures that exist in %s', (locale) => {
    const labelled = Object.keys(text(locale, 'measures') as Record<string, string>);
    expect(labelled.filter((key) => !(MEASURE_KEYS as readonly string[]).includes(key))).toEqual([]);
  });
});

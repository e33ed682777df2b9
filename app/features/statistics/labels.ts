// The words for a row of a breakdown or a ranking, in the reader's language: the page, the
// downloads and the public figures name rows the same way. Pure.
import { OTHER_KEY, type Dimension } from './measures.ts';
import type { TFunction } from 'i18next';

/** Category and unit names in the reader's language, by id. */
export interface ReportNames {
  category: Record<string, string>;
  unit: Record<string, string>;
}

export function keyLabel(
  dimension: Dimension,
  key: string,
  names: ReportNames,
  t: TFunction,
  day: (iso: string) => string = (iso) => iso,
): string {
  if (key === OTHER_KEY) return t('reports:other');
  switch (dimension) {
    case 'channel':
      return t(`reports:channels.${key}`);
    case 'kind':
      return t(`common:kinds.${key}.label`);
    case 'category':
      return names.category[key] ?? t('reports:unknown');
    case 'unit':
      return key === '' ? t('reports:unassigned') : (names.unit[key] ?? t('reports:unknown'));
    case 'area':
      return key === '' ? t('reports:noArea') : key;
    case 'level':
      return t(`reports:levels.${key}`);
    case 'solved':
      return t(`follow-up:rate.solvedOptions.${key}`);
    case 'bucket':
      return day(key);
    case 'categoryArea':
      return key;
    case 'declineReason':
      return key === '' ? t('reports:noReason') : t(`common:declineReasons.${key}.label`);
    case 'outcome':
      return t(`common:claimOutcomes.${key}`);
  }
}

// The facts every page about a reception day shows, worded once: when a slot is, where the day
// is held, who receives, what it covers, and how many places a slot has left.
import { useTranslation } from 'react-i18next';
import { useFormatDay } from '#app/ui/format.ts';
import type { SlotState } from '#app/features/reception/rules.ts';
import type { SummaryItem } from '#app/ui/summary-list.tsx';

interface AboutDay {
  place: string;
  official?: string;
  /** Names of what the day covers; empty: every topic. */
  covers?: string[];
}

export function useDayFacts() {
  const { t } = useTranslation('visits');
  const format = useFormatDay();
  return {
    when: (date: string, slot: { startsAt: string; endsAt: string }): SummaryItem => ({
      label: t('book.when'),
      value: t('book.whenValue', { date: format.day(date), time: format.timeRange(slot.startsAt, slot.endsAt) }),
    }),
    /** Where, who receives and what it covers, as far as `day` says. */
    about: (day: AboutDay): SummaryItem[] => [
      { label: t('list.place'), value: day.place },
      ...(day.official === undefined ? [] : [{ label: t('list.official'), value: day.official }]),
      ...(day.covers === undefined
        ? []
        : [{ label: t('list.covers'), value: day.covers.length > 0 ? day.covers.join(t('list.separator')) : t('list.allTopics') }]),
    ],
    places: (slot: { state: SlotState; free: number }): string =>
      slot.state === 'open' ? t('list.placesLeft', { places: slot.free }) : t(`list.state.${slot.state}`),
  };
}

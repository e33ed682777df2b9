// A warning level, and a response target's countdown, in words and colour (never colour alone).
// Targets are hours to a few days away, so the countdown speaks in hours below two days.
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '#app/ui/format.ts';
import type { WarningLevel } from '#app/features/cases/attributes.ts';
import type { ResponseWording, TargetKind, TargetState } from '#app/features/early-warning/levels.ts';

export function WarningLevelBadge({ level }: { level: WarningLevel }) {
  const { t } = useTranslation('office-warning');
  if (level === 'NONE') return <span>{t('level.NONE')}</span>;
  return <span className={`warning-level warning-level--${level}`}>{t(`level.${level}`)}</span>;
}

const HOUR = 3_600_000;

export function relativeTime(dueAt: Date, now: Date, language: string): string {
  const hours = (dueAt.getTime() - now.getTime()) / HOUR;
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  return Math.abs(hours) < 48 ? format.format(Math.round(hours), 'hour') : format.format(Math.round(hours / 24), 'day');
}

export interface TargetView {
  kind: TargetKind;
  dueAt: string | Date;
  metAt: string | Date | null;
  state: TargetState;
}

/** "Response due in 5 hours", "Missed: response, 2 hours ago", "Met on 24 Nov". */
export function TargetBadge({ target, wording, now }: { target: TargetView; wording: ResponseWording | null; now: string | Date }) {
  const { t, i18n } = useTranslation('office-warning');
  const formatDate = useFormatDate();
  const dueAt = new Date(target.dueAt);
  const name = t(target.kind === 'response' ? `target.response_${wording ?? 'response'}` : `target.${target.kind}`);
  const when = relativeTime(dueAt, new Date(now), i18n.language);
  const metAt = target.metAt ? formatDate(target.metAt, true) : '';
  return (
    <span className={`target target--${target.state}`} title={formatDate(dueAt, true)}>
      {t(`targetState.${target.state}`, { target: name, when, metAt })}
    </span>
  );
}

/** Each of a case's response targets, with its countdown or outcome. */
export function TargetList({ targets, wording, now }: { targets: TargetView[]; wording: ResponseWording | null; now: string | Date }) {
  return (
    <ul className="target-list">
      {targets.map((target) => (
        <li key={target.kind}>
          <TargetBadge target={target} wording={wording} now={now} />
        </li>
      ))}
    </ul>
  );
}

/** The queue's column: the nearest response target not yet met, and whether it was missed. */
export function NextTargetBadge({ dueAt, now }: { dueAt: string | Date; now: string | Date }) {
  const { t, i18n } = useTranslation('office-warning');
  const formatDate = useFormatDate();
  const due = new Date(dueAt);
  const current = new Date(now);
  const state = due < current ? 'missed' : 'open';
  return (
    <span className={`target target--${state}`} title={formatDate(due, true)}>
      {t(`queueTarget.${state}`, { when: relativeTime(due, current, i18n.language) })}
    </span>
  );
}

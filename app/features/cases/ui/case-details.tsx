// The back-office case page's reading parts: the submission, the contact details (shown on request,
// and logged), the timeline and the statutory deadlines.
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { articleList } from '#app/features/cases/deadlines.ts';
import { eventLabelKey } from '#app/features/cases/events.ts';
import { Button } from '#app/ui/button.tsx';
import { useFormatDate } from '#app/ui/format.ts';
import { SummaryList } from '#app/ui/summary-list.tsx';
import { DueBadge } from './due-badge.tsx';
import type { CaseContactView } from '#app/features/cases/case-page.server.ts';
import type { ReactNode } from 'react';

type When = string | Date;

export interface CaseSubmissionView {
  subject: string;
  kind: string;
  category: string;
  area: string | null;
  channel: string;
  coSignerCount: number;
  receivedAt: When;
  unit: string | null;
  assignee: string | null;
  preferredReplyChannel: string;
  transferredTo: string | null;
  mergedInto: string | null;
}

export function CaseSubmission({ c }: { c: CaseSubmissionView }) {
  const { t, i18n } = useTranslation('office');
  const { t: tc } = useTranslation('common');
  const formatDate = useFormatDate();
  return (
    <SummaryList
      items={[
        { label: t('case.subject'), value: c.subject },
        { label: t('queue.columns.kind'), value: tc(`kinds.${c.kind}.label`) },
        { label: t('queue.columns.category'), value: c.category },
        { label: t('case.area'), value: c.area ?? '—' },
        { label: t('queue.channel'), value: t(`channels.${c.channel}`) },
        { label: t('case.coSigners'), value: new Intl.NumberFormat(i18n.language).format(c.coSignerCount) },
        { label: t('queue.columns.received'), value: formatDate(c.receivedAt, true) },
        { label: t('queue.columns.unit'), value: c.unit ?? t('queue.unassigned') },
        { label: t('queue.assignee'), value: c.assignee ?? '—' },
        { label: t('case.replyChannel'), value: tc(`replyChannels.${c.preferredReplyChannel}`) },
        { label: t('case.transferredTo'), value: c.transferredTo },
        { label: t('case.mergedInto'), value: c.mergedInto ? <span className="reference">{c.mergedInto}</span> : null },
      ]}
    />
  );
}

/**
 * The citizen's contact details: hidden until asked for (the request is logged), never for an
 * anonymous case, and not for those who may not see them (a report about their own unit).
 */
export function CaseContact({ anonymous, allowed, contact }: { anonymous: boolean; allowed: boolean; contact: CaseContactView | null }) {
  const { t } = useTranslation('office');
  let body: ReactNode;
  if (anonymous) body = <p>{t('case.anonymous')}</p>;
  else if (contact)
    body = (
      <SummaryList
        testId="office-case-contact"
        items={[
          { label: t('case.contactName'), value: contact.name },
          { label: t('case.contactPhone'), value: contact.phone ?? '—' },
          { label: t('case.contactEmail'), value: contact.email ?? '—' },
          { label: t('case.contactAddress'), value: contact.postalAddress ?? '—' },
        ]}
      />
    );
  else if (allowed)
    body = (
      <Form method="post">
        <input type="hidden" name="intent" value="showContact" />
        <p className="field__hint">{t('case.contactLogged')}</p>
        <Button variant="secondary">{t('case.showContact')}</Button>
      </Form>
    );
  else body = <p>{t('case.contactRestricted')}</p>;
  return (
    <>
      <h2>{t('case.contact')}</h2>
      {body}
    </>
  );
}

interface TimelineEvent {
  id: string;
  type: string;
  visibility: string;
  actor: string | null;
  actorType: string;
  message: string | null;
  at: When;
}

export function CaseTimeline({ events }: { events: TimelineEvent[] }) {
  const { t } = useTranslation('office');
  const formatDate = useFormatDate();
  return (
    <>
      <h2>{t('case.timeline')}</h2>
      <ol className="timeline" data-testid="office-case-timeline">
        {events.map((event) => (
          <li key={event.id}>
            <p className="timeline__date">{formatDate(event.at, true)}</p>
            <p className="timeline__what">
              {t(eventLabelKey(event.type))}
              <span className={`event-tag event-tag--${event.visibility}`}>{t(`visibility.${event.visibility}`)}</span>
            </p>
            <p className="field__hint">{event.actor ?? t(`actorType.${event.actorType}`)}</p>
            {event.message ? <p className="case-body">{event.message}</p> : null}
          </li>
        ))}
      </ol>
    </>
  );
}

interface Deadline {
  kind: string;
  dueAt: When;
  article: string;
  active: boolean;
}

/** The statutory deadlines, each with its article; the running one counts down. */
export function CaseDeadlines({
  deadlines,
  extension,
  now,
}: {
  deadlines: Deadline[];
  extension: { days: number | null; reason: string | null };
  now: When;
}) {
  const { t } = useTranslation('office');
  const { t: tc, i18n: i18nCommon } = useTranslation('common');
  const formatDate = useFormatDate();
  return (
    <>
      <h2 id="deadlines-title">{t('case.deadlines')}</h2>
      <ul className="deadline-list">
        {deadlines.map((d) => (
          <li key={d.kind}>
            {t(`deadline.${d.kind}`)}: <strong>{formatDate(d.dueAt)}</strong> {d.active ? <DueBadge dueAt={d.dueAt} now={now} /> : null}
            <br />
            <span className="article">{tc('case.article', { article: articleList(d.article, i18nCommon.language) })}</span>
          </li>
        ))}
      </ul>
      {extension.days ? <p>{t('case.extended', { days: extension.days, reason: extension.reason ?? '' })}</p> : null}
    </>
  );
}

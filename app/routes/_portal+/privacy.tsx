// /privacy: the privacy notice (who keeps what, why, for how long, and the reader's rights).
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { getSetting } from '#app/features/settings/settings.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { sharedPageHeaders } from '#app/platform/http/headers.ts';
import { route } from '#app/platform/http/route.server.ts';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

/** The same for every visitor in a language: a crowd is served from one rendering. */
export const headers = sharedPageHeaders;

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const { t } = await translatorFor(request);
  // The periods the worker applies (jobs/retention.server.ts), stated as they are set.
  return { title: t('privacy.title'), retention: await getSetting('retention') };
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

const SECTIONS = ['who', 'what', 'why', 'who_sees', 'anonymous', 'how_long', 'rights'] as const;

const PERIODS = ['contactYears', 'attachmentYears', 'bookingDays', 'rateLimitDays', 'sessionDays'] as const;

export default function Privacy() {
  const { t } = useTranslation();
  const { retention } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t('privacy.title')}</h1>
      <p className="lead">{t('privacy.lead')}</p>
      {SECTIONS.map((section) => (
        <section key={section}>
          <h2>{t(`privacy.sections.${section}.title`)}</h2>
          <p>{t(`privacy.sections.${section}.body`)}</p>
          {section === 'how_long' ? (
            <ul data-testid="retention-periods">
              {PERIODS.map((period) => (
                <li key={period}>{t(`privacy.periods.${period}`, { count: retention[period] })}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </>
  );
}

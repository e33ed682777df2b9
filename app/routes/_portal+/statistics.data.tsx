// /statistics/data: what the downloads of the public figures hold, field by field (the schema of
// /statistics.json and the columns of /statistics.csv), so that anyone can reuse them.
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { PUBLIC_SCHEMA } from '#app/features/statistics/public-figures.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const { t } = await translatorFor(request);
  return { title: t('reports:public.schema.title') };
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

const JSON_FIELDS = [
  'schema',
  'generatedAt',
  'timeZone',
  'threshold',
  'categories',
  'units',
  'months',
  'years',
  'received',
  'byChannel',
  'byCategory',
  'acceptedOnTime',
  'repliedOnTime',
  'medianDaysToReply',
  'satisfaction',
  'outcomes',
  'reviewsChanged',
  'periodUnits',
] as const;

const CSV_COLUMNS = ['period_kind', 'period', 'start', 'end', 'complete', 'figure', 'dimension', 'code', 'name', 'value', 'cases'] as const;

export default function PublicDataSchema() {
  const { t } = useTranslation('reports');
  return (
    <>
      <h1>{t('public.schema.title')}</h1>
      <p className="lead">{t('public.schema.lead', { schema: PUBLIC_SCHEMA })}</p>
      <p>{t('public.schema.withheld')}</p>
      <h2>{t('public.schema.json')}</h2>
      <p>
        <a href="/statistics.json" download>
          /statistics.json
        </a>
      </p>
      <dl className="schema-list">
        {JSON_FIELDS.map((field) => (
          <div key={field}>
            <dt>
              <code>{t(`public.schema.fields.${field}.name`)}</code>
            </dt>
            <dd>{t(`public.schema.fields.${field}.body`)}</dd>
          </div>
        ))}
      </dl>
      <h2>{t('public.schema.csv')}</h2>
      <p>
        <a href="/statistics.csv" download>
          /statistics.csv
        </a>{' '}
        {t('public.schema.csvLead')}
      </p>
      <dl className="schema-list">
        {CSV_COLUMNS.map((column) => (
          <div key={column}>
            <dt>
              <code>{column}</code>
            </dt>
            <dd>{t(`public.schema.columns.${column}`)}</dd>
          </div>
        ))}
      </dl>
      <p>
        <Link to="/statistics">{t('public.schema.back')}</Link>
      </p>
    </>
  );
}

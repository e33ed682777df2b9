// /office/warnings: the early-warning board. Open clusters and every open orange or red case,
// ordered by how soon their next response target falls due; missed targets say so in words.
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { PRIVATE_PAGE_HEADERS } from '#app/features/cases/portal-cookies.server.ts';
import { earlyWarningBoard } from '#app/features/early-warning/clusters.server.ts';
import { responseWording } from '#app/features/early-warning/levels.ts';
import { TargetBadge, WarningLevelBadge, relativeTime } from '#app/features/early-warning/ui/warning-badges.tsx';
import { canViewClusters, canViewWarningBoard } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { privatePageHeaders } from '#app/platform/http/private-page-headers.ts';
import { officeLinks } from '#app/ui/office-styles.ts';

export const headers = privatePageHeaders;
export const links = officeLinks;
export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffAllowed(request, canViewWarningBoard);
  const { t } = await translatorFor(request);
  const now = new Date();
  const board = await earlyWarningBoard(actor, now);
  return data(
    { title: t('office-warning:board.title'), ...board, canSeeClusters: canViewClusters(actor), now: now.toISOString() },
    { headers: PRIVATE_PAGE_HEADERS },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export default function EarlyWarningBoard() {
  const { title, cases, clusters, canSeeClusters, now } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation('office-warning');
  return (
    <>
      <h1>{title}</h1>
      <p>{t('board.intro')}</p>

      <h2 id="board-cases">{t('board.casesTitle', { count: cases.length })}</h2>
      {cases.length === 0 ? (
        <p>{t('board.noCases')}</p>
      ) : (
        <table className="board-table" aria-labelledby="board-cases" data-testid="board-cases">
          <thead>
            <tr>
              <th scope="col">{t('board.columns.receipt')}</th>
              <th scope="col">{t('board.columns.level')}</th>
              <th scope="col">{t('board.columns.why')}</th>
              <th scope="col">{t('board.columns.targets')}</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id} data-receipt={c.receiptNo}>
                <td>
                  <Link to={`/office/cases/${c.id}`}>{c.receiptNo}</Link>
                  <br />
                  {c.subject}
                </td>
                <td>
                  <WarningLevelBadge level={c.warningLevel} />
                </td>
                <td>{c.warningReasons.map((reason) => t(`reason.${reason}`)).join(t('board.separator'))}</td>
                <td>
                  <ul className="target-list">
                    {c.targets.map((target) => (
                      <li key={target.kind}>
                        <TargetBadge target={target} wording={responseWording(c.warningLevel)} now={now} />
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {canSeeClusters ? (
        <>
          <h2 id="board-clusters">{t('board.clustersTitle', { count: clusters.length })}</h2>
          {clusters.length === 0 ? (
            <p>{t('board.noClusters')}</p>
          ) : (
            <table className="board-table" aria-labelledby="board-clusters" data-testid="board-clusters">
              <thead>
                <tr>
                  <th scope="col">{t('board.columns.cluster')}</th>
                  <th scope="col">{t('board.columns.size')}</th>
                  <th scope="col">{t('board.columns.level')}</th>
                  <th scope="col">{t('board.columns.nextTarget')}</th>
                </tr>
              </thead>
              <tbody>
                {clusters.map((k) => (
                  <tr key={k.id}>
                    <td>
                      <Link to={`/office/clusters/${k.id}`}>{k.title || t('cluster.untitled')}</Link>
                      {k.confirmed ? ` (${t('cluster.confirmed')})` : ''}
                    </td>
                    <td>{new Intl.NumberFormat(i18n.language).format(k.size)}</td>
                    <td>
                      <WarningLevelBadge level={k.warningLevel} />
                    </td>
                    <td>
                      {k.nextTargetDueAt ? (
                        <span className={`target target--${new Date(k.nextTargetDueAt) < new Date(now) ? 'missed' : 'open'}`}>
                          {t(new Date(k.nextTargetDueAt) < new Date(now) ? 'board.missedCount' : 'board.nextDue', {
                            when: relativeTime(new Date(k.nextTargetDueAt), new Date(now), i18n.language),
                            count: k.missedTargets,
                          })}
                        </span>
                      ) : (
                        t('board.noTarget')
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}
    </>
  );
}

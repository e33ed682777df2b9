// /office/warnings: the early-warning board. Open clusters and every open orange or red case,
// ordered by how soon their next response target falls due; missed targets say so in words.
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { earlyWarningBoard, type BoardCluster } from '#app/features/early-warning/clusters.server.ts';
import { BoardTable, useCaseColumns } from '#app/features/early-warning/ui/board-table.tsx';
import { WarningLevelBadge, relativeTime } from '#app/features/early-warning/ui/warning-badges.tsx';
import { canViewWarningBoard } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canViewWarningBoard);
  const { t } = await translatorFor(request);
  const now = new Date();
  const board = await earlyWarningBoard(actor, now);
  return { title: t('office-warning:board.title'), ...board, now };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export default function EarlyWarningBoard() {
  const { title, cases, clusters, canSeeClusters, now } = useLoaderData<typeof loader>();
  const { t } = useTranslation('office-warning');
  const { caseColumn, levelColumn, targetsColumn } = useCaseColumns(now);
  const why = {
    header: t('board.columns.why'),
    cell: (c: (typeof cases)[number]) => c.warningReasons.map((r) => t(`reason.${r}`)).join(t('board.separator')),
  };
  return (
    <>
      <h1>{title}</h1>
      <p>{t('board.intro')}</p>

      <h2 id="board-cases">{t('board.casesTitle', { count: cases.length })}</h2>
      {cases.length === 0 ? (
        <p>{t('board.noCases')}</p>
      ) : (
        <BoardTable
          labelledBy="board-cases"
          testId="board-cases"
          columns={[caseColumn, levelColumn, why, targetsColumn]}
          rows={cases}
          rowProps={(c) => ({ 'data-receipt': c.receiptNo })}
        />
      )}

      {canSeeClusters ? (
        <>
          <h2 id="board-clusters">{t('board.clustersTitle', { count: clusters.length })}</h2>
          {clusters.length === 0 ? <p>{t('board.noClusters')}</p> : <ClustersTable clusters={clusters} now={now} />}
        </>
      ) : null}
    </>
  );
}

/** Each open cluster: its size, level, and its next target or how many were missed. */
function ClustersTable({ clusters, now }: { clusters: BoardCluster[]; now: string | Date }) {
  const { t, i18n } = useTranslation('office-warning');
  const number = new Intl.NumberFormat(i18n.language);
  const nextTarget = (k: BoardCluster) => {
    if (!k.nextTargetDueAt) return t('board.noTarget');
    const missed = new Date(k.nextTargetDueAt) < new Date(now);
    const when = relativeTime(new Date(k.nextTargetDueAt), new Date(now), i18n.language);
    return (
      <span className={`target target--${missed ? 'missed' : 'open'}`}>
        {t(missed ? 'board.missedCount' : 'board.nextDue', { when, count: k.missedTargets })}
      </span>
    );
  };
  return (
    <BoardTable
      labelledBy="board-clusters"
      testId="board-clusters"
      rows={clusters}
      columns={[
        {
          header: t('board.columns.cluster'),
          cell: (k) => (
            <>
              <Link to={`/office/clusters/${k.id}`}>{k.title || t('cluster.untitled')}</Link>
              {k.confirmed ? ` (${t('cluster.confirmed')})` : ''}
            </>
          ),
        },
        { header: t('board.columns.size'), cell: (k) => number.format(k.size) },
        { header: t('board.columns.level'), cell: (k) => <WarningLevelBadge level={k.warningLevel} /> },
        { header: t('board.columns.nextTarget'), cell: nextTarget },
      ]}
    />
  );
}

// The early-warning board's one list: cases pinned for safety first, with the marker in words and
// an icon, then cases and clusters by urgency. A cluster is one row with its size, trend and next
// target, and opens (a native disclosure, so it works without JavaScript) to its open cases.
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { responseWording } from '#app/features/early-warning/levels.ts';
import { BoardTable, type BoardColumn } from './board-table.tsx';
import { SafetyFlag } from './safety-flag.tsx';
import { TargetList, WarningLevelBadge, relativeTime } from './warning-badges.tsx';
import type { BoardCase, BoardCluster, BoardEntry } from '#app/features/early-warning/clusters.server.ts';
import type { HTMLAttributes } from 'react';

interface BoardListProps {
  entries: BoardEntry[];
  now: string | Date;
  /** The heading that names the list. */
  labelledBy: string;
}

type Row = BoardEntry;

export function BoardList({ entries, now, labelledBy }: BoardListProps) {
  const { t, i18n } = useTranslation('office-warning');
  const number = new Intl.NumberFormat(i18n.language);

  const columns: BoardColumn<Row>[] = [
    {
      header: t('board.columns.item'),
      cell: (entry) =>
        entry.kind === 'case' ? <CaseCell item={entry.case} pinned={entry.pinned} /> : <ClusterCell cluster={entry.cluster} />,
    },
    {
      header: t('board.columns.level'),
      cell: (entry) => <WarningLevelBadge level={entry.kind === 'case' ? entry.case.warningLevel : entry.cluster.warningLevel} />,
    },
    {
      header: t('board.columns.why'),
      cell: (entry) =>
        entry.kind === 'case' ? (
          entry.case.warningReasons.map((r) => t(`reason.${r}`)).join(t('board.separator'))
        ) : (
          <>
            {t('board.clusterSize', { count: entry.cluster.size, formatted: number.format(entry.cluster.size) })}
            <br />
            {t('board.clusterTrend', { day: number.format(entry.cluster.newLast24h), week: number.format(entry.cluster.newLast7d) })}
          </>
        ),
    },
    {
      header: t('board.columns.targets'),
      cell: (entry) =>
        entry.kind === 'case' ? (
          <TargetList targets={entry.case.targets} wording={responseWording(entry.case.warningLevel)} now={now} />
        ) : (
          <ClusterTarget cluster={entry.cluster} now={now} />
        ),
    },
  ];

  return (
    <BoardTable
      labelledBy={labelledBy}
      testId="board-cases"
      columns={columns}
      rows={entries}
      rowProps={(entry) => (entry.kind === 'case' ? caseRowProps(entry.case, entry.pinned) : { 'data-cluster': entry.cluster.id })}
    />
  );
}

/** A case's row names its receipt number; a pinned one says so, and stands out in more than colour. */
function caseRowProps(item: BoardCase, pinned: boolean): HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string } {
  return pinned
    ? { 'data-receipt': item.receiptNo, 'data-pinned': 'true', className: 'board-row--pinned' }
    : { 'data-receipt': item.receiptNo };
}

/** A case: the marker when its letter shows signs of danger to life, its receipt number and subject. */
function CaseCell({ item, pinned }: { item: BoardCase; pinned: boolean }) {
  const { t } = useTranslation('office-warning');
  return (
    <>
      {item.welfareConcern ? <SafetyFlag pinned={pinned} /> : null}
      <Link to={`/office/cases/${item.id}`}>{item.receiptNo}</Link>
      <br />
      {item.subject}
      {pinned ? <span className="board-pinned-note">{t('safety.pinned')}</span> : null}
    </>
  );
}

/** A cluster: its title, and its open cases behind a disclosure. */
function ClusterCell({ cluster }: { cluster: BoardCluster }) {
  const { t, i18n } = useTranslation('office-warning');
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <>
      <span className="tag">{t('board.clusterTag')}</span>{' '}
      <Link to={`/office/clusters/${cluster.id}`}>{cluster.title || t('cluster.untitled')}</Link>
      {cluster.confirmed ? ` (${t('cluster.confirmed')})` : ''}
      <details className="board-cluster" data-testid="board-cluster-cases">
        <summary>{t('board.clusterCases', { count: cluster.openCases, formatted: number.format(cluster.openCases) })}</summary>
        <ul className="board-cluster__cases">
          {cluster.cases.map((c) => (
            <li key={c.id} data-receipt={c.receiptNo}>
              {c.welfareConcern ? <SafetyFlag pinned={c.pinned} /> : null}
              <Link to={`/office/cases/${c.id}`}>{c.receiptNo}</Link> {c.subject} <WarningLevelBadge level={c.warningLevel} />
            </li>
          ))}
        </ul>
        {cluster.openCases > cluster.cases.length ? <Link to={`/office/clusters/${cluster.id}`}>{t('board.clusterAll')}</Link> : null}
      </details>
    </>
  );
}

/** A cluster's next target, or how many of its cases' targets were missed. */
function ClusterTarget({ cluster, now }: { cluster: BoardCluster; now: string | Date }) {
  const { t, i18n } = useTranslation('office-warning');
  if (!cluster.nextTargetDueAt) return <>{t('board.noTarget')}</>;
  const missed = new Date(cluster.nextTargetDueAt) < new Date(now);
  const when = relativeTime(new Date(cluster.nextTargetDueAt), new Date(now), i18n.language);
  return (
    <span className={`target target--${missed ? 'missed' : 'open'}`}>
      {t(missed ? 'board.missedCount' : 'board.nextDue', { when, count: cluster.missedTargets })}
    </span>
  );
}

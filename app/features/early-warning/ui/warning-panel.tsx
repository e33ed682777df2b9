// The case page's early-warning section: the level and why, any staff override, and each response
// target with its own countdown. Changing the level or recording a response is its own page.
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { TargetList, WarningLevelBadge, type TargetView } from './warning-badges.tsx';
import type { WarningLevel } from '#app/features/cases/attributes.ts';
import type { ResponseWording } from '#app/features/early-warning/levels.ts';

export interface WarningPanelData {
  level: WarningLevel;
  reasons: string[];
  override: { level: WarningLevel; reason: string } | null;
  wording: ResponseWording | null;
  targets: TargetView[];
  clusterId: string | null;
  clusterSize: number;
  canChange: boolean;
}

export function WarningPanel({ caseId, warning, now }: { caseId: string; warning: WarningPanelData; now: string | Date }) {
  const { t } = useTranslation('office-warning');
  return (
    <section aria-labelledby="warning-title" className="warning-panel" data-testid="warning-panel">
      <h2 id="warning-title">{t('panel.title')}</h2>
      <p>
        {t('panel.level')} <WarningLevelBadge level={warning.level} />
      </p>
      {warning.reasons.length > 0 ? (
        <ul>
          {warning.reasons.map((reason) => (
            <li key={reason}>{t(`reason.${reason}`)}</li>
          ))}
        </ul>
      ) : null}
      {warning.override ? <p className="warning-text">{t('panel.overridden', { reason: warning.override.reason })}</p> : null}
      {warning.targets.length > 0 ? (
        <>
          <h3>{t('panel.targets')}</h3>
          <TargetList targets={warning.targets} wording={warning.wording} now={now} />
        </>
      ) : null}
      {warning.clusterId ? (
        <p>
          <Link to={`/office/clusters/${warning.clusterId}`}>{t('panel.cluster', { count: warning.clusterSize })}</Link>
        </p>
      ) : warning.clusterSize > 0 ? (
        <p>{t('panel.cluster', { count: warning.clusterSize })}</p>
      ) : null}
      {warning.canChange ? (
        <p>
          <Link to={`/office/cases/${caseId}/warning`}>{t('panel.change')}</Link>
        </p>
      ) : null}
    </section>
  );
}

// The cells of an audit log entry that name who did it and what it was about: a staff account,
// unit, category or reply template links to its admin page; a setting is named; anything else
// shows its type and id.
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { AuditRow } from '#app/features/audit/log.server.ts';

export function Actor({ actor }: { actor: AuditRow['actor'] }) {
  const { t } = useTranslation('office-admin');
  if (!actor) return <>{t('audit.system')}</>;
  if (!actor.name) return <>{actor.id}</>;
  return (
    <>
      <Link to={`/office/staff/${actor.id}`}>{actor.name}</Link>
      <br />
      {actor.email}
    </>
  );
}

export function Target({ target }: { target: AuditRow['target'] }) {
  const { t } = useTranslation('office-admin');
  if (!target) return <>{t('common.none')}</>;
  const type = target.type ? t(`audit.targetTypes.${target.type}`, { defaultValue: target.type }) : '';
  if (target.type === 'StaffUser' && target.id && target.name) {
    return (
      <>
        {type}
        <br />
        <Link to={`/office/staff/${target.id}`}>{target.name}</Link>
        <br />
        {target.email}
      </>
    );
  }
  const page = target.type && target.id ? TARGET_PAGES[target.type]?.(target.id) : undefined;
  if (page && target.name) {
    return (
      <>
        {type}
        <br />
        <Link to={page}>{target.name}</Link>
      </>
    );
  }
  if (target.type === 'Setting' && target.id) {
    return (
      <>
        {type}
        <br />
        {t(`audit.settingNames.${target.id}`, { defaultValue: target.id })}
      </>
    );
  }
  return (
    <>
      {type}
      {target.id ? (
        <>
          <br />
          <code className="audit-details">{target.id}</code>
        </>
      ) : null}
    </>
  );
}

/** The admin page of each kind of record an entry can be about. */
const TARGET_PAGES: Partial<Record<string, (id: string) => string>> = {
  Unit: (id) => `/office/units/${id}`,
  Category: (id) => `/office/categories/${id}`,
  ReplyTemplate: (id) => `/office/reply-templates/${id}`,
};

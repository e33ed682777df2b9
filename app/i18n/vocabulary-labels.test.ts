// Every vocabulary is declared once (its list gives its type), and every member has a label in
// each of the three languages: nothing ever shows a raw code such as ATTACHMENTS_ADDED.
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, auditActionLabelKey } from '#app/features/audit/actions.ts';
import { CLAIM_OUTCOMES } from '#app/features/cases/claims.ts';
import { DECLINE_REASONS, declineReasonKey } from '#app/features/cases/decline-reasons.ts';
import { CASE_EVENT_TYPES, eventLabelKey } from '#app/features/cases/events.ts';
import { CASE_STATUSES } from '#app/features/cases/lifecycle.ts';
import { STAFF_ROLES } from '#app/features/staff/permissions.ts';
import { LOCALES } from './config.ts';
import { resources, type Namespace } from './resources.ts';

function label(locale: (typeof LOCALES)[number], key: string): unknown {
  const [namespace, path] = key.includes(':') ? (key.split(':') as [Namespace, string]) : (['common', key] as const);
  let node: unknown = resources[locale][namespace];
  for (const part of path.split('.'))
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return node;
}

const vocabularies: [string, readonly string[], (member: string) => string][] = [
  ['case event types', CASE_EVENT_TYPES, eventLabelKey],
  ['audit actions', AUDIT_ACTIONS, auditActionLabelKey],
  ['case statuses', CASE_STATUSES, (status) => `common:status.${status}.title`],
  ['staff roles', STAFF_ROLES, (role) => `office:roles.${role}`],
  ['claim outcomes', CLAIM_OUTCOMES, (outcome) => `common:claimOutcomes.${outcome}`],
  ...(['label', 'reason', 'referral'] as const).map((part): [string, readonly string[], (member: string) => string] => [
    `decline reasons (${part})`,
    DECLINE_REASONS,
    (reason) => declineReasonKey(reason as (typeof DECLINE_REASONS)[number], part),
  ]),
];

describe.each(vocabularies)('%s', (_name, members, keyOf) => {
  it.each(LOCALES)('each has a label in %s', (locale) => {
    const missing = members.filter((member) => {
      const text = label(locale, keyOf(member));
      return typeof text !== 'string' || text.trim() === '';
    });
    expect(missing).toEqual([]);
  });
});

describe('case event labels', () => {
  it.each(LOCALES)('are all for declared event types in %s', (locale) => {
    const labelled = Object.keys(resources[locale].common.events as Record<string, string>);
    expect(labelled.filter((type) => !(CASE_EVENT_TYPES as readonly string[]).includes(type))).toEqual([]);
  });
});

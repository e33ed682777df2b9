import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { OfficeCaseFiles } from '#app/features/attachments/ui/attachment-list.tsx';
import { CasePagePost, casePageData, toActionInput } from '#app/features/cases/case-page.server.ts';
import { STATUTORY_LIMITS } from '#app/features/cases/deadlines.ts';
import { eventLabelKey } from '#app/features/cases/events.ts';
import { PRIVATE_PAGE_HEADERS } from '#app/features/cases/portal-cookies.server.ts';
import {
  CaseAccessError,
  CaseActionError,
  CaseConflictError,
  performCaseAction,
  viewContact,
} from '#app/features/cases/staff-actions.server.ts';
import { DueBadge } from '#app/features/cases/ui/due-badge.tsx';
import { RatingSummary } from '#app/features/cases/ui/rating-summary.tsx';
import { WarningPanel } from '#app/features/early-warning/ui/warning-panel.tsx';
import { officeOptions } from '#app/features/reference-data/office-options.server.ts';
import { requireStaff } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { privatePageHeaders } from '#app/platform/http/private-page-headers.ts';
import { Button } from '#app/ui/button.tsx';
import { ComboBoxField } from '#app/ui/combo-box-field.tsx';
import { ConfirmSubmitButton } from '#app/ui/confirm-submit-button.tsx';
import { useFormatDate } from '#app/ui/format.ts';
import { officeLinks } from '#app/ui/office-styles.ts';
import { TextField } from '#app/ui/text-field.tsx';
import type { CaseAction } from '#app/features/cases/lifecycle.ts';
import type { ReactNode } from 'react';

/** Pages with a case, a code or staff data: browsers and proxies must not keep them. */
export const headers = privatePageHeaders;

export const links = officeLinks;

const Params = z.object({ caseId: z.uuid() });

function notFound(): never {
  throw new Response('Not found', { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireStaff(request);
  const parsed = Params.safeParse(params);
  if (!parsed.success) notFound();
  const { locale, t } = await translatorFor(request);
  try {
    const page = await casePageData(actor, parsed.data.caseId, locale);
    const options = page.actions.includes('assign') ? await officeOptions(locale) : null;
    return data(
      { ...page, title: t('office:case.title', { receiptNo: page.case.receiptNo }), now: new Date().toISOString(), options },
      { headers: PRIVATE_PAGE_HEADERS },
    );
  } catch (error) {
    if (error instanceof CaseAccessError) notFound();
    throw error;
  }
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireStaff(request);
  const parsedParams = Params.safeParse(params);
  if (!parsedParams.success) notFound();
  const caseId = parsedParams.data.caseId;
  const post = CasePagePost.safeParse(Object.fromEntries(await request.formData()));
  if (!post.success) return data({ kind: 'invalid' as const, intent: null, code: 'invalid' }, { status: 400 });
  try {
    if (post.data.intent === 'showContact') {
      const contact = await viewContact(actor, caseId, context.clientIp);
      return data({ kind: 'contact' as const, contact }, { headers: PRIVATE_PAGE_HEADERS });
    }
    const { version, input } = toActionInput(post.data);
    await performCaseAction(actor, caseId, version, input);
    return data({ kind: 'done' as const, intent: post.data.intent });
  } catch (error) {
    if (error instanceof CaseConflictError) return data({ kind: 'conflict' as const, intent: post.data.intent }, { status: 409 });
    if (error instanceof CaseActionError)
      return data({ kind: 'invalid' as const, intent: post.data.intent, code: error.code }, { status: 422 });
    if (error instanceof CaseAccessError) throw new Response(error.status === 404 ? 'Not found' : 'Forbidden', { status: error.status });
    throw error;
  }
}

/** Steps that cannot be undone: their button asks first (with JavaScript; see ConfirmSubmitButton). */
const IRREVERSIBLE = new Set<CaseAction>(['decline', 'forward', 'merge', 'close']);

function ActionPanel({ action, title, children, open }: { action: CaseAction; title: string; children: ReactNode; open: boolean }) {
  return (
    <details className="action-panel" open={open} data-action={action}>
      <summary>{title}</summary>
      {children}
    </details>
  );
}

export default function CasePage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation('office');
  const { t: tc } = useTranslation('common');
  const formatDate = useFormatDate();
  const c = page.case;
  const has = (action: CaseAction) => page.actions.includes(action);
  const failedIntent = result && (result.kind === 'invalid' || result.kind === 'conflict') ? result.intent : null;
  const fieldError = (intent: string) =>
    result?.kind === 'invalid' && result.intent === intent ? t(`case.errors.${result.code}`) : undefined;
  const busy = navigation.state !== 'idle';
  // An assignment fails on the unit, or on a handler who is not in it: the error goes with that field.
  const assignErrorCode = result?.kind === 'invalid' && result.intent === 'assign' ? result.code : null;

  const actionForm = (intent: CaseAction, fields: ReactNode, submitLabel: string) => (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={c.version} />
      {fields}
      {IRREVERSIBLE.has(intent) ? (
        <ConfirmSubmitButton
          isDisabled={busy}
          title={t(`case.confirm.${intent}.title`)}
          description={<p>{t(`case.confirm.${intent}.body`)}</p>}
          confirmLabel={t(`case.confirm.${intent}.confirm`)}
          cancelLabel={t('case.confirm.cancel')}
        >
          {submitLabel}
        </ConfirmSubmitButton>
      ) : (
        <Button isDisabled={busy}>{submitLabel}</Button>
      )}
    </Form>
  );

  return (
    <>
      <p className="caption">
        <Link to="/office">{t('case.back')}</Link>
      </p>
      <h1>
        <span className="reference" data-testid="office-case-receipt">
          {c.receiptNo}
        </span>{' '}
        <span className="tag" data-testid="office-case-status">
          {tc(`status.${c.status}.title`)}
        </span>
      </h1>

      {result?.kind === 'done' ? (
        <div className="notice notice--success" role="status">
          {t(`case.done.${result.intent}`)}
        </div>
      ) : null}
      {result?.kind === 'conflict' ? (
        <div className="notice notice--error" role="alert">
          {t('case.conflict')} <Link to={`/office/cases/${c.id}`}>{t('case.reload')}</Link>
        </div>
      ) : null}
      {result?.kind === 'invalid' && result.intent === null ? (
        <div className="notice notice--error" role="alert">
          {t('case.errors.invalid')}
        </div>
      ) : null}

      <div className="case-layout">
        <div>
          <h2>{t('case.submission')}</h2>
          <dl className="summary-list">
            <div>
              <dt>{t('case.subject')}</dt>
              <dd>{c.subject}</dd>
            </div>
            <div>
              <dt>{t('queue.columns.kind')}</dt>
              <dd>{tc(`kinds.${c.kind}.label`)}</dd>
            </div>
            <div>
              <dt>{t('queue.columns.category')}</dt>
              <dd>{c.category}</dd>
            </div>
            <div>
              <dt>{t('case.area')}</dt>
              <dd>{c.area ?? '—'}</dd>
            </div>
            <div>
              <dt>{t('queue.channel')}</dt>
              <dd>{t(`channels.${c.channel}`)}</dd>
            </div>
            <div>
              <dt>{t('case.coSigners')}</dt>
              <dd>{new Intl.NumberFormat().format(c.coSignerCount)}</dd>
            </div>
            <div>
              <dt>{t('queue.columns.received')}</dt>
              <dd>{formatDate(c.receivedAt, true)}</dd>
            </div>
            <div>
              <dt>{t('queue.columns.unit')}</dt>
              <dd>{c.unit ?? t('queue.unassigned')}</dd>
            </div>
            <div>
              <dt>{t('queue.assignee')}</dt>
              <dd>{c.assignee ?? '—'}</dd>
            </div>
            <div>
              <dt>{t('case.replyChannel')}</dt>
              <dd>{tc(`replyChannels.${c.preferredReplyChannel}`)}</dd>
            </div>
            {c.transferredTo ? (
              <div>
                <dt>{t('case.transferredTo')}</dt>
                <dd>{c.transferredTo}</dd>
              </div>
            ) : null}
            {c.mergedInto ? (
              <div>
                <dt>{t('case.mergedInto')}</dt>
                <dd className="reference">{c.mergedInto}</dd>
              </div>
            ) : null}
          </dl>
          <h3>{t('case.body')}</h3>
          <div className="case-body" data-testid="office-case-body">
            {c.body}
          </div>
          <OfficeCaseFiles caseId={c.id} attachments={page.attachments} withheld={page.attachmentsWithheld} />

          <h2>{t('case.contact')}</h2>
          {c.anonymous ? (
            <p>{t('case.anonymous')}</p>
          ) : result?.kind === 'contact' && result.contact ? (
            <dl className="summary-list" data-testid="office-case-contact">
              <div>
                <dt>{t('case.contactName')}</dt>
                <dd>{result.contact.name}</dd>
              </div>
              <div>
                <dt>{t('case.contactPhone')}</dt>
                <dd>{result.contact.phone ?? '—'}</dd>
              </div>
              <div>
                <dt>{t('case.contactEmail')}</dt>
                <dd>{result.contact.email ?? '—'}</dd>
              </div>
              <div>
                <dt>{t('case.contactAddress')}</dt>
                <dd>{result.contact.postalAddress ?? '—'}</dd>
              </div>
            </dl>
          ) : page.canViewContact ? (
            <Form method="post">
              <input type="hidden" name="intent" value="showContact" />
              <p className="field__hint">{t('case.contactLogged')}</p>
              <Button variant="secondary">{t('case.showContact')}</Button>
            </Form>
          ) : (
            <p>{t('case.contactRestricted')}</p>
          )}

          <h2>{t('case.timeline')}</h2>
          <ol className="timeline" data-testid="office-case-timeline">
            {page.events.map((event) => (
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
        </div>

        <aside aria-labelledby="deadlines-title">
          <WarningPanel caseId={c.id} warning={page.warning} now={page.now} />
          {page.rating ? <RatingSummary rating={page.rating} /> : null}
          <h2 id="deadlines-title">{t('case.deadlines')}</h2>
          <ul className="deadline-list">
            {page.deadlines.map((d) => (
              <li key={d.kind}>
                {t(`deadline.${d.kind}`)}: <strong>{formatDate(d.dueAt)}</strong>{' '}
                {d.active ? <DueBadge dueAt={d.dueAt} now={page.now} /> : null}
                <br />
                <span className="article">{tc('case.article', { article: d.article })}</span>
              </li>
            ))}
          </ul>
          {c.extensionDays ? <p>{t('case.extended', { days: c.extensionDays, reason: c.extensionReason ?? '' })}</p> : null}

          <h2>{t('case.actions')}</h2>
          {page.actions.length === 0 ? <p>{t('case.noActions')}</p> : null}
          {has('accept') ? (
            <ActionPanel action="accept" title={t('case.action.accept')} open={failedIntent === 'accept'}>
              {actionForm('accept', <p>{t('case.acceptHint', { days: STATUTORY_LIMITS.replyDays })}</p>, t('case.action.accept'))}
            </ActionPanel>
          ) : null}
          {has('startWork') ? actionForm('startWork', null, t('case.action.startWork')) : null}
          {has('decline') ? (
            <ActionPanel action="decline" title={t('case.action.decline')} open={failedIntent === 'decline'}>
              {actionForm(
                'decline',
                <>
                  <TextField
                    id="decline-reason"
                    name="reason"
                    label={t('case.fields.declineReason')}
                    multiline={{ maxLength: 2000, rows: 4 }}
                    error={fieldError('decline')}
                  />
                  <TextField
                    id="decline-referral"
                    name="referral"
                    label={t('case.fields.referral')}
                    hint={t('case.fields.referralHint')}
                    multiline={{ maxLength: 1000, rows: 3 }}
                  />
                </>,
                t('case.action.decline'),
              )}
            </ActionPanel>
          ) : null}
          {has('forward') ? (
            <ActionPanel action="forward" title={t('case.action.forward')} open={failedIntent === 'forward'}>
              {actionForm(
                'forward',
                <>
                  <TextField id="forward-agency" name="agency" label={t('case.fields.agency')} error={fieldError('forward')} />
                  <TextField
                    id="forward-message"
                    name="message"
                    label={t('case.fields.forwardMessage')}
                    multiline={{ maxLength: 2000, rows: 3 }}
                  />
                </>,
                t('case.action.forward'),
              )}
            </ActionPanel>
          ) : null}
          {has('assign') && page.options ? (
            <ActionPanel action="assign" title={t('case.action.assign')} open={failedIntent === 'assign'}>
              {actionForm(
                'assign',
                <>
                  <ComboBoxField
                    id="assign-unitId"
                    name="unitId"
                    label={t('queue.unit')}
                    placeholder={t('case.fields.chooseUnit')}
                    options={page.options.units}
                    defaultValue={c.unitId ?? undefined}
                    error={assignErrorCode === 'assigneeNotInUnit' ? undefined : fieldError('assign')}
                    noMatches={t('combobox.noMatches')}
                  />
                  <ComboBoxField
                    id="assign-assigneeId"
                    name="assigneeId"
                    label={t('queue.assignee')}
                    placeholder={t('case.fields.noAssignee')}
                    options={page.options.handlers}
                    error={assignErrorCode === 'assigneeNotInUnit' ? fieldError('assign') : undefined}
                    noMatches={t('combobox.noMatches')}
                  />
                </>,
                t('case.action.assign'),
              )}
            </ActionPanel>
          ) : null}
          {has('extend') ? (
            <ActionPanel action="extend" title={t('case.action.extend')} open={failedIntent === 'extend'}>
              {actionForm(
                'extend',
                <>
                  <TextField
                    id="extend-days"
                    name="days"
                    label={t('case.fields.extensionDays')}
                    hint={t('case.fields.extensionHint', { max: STATUTORY_LIMITS.maxExtensionDays })}
                    inputMode="numeric"
                    width="short"
                    error={fieldError('extend')}
                  />
                  <TextField
                    id="extend-reason"
                    name="reason"
                    label={t('case.fields.extensionReason')}
                    hint={t('case.fields.citizenSees')}
                    multiline={{ maxLength: 2000, rows: 3 }}
                  />
                </>,
                t('case.action.extend'),
              )}
            </ActionPanel>
          ) : null}
          {has('reply') ? (
            <ActionPanel action="reply" title={t('case.action.reply')} open={failedIntent === 'reply'}>
              {page.templates.length > 0 ? (
                <details>
                  <summary>{t('case.templates')}</summary>
                  {page.templates.map((tpl) => (
                    <div key={tpl.id}>
                      <h4>{tpl.title}</h4>
                      <p className="case-body">{tpl.body}</p>
                    </div>
                  ))}
                </details>
              ) : null}
              {actionForm(
                'reply',
                <TextField
                  id="reply-message"
                  name="message"
                  label={t('case.fields.reply')}
                  hint={t('case.fields.citizenSees')}
                  multiline={{ maxLength: 20_000, rows: 8 }}
                  defaultValue={page.templates[0]?.body}
                  error={fieldError('reply')}
                />,
                t('case.action.reply'),
              )}
            </ActionPanel>
          ) : null}
          {(['issueReview', 'issueReReview'] as const).map((intent) =>
            has(intent) ? (
              <ActionPanel key={intent} action={intent} title={t(`case.action.${intent}`)} open={failedIntent === intent}>
                {actionForm(
                  intent,
                  <TextField
                    id={`${intent}-message`}
                    name="message"
                    label={t(intent === 'issueReview' ? 'case.fields.reviewOpinion' : 'case.fields.reReviewOpinion')}
                    hint={t('case.fields.citizenSees')}
                    multiline={{ maxLength: 20_000, rows: 8 }}
                    error={fieldError(intent)}
                  />,
                  t(`case.action.${intent}`),
                )}
              </ActionPanel>
            ) : null,
          )}
          {has('merge') ? (
            <ActionPanel action="merge" title={t('case.action.merge')} open={failedIntent === 'merge'}>
              {actionForm(
                'merge',
                <TextField id="merge-intoReceiptNo" name="intoReceiptNo" label={t('case.fields.mergeInto')} error={fieldError('merge')} />,
                t('case.action.merge'),
              )}
            </ActionPanel>
          ) : null}
          {has('close') ? (
            <ActionPanel action="close" title={t('case.action.close')} open={failedIntent === 'close'}>
              {actionForm(
                'close',
                <TextField
                  id="close-message"
                  name="message"
                  label={t('case.fields.closeMessage')}
                  multiline={{ maxLength: 2000, rows: 3 }}
                />,
                t('case.action.close'),
              )}
            </ActionPanel>
          ) : null}
          {has('note') ? (
            <ActionPanel action="note" title={t('case.action.note')} open={failedIntent === 'note'}>
              {actionForm(
                'note',
                <TextField
                  id="note-message"
                  name="message"
                  label={t('case.fields.note')}
                  hint={t('case.fields.internalOnly')}
                  multiline={{ maxLength: 5000, rows: 4 }}
                  error={fieldError('note')}
                />,
                t('case.action.note'),
              )}
            </ActionPanel>
          ) : null}
        </aside>
      </div>
    </>
  );
}

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';

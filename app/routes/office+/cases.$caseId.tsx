// /office/cases/:caseId: one case for the staff who may see it (anyone else finds nothing there):
// the submission, contact details on request, timeline, deadlines, early warning, and the actions
// the role may take now. Reading and posting go through app/features/cases/case-page.server.ts.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { OfficeCaseFiles } from '#app/features/attachments/ui/attachment-list.tsx';
import { casePageData, postCasePage } from '#app/features/cases/case-page.server.ts';
import { QUEUE_PARAM, queueHref, queueSearch } from '#app/features/cases/triage.ts';
import { CaseActionFrame, useCaseActionErrors } from '#app/features/cases/ui/case-action-frame.tsx';
import { CaseActions } from '#app/features/cases/ui/case-action-panels.tsx';
import { CaseContact, CaseDeadlines, CaseSubmission, CaseTimeline } from '#app/features/cases/ui/case-details.tsx';
import { CaseStatutePanels } from '#app/features/cases/ui/case-statute-panels.tsx';
import { CheckInSummary } from '#app/features/cases/ui/check-in-summary.tsx';
import { ClaimChecklist } from '#app/features/cases/ui/claim-checklist.tsx';
import { RatingSummary } from '#app/features/cases/ui/rating-summary.tsx';
import { CaseNotices } from '#app/features/cases/written-notices/ui/case-notices.tsx';
import { WarningPanel } from '#app/features/early-warning/ui/warning-panel.tsx';
import { requireStaff } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { NO_STORE } from '#app/platform/http/headers.ts';
import { respond } from '#app/platform/http/outcome.server.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { parseParams, route } from '#app/platform/http/route.server.ts';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { ShortcutsHelp, useKeyboardShortcuts, useShortcutsHelp, type Shortcut } from '#app/ui/keyboard-shortcuts.tsx';

const PARAMS = { caseId: 'uuid' } as const;

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request);
  const { caseId } = parseParams(params, PARAMS);
  const { locale, t } = await translatorFor(request);
  const page = await casePageData(actor, caseId, locale);
  return { ...page, title: t('office:case.title', { receiptNo: page.case.receiptNo }) };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export const action = /* @__PURE__ */ route(async ({ request, params, context }: ActionFunctionArgs) => {
  const actor = await requireStaff(request);
  const { caseId } = parseParams(params, PARAMS);
  const queue = new URL(request.url).searchParams.get(QUEUE_PARAM);
  const result = await postCasePage(actor, caseId, await readForm(request), { ipAddress: context.clientIp, queue });
  // The contact details are shown once, on this answer, never kept in a cache.
  if ('contact' in result) return data({ contact: result.contact }, { headers: NO_STORE });
  // This case again, the next one of its queue ("Save and next"), or the queue.
  return respond(result.outcome, result.redirectTo);
});

export default function CasePage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation('office');
  const { t: tc } = useTranslation('common');
  const refused = useCaseActionErrors(result && 'errors' in result ? result : null);
  const contact = result && 'contact' in result ? result.contact : null;
  const c = page.case;
  const [search] = useSearchParams();
  const queue = queueSearch(search.get(QUEUE_PARAM));
  const help = useShortcutsHelp();
  // The keyboard: a and r open their form and bring the focus to its first field.
  const shortcuts: Shortcut[] = [
    { key: 'a', label: t('shortcuts.case.acceptAssign'), run: () => openAction('acceptAssign'), available: () => hasForm('acceptAssign') },
    { key: 'r', label: t('shortcuts.case.reply'), run: () => openAction('reply'), available: () => hasForm('reply') },
  ];
  useKeyboardShortcuts(shortcuts, help.open);

  return (
    <>
      <div className="queue-heading">
        <p className="caption">
          <Link to={queueHref(queue)}>{t('case.back')}</Link>
        </p>
        <ShortcutsHelp
          shortcuts={shortcuts}
          title={t('shortcuts.title')}
          buttonLabel={t('shortcuts.button')}
          closeLabel={t('shortcuts.close')}
          keyNames={{}}
          isOpen={help.isOpen}
          onOpenChange={help.setOpen}
        />
      </div>
      <ErrorSummary errors={refused.summary} />
      {result && 'formError' in result && result.formError === 'conflict' ? (
        <p>
          <Link to={`/office/cases/${c.id}`}>{t('case.reload')}</Link>
        </p>
      ) : null}
      <h1>
        <span className="reference" data-testid="office-case-receipt">
          {c.receiptNo}
        </span>{' '}
        <span className="tag" data-testid="office-case-status">
          {tc(`status.${c.status}.title`)}
        </span>
      </h1>
      {page.workingNow.people.length > 0 ? (
        <p className="notice" data-testid="working-now">
          {t('case.workingNow', {
            names: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(page.workingNow.people.map((person) => person.name)),
            minutes: page.workingNow.minutes,
          })}
        </p>
      ) : null}

      <div className="case-layout">
        <div>
          <h2>{t('case.submission')}</h2>
          <CaseSubmission c={c} />
          {c.status === 'TRANSFERRED' && c.transferredTo ? (
            <p>
              <Link to={`/office/cases/${c.id}/transfer`}>{t('case.transferLetter')}</Link>
            </p>
          ) : null}
          <h3>{t('case.body')}</h3>
          <div className="case-body" data-testid="office-case-body">
            {c.body}
          </div>
          {page.claims.length > 0 ? (
            <section aria-labelledby="claims-title">
              <h3 id="claims-title">{tc('claims.title')}</h3>
              <ClaimChecklist claims={page.claims} legalBasis={page.legalBasis} legalReferences={page.legalReferences} headingLevel="h4" />
            </section>
          ) : null}
          <CaseNotices caseId={c.id} notices={page.notices} />
          <OfficeCaseFiles caseId={c.id} attachments={page.attachments} withheld={page.attachmentsWithheld} />
          <CaseContact anonymous={c.anonymous} allowed={page.canViewContact} contact={contact} />
          <CaseTimeline events={page.events} />
        </div>

        <aside aria-labelledby="deadlines-title">
          <WarningPanel caseId={c.id} warning={page.warning} now={page.now} />
          {page.rating ? <RatingSummary rating={page.rating} /> : null}
          <CheckInSummary caseId={c.id} checkIn={page.checkIn} />
          <CaseDeadlines deadlines={page.deadlines} extension={{ days: c.extensionDays, reason: c.extensionReason }} now={page.now} />
          <CaseStatutePanels view={page} />
          <CaseActionFrame version={c.version} busy={navigation.state !== 'idle'} failedIntent={refused.intent} form={refused.form}>
            <CaseActions
              caseId={c.id}
              actions={page.actions}
              unitId={c.unitId}
              options={page.options}
              staffOptions={page.staffOptions}
              templates={page.templates}
              reportedUnitId={page.reportedParty?.unitId ?? null}
              kind={c.kind}
              subject={c.subject}
              claims={page.claims}
            />
          </CaseActionFrame>
        </aside>
      </div>
    </>
  );
}

/** The panel of an action's form on this page (case-action-frame.tsx), if the page offers it. */
const actionPanel = (intent: string) => document.querySelector<HTMLDetailsElement>(`details.action-panel[data-action="${intent}"]`);
const hasForm = (intent: string) => actionPanel(intent) !== null;

/** Opens an action's panel and brings the focus to its first field (or its button). */
function openAction(intent: string): void {
  const panel = actionPanel(intent);
  if (!panel) return;
  panel.open = true;
  const first = panel.querySelector<HTMLElement>('form input:not([type="hidden"]), form textarea, form select, form button');
  first?.focus();
  first?.scrollIntoView({ block: 'center' });
}

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';

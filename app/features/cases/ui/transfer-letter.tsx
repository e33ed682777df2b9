// The transfer letter (转送函) as staff see it and print it: the letter, where each masked span of
// personal data is marked; then, on screen only, the list of what was masked and the form that
// shows chosen spans on the letter, with a reason. The printed copy is the letter with its masks.
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Button } from '#app/ui/button.tsx';
import { CheckboxList } from '#app/ui/checkbox-list.tsx';
import { useFormatDate } from '#app/ui/format.ts';
import { SimpleTable } from '#app/ui/simple-table.tsx';
import { SummaryList } from '#app/ui/summary-list.tsx';
import { TextField } from '#app/ui/text-field.tsx';
import type { LetterField, LetterPiece, LetterSpan, UnmaskField } from '#app/features/cases/transfer-letter.ts';
import type { FormErrors } from '#app/ui/use-form-errors.ts';

/** The letter as the page's loader sends it (dates as the browser receives them). */
export interface Letter {
  receiptNo: string;
  kind: string;
  category: string;
  agency: string;
  office: string | null;
  forwardedAt: string | Date;
  pieces: Record<LetterField, LetterPiece[]>;
  spans: (LetterSpan & { unmasked: { reason: string; by: string | null; at: string | Date } | null })[];
  canUnmask: boolean;
}

function LetterText({ pieces }: { pieces: LetterPiece[] }) {
  const { t } = useTranslation('common');
  return (
    <>
      {pieces.map((piece, index) => {
        if (piece.kind === 'text') return <span key={index}>{piece.text}</span>;
        if (piece.kind === 'shown')
          return (
            <span key={index} className="unmasked-span" data-span={piece.key}>
              {piece.text}
            </span>
          );
        return (
          <mark key={index} className="masked-span" data-span={piece.key}>
            {t('redaction.masked', { kind: t(`redaction.kinds.${piece.span}`) })}
          </mark>
        );
      })}
    </>
  );
}

export function TransferLetter({ letter }: { letter: Letter }) {
  const { t } = useTranslation('office');
  const { t: tc } = useTranslation('common');
  const formatDate = useFormatDate();
  const office = letter.office ?? t('transfer.letter.officeFallback');
  const date = formatDate(letter.forwardedAt);
  return (
    <article className="transfer-letter" aria-labelledby="transfer-letter-title" data-testid="transfer-letter">
      <h2 id="transfer-letter-title" className="transfer-letter__title">
        {t('transfer.letter.title')}
      </h2>
      <p className="transfer-letter__to">{t('transfer.letter.to', { agency: letter.agency })}</p>
      <p>{t('transfer.letter.intro')}</p>
      <SummaryList
        items={[
          { label: t('transfer.letter.from'), value: office },
          { label: t('transfer.letter.receiptNo'), value: <span className="reference">{letter.receiptNo}</span> },
          { label: t('transfer.letter.date'), value: date },
          { label: t('queue.columns.kind'), value: tc(`kinds.${letter.kind}.label`) },
          { label: t('queue.columns.category'), value: letter.category },
          { label: t('case.subject'), value: <LetterText pieces={letter.pieces.subject} />, testId: 'transfer-letter-subject' },
        ]}
      />
      <h3>{t('case.body')}</h3>
      <div className="case-body" data-testid="transfer-letter-body">
        <LetterText pieces={letter.pieces.body} />
      </div>
      <p className="transfer-letter__note">{t('transfer.letter.maskedNote')}</p>
      <p className="transfer-letter__sign">
        {office}
        <br />
        {date}
      </p>
    </article>
  );
}

/** What was masked, what was shown and why; the unmask form for whoever may forward the case. */
export function MaskedSpans({ letter, form, busy }: { letter: Letter; form: FormErrors<UnmaskField>; busy: boolean }) {
  const { t } = useTranslation('office');
  const { t: tc } = useTranslation('common');
  const formatDate = useFormatDate();
  const where = (field: string) => t(`transfer.masked.fields.${field}`);
  const stillMasked = letter.spans.filter((span) => !span.unmasked);
  return (
    <section className="no-print" aria-labelledby="masked-title">
      <h2 id="masked-title">{t('transfer.masked.title')}</h2>
      <SimpleTable
        labelledBy="masked-title"
        testId="transfer-masked-spans"
        items={letter.spans}
        itemKey={(span) => span.key}
        empty={<p>{t('transfer.masked.none')}</p>}
        columns={[
          { label: t('transfer.masked.columns.kind'), isRowHeader: true, cell: (span) => tc(`redaction.kinds.${span.kind}`) },
          { label: t('transfer.masked.columns.where'), cell: (span) => where(span.field) },
          { label: t('transfer.masked.columns.text'), cell: (span) => span.text },
          {
            label: t('transfer.masked.columns.onLetter'),
            cell: (span) =>
              span.unmasked
                ? t('transfer.masked.shown', {
                    reason: span.unmasked.reason,
                    by: span.unmasked.by ?? '—',
                    at: formatDate(span.unmasked.at, true),
                  })
                : t('transfer.masked.masked'),
          },
        ]}
      />
      {letter.canUnmask && stillMasked.length > 0 ? (
        <Form method="post" noValidate className="unmask-form">
          <h3>{t('transfer.unmask.title')}</h3>
          <p>{t('transfer.unmask.lead')}</p>
          <CheckboxList
            name="spans"
            legend={t('transfer.unmask.spans')}
            hint={t('transfer.unmask.spansHint')}
            options={stillMasked.map((span) => ({
              value: span.key,
              label: t('transfer.unmask.option', { kind: tc(`redaction.kinds.${span.kind}`), text: span.text, where: where(span.field) }),
            }))}
            selected={(form.value('spans') ?? '').split('\n').filter(Boolean)}
            error={form.error('spans')}
          />
          <TextField
            name="reason"
            label={t('transfer.unmask.reason')}
            hint={t('transfer.unmask.reasonHint')}
            error={form.error('reason')}
            defaultValue={form.value('reason')}
            multiline={{ maxLength: 2000, rows: 3 }}
          />
          <Button isDisabled={busy}>{t('transfer.unmask.submit')}</Button>
        </Form>
      ) : null}
    </section>
  );
}

// "Attended" / "Did not come" for a booking, on the day's table (one form a row, the button
// naming the booking for screen readers) and on the booking's own page.
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ATTENDANCE_STATUSES, type AppointmentStatus } from '#app/features/reception/rules.ts';
import { Button } from '#app/ui/button.tsx';

interface AttendanceFormProps {
  status: AppointmentStatus;
  busy: boolean;
  /** On the day's table: which booking the row is. */
  row?: { appointmentId: string; reference: string };
}

export function AttendanceForm({ status, busy, row }: AttendanceFormProps) {
  const { t } = useTranslation('visits');
  return (
    <Form method="post" className={row ? undefined : 'actions'}>
      <input type="hidden" name="intent" value="attendance" />
      {row ? <input type="hidden" name="appointmentId" value={row.appointmentId} /> : null}
      {ATTENDANCE_STATUSES.filter((mark) => mark !== status).map((mark) => (
        <Button key={mark} name="status" value={mark} variant="secondary" isDisabled={busy}>
          {t(`office.mark.${mark}`)}
          {row ? <span className="visually-hidden"> {row.reference}</span> : null}
        </Button>
      ))}
    </Form>
  );
}

// A reception day's slots on its back-office page: how full each is and, for the staff who
// receive the visitors, who booked, with attendance to record once the day has begun.
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useFormatDay } from '#app/ui/format.ts';
import { StaticTable } from '#app/ui/static-table.tsx';
import { AttendanceForm } from './attendance-form.tsx';
import type { OfficeAppointment, OfficeDay } from '#app/features/reception/desk.server.ts';

interface DaySlotsProps {
  day: Pick<OfficeDay, 'id' | 'attendanceOpen' | 'slots'>;
  busy: boolean;
}

export function DaySlots({ day, busy }: DaySlotsProps) {
  const { t } = useTranslation('visits');
  const format = useFormatDay();
  const columns = [
    {
      label: t('office.columns.reference'),
      isRowHeader: true,
      cell: (a: OfficeAppointment) => <Link to={`/office/reception/${day.id}/appointments/${a.id}`}>{a.reference}</Link>,
    },
    { label: t('office.columns.who'), cell: (a: OfficeAppointment) => <Who appointment={a} /> },
    { label: t('office.columns.people'), cell: (a: OfficeAppointment) => a.representatives },
    { label: t('office.columns.status'), testId: 'appointment-status', cell: (a: OfficeAppointment) => t(`status.${a.status}`) },
    day.attendanceOpen && {
      label: t('office.columns.attendance'),
      cell: (a: OfficeAppointment) =>
        a.status === 'CANCELLED' ? null : (
          <AttendanceForm status={a.status} busy={busy} row={{ appointmentId: a.id, reference: a.reference }} />
        ),
    },
  ];
  return (
    <>
      {day.slots.map((slot) => {
        const headingId = `slot-${slot.id}`;
        return (
          <section key={slot.id} aria-labelledby={headingId} data-testid="office-slot">
            <h3 id={headingId}>{format.timeRange(slot.startsAt, slot.endsAt)}</h3>
            <p>{t('office.slotBooked', { booked: slot.booked, capacity: slot.capacity })}</p>
            {slot.appointments === null ? null : slot.appointments.length === 0 ? (
              <p>{t('office.day.noBookings')}</p>
            ) : (
              <StaticTable
                labelledBy={headingId}
                columns={columns}
                items={slot.appointments}
                itemId={(a) => a.id}
                rowTestId="appointment-row"
              />
            )}
          </section>
        );
      })}
    </>
  );
}

/** A booking for a case shows the case; a new visit, the visitor's name and phone number. */
function Who({ appointment }: { appointment: OfficeAppointment }) {
  const { t } = useTranslation('visits');
  if (appointment.case) return <>{t('office.forCase', { receiptNo: appointment.case.receiptNo })}</>;
  if (appointment.caseKept) return <>{t('office.forKeptCase')}</>;
  return (
    <>
      {appointment.name}
      <br />
      {appointment.phone}
    </>
  );
}

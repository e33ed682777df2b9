import { describe, expect, it } from 'vitest';
import { arrangeBoard, boardCaseIds, compareBoardCases, compareUrgency, type BoardCaseFacts, type Urgency } from './board.ts';
import type { WarningLevel } from '#app/features/cases/attributes.ts';

const TZ = 'Asia/Shanghai';
/** An instant given as Beijing time. */
const at = (local: string) => new Date(`${local}+08:00`);

function urgency(id: string, due: string | null, level: WarningLevel, received: string): Urgency {
  return { id, nextTargetDueAt: due ? at(due) : null, warningLevel: level, receivedAt: at(received) };
}

function boardCase(id: string, overrides: Partial<BoardCaseFacts> = {}): BoardCaseFacts {
  return {
    ...urgency(id, '2026-03-10T18:00:00', 'ORANGE', '2026-03-09T09:00:00'),
    clusterId: null,
    welfareConcern: false,
    status: 'SUBMITTED',
    ...overrides,
  };
}

const order = <T extends Urgency>(rows: T[], compare: (a: T, b: T, tz: string) => number) =>
  [...rows].sort((a, b) => compare(a, b, TZ)).map((r) => r.id);

describe('compareUrgency', () => {
  it('puts the earlier day first, whatever the level', () => {
    const rows = [
      urgency('red-tomorrow', '2026-03-11T09:00:00', 'RED', '2026-03-01T09:00:00'),
      urgency('orange-today', '2026-03-10T23:00:00', 'ORANGE', '2026-03-09T09:00:00'),
    ];
    expect(order(rows, compareUrgency)).toEqual(['orange-today', 'red-tomorrow']);
  });

  it('on the same day, the higher level first, even when its target is later that day', () => {
    const rows = [
      urgency('orange-morning', '2026-03-10T09:00:00', 'ORANGE', '2026-03-09T09:00:00'),
      urgency('red-evening', '2026-03-10T23:59:59', 'RED', '2026-03-09T10:00:00'),
    ];
    expect(order(rows, compareUrgency)).toEqual(['red-evening', 'orange-morning']);
  });

  it('on the same day and level, the case received first', () => {
    const rows = [
      urgency('later', '2026-03-10T09:00:00', 'RED', '2026-03-09T12:00:00'),
      urgency('earlier', '2026-03-10T20:00:00', 'RED', '2026-03-09T08:00:00'),
    ];
    expect(order(rows, compareUrgency)).toEqual(['earlier', 'later']);
  });

  it('counts days in the service zone, not in UTC', () => {
    // 01:00 on the 11th in Beijing is still the 10th in UTC: a day later than 23:00 on the 10th.
    const rows = [
      urgency('next-day-red', '2026-03-11T01:00:00', 'RED', '2026-03-09T08:00:00'),
      urgency('same-day-orange', '2026-03-10T23:00:00', 'ORANGE', '2026-03-09T09:00:00'),
    ];
    expect(order(rows, compareUrgency)).toEqual(['same-day-orange', 'next-day-red']);
  });

  it('puts rows without an open target last', () => {
    const rows = [
      urgency('none', null, 'RED', '2026-03-01T09:00:00'),
      urgency('due', '2026-04-10T09:00:00', 'ORANGE', '2026-03-09T09:00:00'),
    ];
    expect(order(rows, compareUrgency)).toEqual(['due', 'none']);
  });
});

describe('compareBoardCases', () => {
  it('puts a case pinned for safety above every other, however urgent', () => {
    const rows = [
      boardCase('missed-red', { nextTargetDueAt: at('2026-03-01T09:00:00'), warningLevel: 'RED' }),
      boardCase('safety', { welfareConcern: true, warningLevel: 'RED', nextTargetDueAt: at('2026-03-20T09:00:00') }),
    ];
    expect(order(rows, compareBoardCases)).toEqual(['safety', 'missed-red']);
  });

  it('does not pin a welfare case staff lowered, nor a finished one', () => {
    const rows = [
      boardCase('lowered', { welfareConcern: true, warningLevel: 'ORANGE', nextTargetDueAt: at('2026-03-20T09:00:00') }),
      boardCase('closed', { welfareConcern: true, warningLevel: 'RED', status: 'CLOSED', nextTargetDueAt: at('2026-03-20T09:00:00') }),
      boardCase('sooner', { nextTargetDueAt: at('2026-03-10T09:00:00') }),
    ];
    expect(order(rows, compareBoardCases)[0]).toBe('sooner');
  });
});

describe('arrangeBoard', () => {
  const cluster = { ...urgency('wages', '2026-03-10T12:00:00', 'ORANGE', '2026-03-02T09:00:00'), cases: [] as { id: string }[] };
  // The walkthrough's board: eighteen near-identical letters of one wage cluster and a self-harm letter among them.
  const members = Array.from({ length: 18 }, (_, i) =>
    boardCase(`member-${String(i).padStart(2, '0')}`, { clusterId: 'wages', nextTargetDueAt: at('2026-03-10T12:00:00') }),
  );
  const danger = boardCase('danger', {
    clusterId: 'wages',
    welfareConcern: true,
    warningLevel: 'RED',
    nextTargetDueAt: at('2026-03-10T23:59:59'),
  });
  const alone = boardCase('alone', { nextTargetDueAt: at('2026-03-09T18:00:00') });

  it('pins the safety case first and shows the cluster as one row instead of its cases', () => {
    const entries = arrangeBoard([...members, alone, danger], [cluster], TZ);
    expect(entries.map((e) => [e.kind, e.id])).toEqual([
      ['case', 'danger'],
      ['case', 'alone'],
      ['cluster', 'wages'],
    ]);
    expect(entries[0]).toMatchObject({ kind: 'case', pinned: true });
    expect(entries[1]).toMatchObject({ kind: 'case', pinned: false });
  });

  it('lists every case on its own row for someone who may not see clusters', () => {
    const entries = arrangeBoard([...members, alone, danger], [], TZ);
    expect(entries).toHaveLength(20);
    expect(entries[0]?.id).toBe('danger');
    expect(entries.filter((e) => e.kind === 'cluster')).toEqual([]);
  });

  it('keeps a case of a cluster not on the board on its own row', () => {
    const stray = boardCase('stray', { clusterId: 'elsewhere' });
    expect(arrangeBoard([stray], [cluster], TZ).map((e) => e.id)).toEqual(['wages', 'stray']);
  });

  it('orders the cluster among the cases by its own urgency', () => {
    const later = boardCase('later', { nextTargetDueAt: at('2026-03-12T09:00:00') });
    const sameDayRed = boardCase('same-day-red', { nextTargetDueAt: at('2026-03-10T22:00:00'), warningLevel: 'RED' });
    expect(arrangeBoard([later, sameDayRed], [cluster], TZ).map((e) => e.id)).toEqual(['same-day-red', 'wages', 'later']);
  });

  it('lists a case given twice once', () => {
    expect(arrangeBoard([danger, danger], [], TZ)).toHaveLength(1);
  });

  it('names every case the board shows, on its own row or in its cluster', () => {
    const withCases = { ...cluster, cases: members.slice(0, 2) };
    const entries = arrangeBoard([alone, danger, ...members], [withCases], TZ);
    expect(boardCaseIds(entries).sort()).toEqual(['alone', 'danger', 'member-00', 'member-01']);
  });
});

// When the office misses a date the statute sets for its answer, the citizen may ask the body above
// it to order a correction (arts. 44, 45). The track page says so plainly and prepares that request
// for them to print, sign and send: the receipt number, the step that is late, its date and article.
import { citizenClockOf } from './citizen-clock.server.ts';
import { missedStep, type ClockStep } from './citizen-clock.ts';
import { publicCaseView } from './lookup.server.ts';

export interface RemedyRequest {
  receiptNo: string;
  subject: string;
  receivedAt: Date;
  missed: ClockStep;
}

/** The request for the date the office has missed, or null while no answer it owes is late. */
export async function remedyRequest(caseId: string, now = new Date()): Promise<RemedyRequest | null> {
  const [view, clock] = await Promise.all([publicCaseView(caseId), citizenClockOf(caseId, now)]);
  if (!view || !clock) return null;
  const missed = missedStep(clock);
  return missed ? { receiptNo: view.receiptNo, subject: view.subject, receivedAt: view.receivedAt, missed } : null;
}

// The citizen-portal requests the benchmark needs, done the way a browser posting the plain HTML
// forms would: same-origin POSTs, form-urlencoded bodies, 303 redirects followed by hand.
import { randomBytes } from 'node:crypto';

export interface Receipt {
  receiptNo: string;
  accessCode: string;
}

const REQUEST_TIMEOUT_MS = 10_000;
const UUID = /<option[^>]*\svalue="([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"/i;

/** Headers of a same-origin form POST from the portal. */
export function formPostHeaders(baseUrl: string): Record<string, string> {
  return {
    'Content-Type': 'application/x-www-form-urlencoded',
    Origin: baseUrl,
    'Accept-Language': 'en',
  };
}

/** 22–64 characters of [A-Za-z0-9_-]; unique per submission, as a fresh form would carry. */
export function newIdempotencyKey(): string {
  return `bench_${randomBytes(18).toString('base64url')}`;
}

/** A valid, non-anonymous complaint; `serial` varies the text, the district and the phone. */
export function submissionBody(categoryId: string, serial: number, idempotencyKey = newIdempotencyKey()): string {
  return new URLSearchParams({
    idempotencyKey,
    kind: 'COMPLAINT',
    categoryId,
    // Each letter from its own district: cluster matching runs but finds no earlier case, as for
    // unrelated letters (bench/clustering.ts measures letters that do share an issue).
    area: `Benchmark district ${serial}`,
    subject: `Benchmark complaint ${serial}`,
    body: `Streetlights on the benchmark road have been out for ${serial % 30} days; please repair them.`,
    coSignerCount: '1',
    name: 'Bench Mark',
    // A different person each time, as on a real day (one phone would make every letter a repeat).
    phone: `138${String(serial % 100_000_000).padStart(8, '0')}`,
    preferredReplyChannel: 'ONLINE',
    consent: 'yes',
  }).toString();
}

export function trackBody(receipt: Receipt): string {
  return new URLSearchParams({ receiptNo: receipt.receiptNo, accessCode: receipt.accessCode }).toString();
}

export async function getText(url: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET ${url} returned ${response.status}`);
  return text;
}

export function extractCategoryId(html: string): string {
  // The category select's first option: the reported-unit select (issue 10) comes before it.
  const start = html.indexOf('name="categoryId"');
  const id = start < 0 ? undefined : UUID.exec(html.slice(start))?.[1];
  if (!id) throw new Error('no category <option value="<uuid>"> found on /submit');
  return id;
}

function extractTestId(html: string, testId: string): string {
  const match = new RegExp(`data-testid="${testId}"[^>]*>([^<]+)<`).exec(html);
  const value = match?.[1]?.trim();
  if (!value) throw new Error(`confirmation page has no data-testid="${testId}"`);
  return value;
}

/** The `name=value` part of the first Set-Cookie header for `name`. */
function cookiePair(response: Response, name: string): string {
  const pair = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((p) => p.startsWith(`${name}=`));
  if (!pair) throw new Error(`response sets no ${name} cookie`);
  return pair;
}

/** Files one case and reads its receipt number and access code from the confirmation page. */
export async function submitCase(baseUrl: string, body: string): Promise<Receipt> {
  const response = await fetch(`${baseUrl}/submit`, {
    method: 'POST',
    headers: formPostHeaders(baseUrl),
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  await response.arrayBuffer();
  if (response.status !== 303) throw new Error(`POST /submit returned ${response.status}, expected 303`);
  const location = new URL(response.headers.get('location') ?? '/submit/confirmation', baseUrl);
  const html = await getText(location.href, { Cookie: cookiePair(response, 'pd_receipt'), 'Accept-Language': 'en' });
  return { receiptNo: extractTestId(html, 'receipt-no'), accessCode: extractTestId(html, 'access-code') };
}

/** POST /track: 303 when the pair opens a case, 400 when it does not. */
export async function trackStatus(baseUrl: string, receipt: Receipt): Promise<number> {
  const response = await fetch(`${baseUrl}/track`, {
    method: 'POST',
    headers: formPostHeaders(baseUrl),
    body: trackBody(receipt),
    redirect: 'manual',
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  await response.arrayBuffer();
  return response.status;
}

/** Files `count` cases, `concurrency` at a time. */
export async function prepareCases(baseUrl: string, categoryId: string, count: number, concurrency: number): Promise<Receipt[]> {
  const receipts: Receipt[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const serial = next++;
      receipts.push(await submitCase(baseUrl, submissionBody(categoryId, serial)));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return receipts;
}

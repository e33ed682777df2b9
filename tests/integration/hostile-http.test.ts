// The built server against hostile requests, over real HTTP: bodies that never end, malformed
// multipart, broken encodings and cookies, and generated junk (fast-check) sent to every public
// form and both sign-in steps. None may get a 5xx or a reset connection, none may be echoed
// unescaped into a page, the process stays up, and a 200 MB body costs no more than the cap.
import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MULTIPART_MAX_BYTES, TEXT_FORM_MAX_BYTES } from '#app/platform/http/read-form.server.ts';
import { startThrowawayServer, type ThrowawayServer } from '../support/throwaway-server.ts';

let server: ThrowawayServer;

beforeAll(async () => {
  server = await startThrowawayServer({ SUBMIT_RATE_LIMIT: '100000', LOOKUP_RATE_LIMIT: '100000', SIGN_IN_RATE_LIMIT: '100000' });
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

interface Sent {
  status: number | 'reset';
  bytesSent: number;
  body: string;
}

/**
 * Streams `total` bytes of `chunk` as a chunked body (no Content-Length), stopping as soon as the
 * server answers; reports the status and how many bytes had been sent by then.
 */
async function streamBody(path: string, contentType: string, total: number, first = new Uint8Array(0)): Promise<Sent> {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  return await new Promise((resolve) => {
    let bytesSent = 0;
    let answered = false;
    const req = httpRequest(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': contentType, 'Transfer-Encoding': 'chunked' },
    });
    req.on('response', (res) => {
      answered = true;
      let body = '';
      res.on('data', (data: Buffer) => (body += data.toString()));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, bytesSent, body });
        req.destroy();
      });
    });
    req.on('error', () => {
      if (!answered) resolve({ status: 'reset', bytesSent, body: '' });
    });
    const pump = () => {
      if (answered || req.destroyed) return;
      if (bytesSent === 0 && first.length > 0) {
        bytesSent += first.length;
        req.write(first);
      }
      while (bytesSent < total && !answered) {
        bytesSent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (bytesSent >= total) req.end();
    };
    pump();
  });
}

async function post(
  path: string,
  body: BodyInit,
  headers: Record<string, string>,
): Promise<{ status: number | 'reset'; text: string; type: string }> {
  try {
    const response = await fetch(`${server.url}${path}`, { method: 'POST', body, headers, redirect: 'manual' });
    return { status: response.status, text: await response.text(), type: response.headers.get('Content-Type') ?? '' };
  } catch {
    return { status: 'reset', text: '', type: '' };
  }
}

const MB = 1024 * 1024;

describe('bodies that are too large', () => {
  it('refuses a 200 MB chunked form with 413 at the 64 KB cap, and the server does not grow', async () => {
    const before = server.rssBytes();
    const sent = await streamBody('/language', 'application/x-www-form-urlencoded', 200 * MB);
    expect(sent.status).toBe(413);
    // What the client had sent when the answer came: the cap, plus what sat in socket buffers.
    expect(sent.bytesSent).toBeLessThan(TEXT_FORM_MAX_BYTES + 16 * MB);
    expect(server.rssBytes() - before).toBeLessThan(100 * MB);
    expect(server.alive()).toBe(true);
  });

  it('refuses a 200 MB chunked multipart upload with 413 within the multipart cap, memory within 100 MB', async () => {
    const before = server.rssBytes();
    const head = new TextEncoder().encode('--b\r\nContent-Disposition: form-data; name="files"; filename="big.pdf"\r\n\r\n%PDF-');
    const sent = await streamBody('/submit?index', 'multipart/form-data; boundary=b', 200 * MB, head);
    expect(sent.status).toBe(413);
    expect(sent.bytesSent).toBeGreaterThan(MULTIPART_MAX_BYTES);
    expect(sent.bytesSent).toBeLessThan(MULTIPART_MAX_BYTES + 16 * MB);
    expect(server.rssBytes() - before).toBeLessThan(100 * MB);
  });

  it('refuses multipart on a route that takes no files (415)', async () => {
    const form = new FormData();
    form.set('lng', 'en');
    expect((await post('/language', form, {})).status).toBe(415);
  });
});

describe('malformed multipart gets an answer, not a reset connection', () => {
  const boundary = 'x';
  const part = (headers: string, content: string) => `--${boundary}\r\n${headers}\r\n\r\n${content}\r\n`;
  const cases: [string, string][] = [
    ['part headers over 16 KB', part(`Content-Disposition: form-data; name="subject"; x="${'a'.repeat(17_000)}"`, 'x')],
    ['more than 500 parts', Array.from({ length: 501 }, (_, i) => part(`Content-Disposition: form-data; name="f${i}"`, 'x')).join('')],
    ['over 1 MB of text', part('Content-Disposition: form-data; name="body"', 'x'.repeat(1_100_000))],
    ['a part without a name', part('Content-Disposition: form-data', 'x')],
    ['a body that stops in the middle', `--${boundary}\r\nContent-Disposition: form-data; name="subject"\r\n\r\nunfinished`],
  ];
  it.each(cases)('%s: 400 or 413', async (_, text) => {
    for (const path of ['/submit?index', '/submit/upload', '/track/case/attachments/upload']) {
      const { status } = await post(path, `${text}--${boundary}--\r\n`, { 'Content-Type': `multipart/form-data; boundary=${boundary}` });
      expect([path, status]).toEqual([path, expect.toBeOneOf([400, 401, 403, 404, 413])]);
    }
  });
});

describe('bodies and cookies that cannot be read', () => {
  it('answers a form that is not UTF-8 with 400, and one of another type with 415', async () => {
    const broken = new Uint8Array([0x73, 0x75, 0x62, 0x6a, 0x65, 0x63, 0x74, 0x3d, 0xff, 0xfe, 0xc3]);
    expect((await post('/track?index', broken, { 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(400);
    expect((await post('/track?index', '{"receiptNo":1}', { 'Content-Type': 'application/json' })).status).toBe(415);
    expect((await post('/office/sign-in', 'email=a', { 'Content-Type': 'text/plain' })).status).toBe(415);
  });

  it('treats a cookie with a malformed %-escape as absent', async () => {
    for (const [path, cookie] of [
      ['/track/case', 'pd_track=%ZZ'],
      ['/submit/confirmation', 'pd_receipt=%ZZ%'],
      ['/visits/confirmation', 'pd_booking=%E4%ZZ'],
      ['/', 'pd_lng=%ZZ; pd_notice=%'],
    ] as const) {
      const response = await fetch(`${server.url}${path}`, { headers: { Cookie: cookie }, redirect: 'manual' });
      expect([path, response.status]).toEqual([path, expect.toBeOneOf([200, 302, 303])]);
    }
  });
});

// --- Generated hostile requests ------------------------------------------------------------------

/** Every form a visitor can post without signing in, and both steps of staff sign-in. */
const FORM_ROUTES = [
  '/submit?index',
  '/submit/upload',
  '/submit/confirmation',
  '/track?index',
  '/track/case',
  '/track/case/attachments',
  '/track/case/attachments/upload',
  '/track/case/rate',
  '/track/case/review',
  '/track/case/withdraw',
  '/visits/book/00000000-0000-4000-8000-000000000000',
  '/visits/cancel',
  '/language',
  '/office/sign-in',
  '/office/sign-in/code',
];

/** The fields those forms read, so generated values reach validation and not only the parser. */
const FIELD_NAMES = [
  'idempotencyKey',
  'kind',
  'categoryId',
  'area',
  'subject',
  'body',
  'coSignerCount',
  'name',
  'email',
  'phone',
  'preferredReplyChannel',
  'consent',
  'receiptNo',
  'accessCode',
  'intent',
  'lng',
  'redirectTo',
  'password',
  'code',
  'rating',
  'reason',
  'comment',
  'slotId',
];

/** A marker no page contains, so an echo of the input can be told apart from the page itself. */
const MARK = 'zq7Xv';

const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom(
    `<script>${MARK}</script>`,
    `"><img src=x onerror=${MARK}>`,
    `${MARK}\u0000\u0001\u001b`,
    `%ZZ%${MARK}%`,
    `${'x'.repeat(2100)}${MARK}`,
    `https://example.com/${'A'.repeat(2500)}`,
    '\uD800',
    '١٢٣٤',
    'ＡＢＣ@ｅｘａｍｐｌｅ．ｃｏｍ',
    '-1',
    '1e309',
    '__proto__',
  ),
);

const urlEncoded = fc
  .array(fc.tuple(fc.constantFrom(...FIELD_NAMES), hostileText), { maxLength: 12 })
  .map((pairs) => ({ type: 'application/x-www-form-urlencoded', body: new URLSearchParams(pairs).toString() as BodyInit }));

const rawBytes = fc.tuple(
  fc.constantFrom(
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=q',
    'multipart/form-data',
    'text/plain',
    'application/json',
    '',
  ),
  fc.uint8Array({ maxLength: 2000 }),
);

const multipart = fc
  .array(
    fc.tuple(
      fc.constantFrom(...FIELD_NAMES, 'files'),
      hostileText,
      fc.option(fc.constantFrom('a.pdf', `${MARK}<b>.png`, '', '../../etc/passwd')),
    ),
    { maxLength: 8 },
  )
  .map((parts) => {
    const text = parts
      .map(([name, value, file]) => {
        const fileName = file === null ? '' : `; filename="${file}"`;
        return `--q\r\nContent-Disposition: form-data; name="${name}"${fileName}\r\n\r\n${value}\r\n`;
      })
      .join('');
    return { type: 'multipart/form-data; boundary=q', body: `${text}--q--\r\n` as BodyInit };
  });

const hostileRequest = fc.record({
  path: fc.constantFrom(...FORM_ROUTES),
  payload: fc.oneof(
    urlEncoded,
    multipart,
    rawBytes.map(([type, bytes]) => ({ type, body: bytes as BodyInit })),
  ),
  cookie: fc.constantFrom('', 'pd_track=%ZZ', 'pd_lng=en', `pd_receipt=${MARK}`, 'pd_staff=x'.repeat(50)),
});

describe('generated hostile requests (fast-check)', () => {
  it('get no 5xx, are never echoed unescaped, and the server stays up', async () => {
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(hostileRequest, async ({ path, payload, cookie }) => {
        const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
        if (payload.type) headers['Content-Type'] = payload.type;
        const { status, text, type } = await post(path, payload.body, headers);
        // Only a page can run what it echoes: JSON (the upload endpoints' answers) and plain text cannot.
        const echoed = type.includes('html') && /<script>zq7Xv|<img src=x onerror=zq7Xv|zq7Xv<b>/.test(text);
        if (status === 'reset' || status >= 500 || echoed) failures.push(`${path} ${payload.type} → ${status}${echoed ? ' (echoed)' : ''}`);
        return status !== 'reset' && status < 500 && !echoed;
      }),
      { seed: 20261201, numRuns: 1000, endOnFailure: true },
    );
    expect(failures).toEqual([]);
    expect(server.alive()).toBe(true);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  }, 120_000);
});

describe('what operators see', () => {
  it('/metrics gives request, outbox, sweep and pool figures to an allowed address', async () => {
    // The worker sweeps once at start; give it a moment if it has not finished yet.
    let text = '';
    for (let i = 0; i < 20; i++) {
      text = await (await fetch(`${server.url}/metrics`)).text();
      if (text.includes('deadline_sweep_runs{state="completed"}')) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(text).toMatch(/^http_requests_total\{method="POST",route="\/submit",status="\d+"\} \d+/m);
    expect(text).toMatch(/^http_request_duration_seconds_bucket\{/m);
    expect(text).toMatch(/^outbox_messages_retrying \d+/m);
    expect(text).toMatch(/^deadline_sweep_runs\{state="completed"\} [1-9]/m);
    expect(text).toMatch(/^deadline_sweep_last_completed_seconds \d+/m);
    expect(text).toMatch(/^db_pool_connections\{state="total"\} \d+/m);
    // Route patterns only: no ids, receipt numbers or query strings.
    expect(text).not.toMatch(/route="[^"]*(\?|[0-9a-f]{8}-[0-9a-f]{4})/);
  });
});

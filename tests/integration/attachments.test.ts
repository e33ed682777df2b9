// Attachments against real PostgreSQL and a throwaway upload folder: refused files leave nothing
// behind and keep what was typed, photos are stored without their metadata, a retried form
// stores its files once, evidence added later respects the limits, and a file reaches only the
// case's citizen and the staff who may see the case (every other requester gets the same 404,
// and every staff download is audited).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentDisposition } from '#app/features/attachments/access.server.ts';
import { addEvidence } from '#app/features/attachments/evidence.server.ts';
import { ATTACHMENT_LIMITS } from '#app/features/attachments/rules.ts';
import { storage } from '#app/features/attachments/storage/storage.server.ts';
import { readUploadForm } from '#app/features/attachments/upload-form.server.ts';
import { trackCookie } from '#app/features/cases/portal-cookies.server.ts';
import { handleSubmission } from '#app/features/cases/submit.server.ts';
import { db } from '#app/platform/db.server.ts';
import { env } from '#app/platform/env.server.ts';
import { takeNotice } from '#app/platform/http/notice.server.ts';
import * as submitPage from '#app/routes/_portal+/submit._index.tsx';
import * as evidencePage from '#app/routes/_portal+/track.case_.attachments.tsx';
import * as staffDownloadRoute from '#app/routes/_resources+/office.cases.$caseId_.attachments.$id.tsx';
import * as submitUpload from '#app/routes/_resources+/submit.upload.tsx';
import * as citizenDownloadRoute from '#app/routes/_resources+/track.case.attachments.$id.tsx';
import { anyCategoryId, newClientIp, newIdempotencyKey, staffUser } from '../support/fixtures.ts';
import { SECRETS, ascii, contains, jpegWithMetadata, pngWithMetadata, realPng, webpWithMetadata } from '../support/image-fixtures.ts';
import { loadContext, officeRequest, sessionToken } from '../support/office-requests.ts';
import { buildZip } from '../support/zip.ts';

// The run's upload folder (tests/support/integration-env.ts). Files run one at a time, so nothing
// else stores a file between a count below and the one it is compared with.
const uploads = env().STORAGE_DIR;

/** Every stored file under the upload folder (temporary files included). */
function storedFiles(dir = uploads): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? storedFiles(full) : [full];
  });
}

const PDF = ascii('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const HTML = ascii('<!doctype html><html><script>fetch("/office")</script></html>');
const EXE = Uint8Array.of(0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00);

async function letterFields(overrides: Record<string, string> = {}): Promise<Record<string, string>> {
  const unique = Math.random().toString(36).slice(2, 10);
  return {
    idempotencyKey: newIdempotencyKey(),
    kind: 'COMPLAINT',
    // Wage arrears go to the human-resources unit by default.
    categoryId: await anyCategoryId('wage-arrears'),
    area: `附件测试区${unique}`,
    subject: `工地拖欠工资 ${unique}`,
    body: `我在建筑工地工作，公司拖欠三个月工资，附上工资条和照片作为证据。编号${unique}`,
    coSignerCount: '1',
    name: '赵敏',
    email: `zhao.${unique}@example.com`,
    preferredReplyChannel: 'EMAIL',
    consent: 'yes',
    ...overrides,
  };
}

function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
}

const file = (name: string, bytes: Uint8Array) => ({ name, size: bytes.length, bytes });
const client = () => ({ clientIp: newClientIp(), locale: 'zh-Hans' as const });

async function caseWithFiles(files: { name: string; bytes: Uint8Array }[], overrides: Record<string, string> = {}) {
  const fields = await letterFields(overrides);
  const outcome = await handleSubmission(
    formOf(fields),
    client(),
    files.map((f) => file(f.name, f.bytes)),
  );
  if (!outcome.ok) throw new Error(`submission failed: ${JSON.stringify(outcome)}`);
  const row = await db().case.findUniqueOrThrow({
    where: { receiptNo: outcome.receipt.receiptNo },
    include: { attachments: { orderBy: { createdAt: 'asc' } } },
  });
  return { row, fields, outcome };
}

async function storedBytes(storageKey: string): Promise<Uint8Array> {
  return new Uint8Array(await new Response(await storage().get(storageKey)).arrayBuffer());
}

describe('refused files (magic bytes)', () => {
  it('HTML named .pdf, a program named .pdf and a plain ZIP named .docx are refused, nothing is stored, and what was typed comes back', async () => {
    const fields = await letterFields();
    const before = storedFiles().length;
    const outcome = await handleSubmission(formOf(fields), client(), [
      file('invoice.pdf', HTML),
      file('扫描件.pdf', EXE),
      file('合同.docx', buildZip([{ name: 'a.txt', data: 'x' }])),
      file('photo.png', realPng()),
    ]);
    expect(outcome).toMatchObject({
      ok: false,
      status: 400,
      errors: {},
      formError: null,
      filesNotKept: true,
      fileErrors: [
        { problem: 'type', fileName: 'invoice.pdf' },
        { problem: 'type', fileName: '扫描件.pdf' },
        { problem: 'type', fileName: '合同.docx' },
      ],
    });
    if (outcome.ok) return;
    expect(outcome.values).toMatchObject({
      subject: fields.subject,
      body: fields.body,
      name: '赵敏',
      email: fields.email,
      idempotencyKey: fields.idempotencyKey,
    });
    expect(await db().case.count({ where: { idempotencyKey: fields.idempotencyKey } })).toBe(0);
    expect(storedFiles()).toHaveLength(before);
  });

  it('reports file problems together with field problems, and stores nothing', async () => {
    const before = storedFiles().length;
    const outcome = await handleSubmission(formOf(await letterFields({ subject: '' })), client(), [file('notes.pdf', ascii('only text'))]);
    expect(outcome).toMatchObject({
      ok: false,
      errors: { subject: 'subject.required' },
      fileErrors: [{ problem: 'mismatch', fileName: 'notes.pdf' }],
    });
    expect(storedFiles()).toHaveLength(before);
  });

  it('says the chosen files must be chosen again when only a field was wrong', async () => {
    const outcome = await handleSubmission(formOf(await letterFields({ email: 'nope' })), client(), [file('ok.png', realPng())]);
    expect(outcome).toMatchObject({ ok: false, errors: { email: 'email.invalid' }, fileErrors: [], filesNotKept: true });
  });

  it('refuses more than 5 files at once', async () => {
    const files = Array.from({ length: 6 }, (_, i) => file(`p${i}.pdf`, PDF));
    const outcome = await handleSubmission(formOf(await letterFields()), client(), files);
    expect(outcome).toMatchObject({ ok: false, fileErrors: [{ problem: 'tooMany', count: 6, fileName: null }] });
  });
});

describe('metadata is removed before storing', () => {
  it('stores JPEG, PNG and WebP without Exif, GPS, XMP, IPTC, comments or text chunks', async () => {
    const { row } = await caseWithFiles([
      { name: 'IMG_2041.JPG', bytes: jpegWithMetadata(6) },
      { name: '截图.png', bytes: pngWithMetadata() },
      { name: 'photo.webp', bytes: webpWithMetadata() },
    ]);
    expect(row.attachments.map((a) => [a.fileName, a.contentType, a.purpose, a.uploadedBy])).toEqual([
      ['IMG_2041.JPG', 'image/jpeg', 'submission', 'CITIZEN'],
      ['截图.png', 'image/png', 'submission', 'CITIZEN'],
      ['photo.webp', 'image/webp', 'submission', 'CITIZEN'],
    ]);
    for (const attachment of row.attachments) {
      const bytes = await storedBytes(attachment.storageKey);
      for (const secret of Object.values(SECRETS)) expect(contains(bytes, secret), `${attachment.fileName}: ${secret}`).toBe(false);
      expect(attachment.sizeBytes).toBe(bytes.length);
      expect(attachment.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(attachment.storageKey).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    }
    // The PNG comes out exactly as the encoder wrote it, before metadata was added.
    const png = row.attachments[1];
    expect(png && Buffer.from(await storedBytes(png.storageKey)).equals(Buffer.from(realPng()))).toBe(true);
  });
});

describe('a retried form stores its files once', () => {
  it('a second POST with the same idempotency key finds the case and adds no attachment', async () => {
    const fields = await letterFields();
    const files = [file('工资条.pdf', PDF), file('photo.png', realPng())];
    const first = await handleSubmission(formOf(fields), client(), files);
    const again = await handleSubmission(formOf(fields), client(), files);
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    expect(again.receipt).toMatchObject({ receiptNo: first.receipt.receiptNo, created: false });
    const row = await db().case.findUniqueOrThrow({ where: { receiptNo: first.receipt.receiptNo }, include: { attachments: true } });
    expect(row.attachments).toHaveLength(2);
    // The retry's copies were removed from storage: every stored file belongs to a row.
    const keys = new Set(
      (await db().attachment.findMany({ select: { storageKey: true } })).map((a) => path.join(uploads, ...a.storageKey.split('/'))),
    );
    const stored = storedFiles();
    // The store is the folder this file reads: this case's two files are in it.
    expect(row.attachments.every((a) => stored.includes(path.join(uploads, ...a.storageKey.split('/'))))).toBe(true);
    expect(stored.filter((f) => !keys.has(f))).toEqual([]);
  });

  it('two POSTs of one form at the same moment make one case with one set of files', async () => {
    const fields = await letterFields();
    const files = [file('a.pdf', PDF)];
    const outcomes = await Promise.all([
      handleSubmission(formOf(fields), client(), files),
      handleSubmission(formOf(fields), client(), files),
    ]);
    const receipts = outcomes.flatMap((o) => (o.ok ? [o.receipt] : []));
    expect(receipts).toHaveLength(2);
    expect(new Set(receipts.map((r) => r.receiptNo)).size).toBe(1);
    const row = await db().case.findUniqueOrThrow({ where: { idempotencyKey: fields.idempotencyKey }, include: { attachments: true } });
    expect(row.attachments).toHaveLength(1);
  });

  it('files also go with a case that takes the alerting path (orange: 8 co-signers)', async () => {
    const { row } = await caseWithFiles([{ name: 'signatures.pdf', bytes: PDF }], { coSignerCount: '8' });
    expect(row.warningLevel).toBe('ORANGE');
    expect(row.attachments).toHaveLength(1);
  });
});

describe('the submit form over HTTP (multipart, through the routes)', () => {
  function multipartRequest(
    url: string,
    fields: Record<string, string>,
    files: { name: string; bytes: Uint8Array; type?: string }[],
    cookie?: string,
  ) {
    const form = formOf(fields);
    for (const f of files)
      form.append('files', new File([Uint8Array.from(f.bytes)], f.name, { type: f.type ?? 'application/octet-stream' }));
    return new Request(`http://localhost${url}`, {
      method: 'POST',
      body: form,
      headers: { 'Accept-Language': 'zh-CN', ...(cookie ? { Cookie: cookie } : {}) },
    });
  }

  it('the page action stores the files and redirects to the confirmation', async () => {
    const fields = await letterFields();
    const response = await submitPage.action({
      request: multipartRequest('/submit?index', fields, [{ name: '证据 照片.png', bytes: pngWithMetadata(), type: 'image/png' }]),
      params: {},
      context: loadContext,
    });
    expect(response).toBeInstanceOf(Response);
    if (!(response instanceof Response)) return;
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/submit/confirmation');
    const row = await db().case.findUniqueOrThrow({ where: { idempotencyKey: fields.idempotencyKey }, include: { attachments: true } });
    expect(row.attachments.map((a) => a.fileName)).toEqual(['证据 照片.png']);
  });

  it('the page action sends a refused file back with the typed values (the browser claimed image/png)', async () => {
    const fields = await letterFields();
    const result = await submitPage.action({
      request: multipartRequest('/submit?index', fields, [{ name: 'fake.png', bytes: HTML, type: 'image/png' }]),
      params: {},
      context: loadContext,
    });
    expect(result).toMatchObject({
      data: { fileErrors: [{ problem: 'type', fileName: 'fake.png' }], values: { subject: fields.subject } },
      init: { status: 400 },
    });
  });

  it('the JSON endpoint for uploads with progress answers the same, as JSON', async () => {
    const refused = await submitUpload.action({
      request: multipartRequest('/submit/upload', await letterFields(), [{ name: 'x.exe', bytes: EXE }]),
      params: {},
      context: loadContext,
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ ok: false, fileErrors: [{ problem: 'type', fileName: 'x.exe' }], filesNotKept: true });
    const accepted = await submitUpload.action({
      request: multipartRequest('/submit/upload', await letterFields(), [{ name: 'a.pdf', bytes: PDF }]),
      params: {},
      context: loadContext,
    });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ ok: true, redirectTo: '/submit/confirmation' });
    expect(accepted.headers.get('Set-Cookie')).toMatch(/^pd_receipt=/);
  });

  it('reads a file over the size limit without keeping it, and reports it by name', async () => {
    const big = new Uint8Array(ATTACHMENT_LIMITS.maxFileBytes + 1);
    big.set(PDF);
    const form = formOf({ subject: 'x' });
    form.append('files', new File([big], '大文件.pdf'));
    form.append('files', new File([], ''));
    const read = await readUploadForm(new Request('http://localhost/submit', { method: 'POST', body: form }));
    expect(read.form.get('subject')).toBe('x');
    expect(read.files).toEqual([{ name: '大文件.pdf', size: ATTACHMENT_LIMITS.maxFileBytes + 1, bytes: null }]);
    const outcome = await handleSubmission(formOf(await letterFields()), client(), read.files);
    expect(outcome).toMatchObject({ ok: false, fileErrors: [{ problem: 'tooLarge', fileName: '大文件.pdf' }] });
  });

  it('refuses a body that is not well-formed multipart', async () => {
    const request = new Request('http://localhost/submit?index', {
      method: 'POST',
      body: '--x\r\nContent-Disposition: form-data; name="subject"\r\n\r\nunfinished',
      headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
    });
    const result = await submitPage.action({ request, params: {}, context: loadContext });
    expect(result).toMatchObject({ data: { formError: 'rejected' }, init: { status: 400 } });
  });
});

/** The flash notice a response leaves for the next page (app/platform/http/notice.server.ts). */
function noticeOf(response: Response) {
  const cookie = (response.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
  return takeNotice(new Request('http://localhost/', { headers: { Cookie: cookie } })).notice;
}

describe('evidence added later from the track page', () => {
  const trackCookieFor = (caseId: string) => trackCookie.serialize({ caseId }).split(';')[0] ?? '';

  function evidenceRequest(caseId: string | null, files: { name: string; bytes: Uint8Array }[]) {
    const form = new FormData();
    for (const f of files) form.append('files', new File([Uint8Array.from(f.bytes)], f.name));
    return new Request('http://localhost/track/case/attachments', {
      method: 'POST',
      body: form,
      headers: caseId ? { Cookie: trackCookieFor(caseId) } : {},
    });
  }

  it('adds files through the page, once: the same post again adds nothing', async () => {
    const { row } = await caseWithFiles([]);
    const post = () =>
      evidencePage.action({
        request: evidenceRequest(row.id, [
          { name: '补充材料.pdf', bytes: PDF },
          { name: 'p.jpg', bytes: jpegWithMetadata() },
        ]),
        params: {},
        context: loadContext,
      });
    const first = await post();
    expect(first).toBeInstanceOf(Response);
    expect(first instanceof Response && first.headers.get('Location')).toBe('/track/case/attachments');
    expect(first instanceof Response && noticeOf(first)).toEqual({ key: 'attachments:track.added', values: { count: 2 } });
    const again = await post();
    expect(again instanceof Response && again.headers.get('Location')).toBe('/track/case/attachments');
    expect(again instanceof Response && noticeOf(again)).toEqual({ key: 'attachments:track.addedNone', values: { count: 0 } });
    const attachments = await db().attachment.findMany({ where: { caseId: row.id } });
    expect(attachments.map((a) => [a.fileName, a.purpose]).sort()).toEqual([
      ['p.jpg', 'evidence'],
      ['补充材料.pdf', 'evidence'],
    ]);
    const event = await db().caseEvent.findFirstOrThrow({ where: { caseId: row.id, type: 'ATTACHMENTS_ADDED' } });
    expect(event).toMatchObject({ visibility: 'INTERNAL', actorType: 'CITIZEN', data: { count: 2, purpose: 'evidence' } });
  });

  it('needs the track session', async () => {
    const { row } = await caseWithFiles([]);
    const thrown = await evidencePage
      .action({ request: evidenceRequest(null, [{ name: 'a.pdf', bytes: PDF }]), params: {}, context: loadContext })
      .catch((e: unknown) => e);
    expect(thrown instanceof Response && thrown.headers.get('Location')).toBe('/track');
    expect(await db().attachment.count({ where: { caseId: row.id } })).toBe(0);
  });

  it('asks for a file when none was chosen, and refuses a file that is not what it claims', async () => {
    const { row } = await caseWithFiles([]);
    const none = await evidencePage.action({ request: evidenceRequest(row.id, []), params: {}, context: loadContext });
    expect(none).toMatchObject({ data: { fileErrors: [{ problem: 'none' }] }, init: { status: 400 } });
    const fake = await evidencePage.action({
      request: evidenceRequest(row.id, [{ name: 'x.pdf', bytes: HTML }]),
      params: {},
      context: loadContext,
    });
    expect(fake).toMatchObject({ data: { fileErrors: [{ problem: 'type', fileName: 'x.pdf' }] } });
  });

  it('holds at most 20 files per case, also when posts race', async () => {
    const { row } = await caseWithFiles(Array.from({ length: 5 }, (_, i) => ({ name: `s${i}.txt`, bytes: ascii(`submission ${i}`) })));
    const batch = (n: number) => Array.from({ length: 5 }, (_, i) => file(`e${n}-${i}.txt`, ascii(`evidence ${n}-${i}`)));
    // 5 already; three posts of 5 race for the 15 places left, then a fourth finds the case full.
    const results = await Promise.all([addEvidence(row.id, batch(1)), addEvidence(row.id, batch(2)), addEvidence(row.id, batch(3))]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await addEvidence(row.id, batch(4))).toEqual({ ok: false, errors: [{ problem: 'caseFull', fileName: null, count: 0 }] });
    expect(await db().attachment.count({ where: { caseId: row.id } })).toBe(ATTACHMENT_LIMITS.maxFilesPerCase);
  });

  it('takes no files once the case has ended', async () => {
    const { row } = await caseWithFiles([]);
    await db().case.update({ where: { id: row.id }, data: { status: 'CLOSED' } });
    expect(await addEvidence(row.id, [file('late.pdf', PDF)])).toEqual({ ok: false, errors: [{ problem: 'closed', fileName: null }] });
  });
});

describe('who can download an attachment', () => {
  let caseA: Awaited<ReturnType<typeof caseWithFiles>>['row'];
  let caseB: Awaited<ReturnType<typeof caseWithFiles>>['row'];
  let attachmentA: { id: string; storageKey: string };
  let attachmentB: { id: string };

  beforeAll(async () => {
    caseA = (await caseWithFiles([{ name: '工资条 2026年10月.pdf', bytes: PDF }])).row;
    caseB = (await caseWithFiles([{ name: 'other.png', bytes: realPng() }])).row;
    const a = caseA.attachments[0];
    const b = caseB.attachments[0];
    if (!a || !b) throw new Error('fixtures without attachments');
    attachmentA = a;
    attachmentB = b;
  });

  /** The answer of a download route: the file, or the 404 it throws (Remix sends either as it is). */
  const answer = async (run: Promise<Response>): Promise<Response> =>
    await run.catch((thrown: unknown) => {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    });

  const citizen = async (sessionCaseId: string | null, caseId: string, attachmentId: string) => {
    void caseId;
    const headers: Record<string, string> = sessionCaseId
      ? { Cookie: trackCookie.serialize({ caseId: sessionCaseId }).split(';')[0] ?? '' }
      : {};
    return await answer(
      citizenDownloadRoute.loader({
        request: new Request(`http://localhost/track/case/attachments/${attachmentId}`, { headers }),
        params: { id: attachmentId },
        context: loadContext,
      }),
    );
  };

  const staff = async (token: string, caseId: string, attachmentId: string) =>
    await answer(
      staffDownloadRoute.loader({
        request: officeRequest(`/office/cases/${caseId}/attachments/${attachmentId}`, token),
        params: { caseId, id: attachmentId },
        context: loadContext,
      }),
    );

  /** What a refusal looks like: all of them must look the same. */
  const shape = async (response: Response) => ({
    status: response.status,
    body: await response.text(),
    type: response.headers.get('Content-Type'),
    disposition: response.headers.get('Content-Disposition'),
  });

  it('the citizen of the case, through the track session, gets the file as a safe download', async () => {
    const response = await citizen(caseA.id, caseA.id, attachmentA.id);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="___ 2026_10_.pdf"; filename*=UTF-8''%E5%B7%A5%E8%B5%84%E6%9D%A1%202026%E5%B9%B410%E6%9C%88.pdf`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, no-store',
      'content-length': String(PDF.length),
    });
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF);
  });

  it("another case's session, no session, a made-up id: the same 404", async () => {
    const refusals = [
      await citizen(caseB.id, caseA.id, attachmentA.id),
      await citizen(null, caseA.id, attachmentA.id),
      await citizen(caseA.id, caseA.id, '00000000-0000-4000-8000-000000000000'),
      await citizen(caseA.id, caseA.id, 'not-a-uuid'),
    ];
    const shapes = await Promise.all(refusals.map(shape));
    expect(shapes.every((s) => s.status === 404)).toBe(true);
    expect(new Set(shapes.map((s) => JSON.stringify(s))).size).toBe(1);
  });

  it("clerks, supervisors and handlers of the case's unit get it, each download audited; other handlers, analysts and admins get the same 404, unaudited", async () => {
    const people = {
      CLERK: await staffUser('CLERK'),
      SUPERVISOR: await staffUser('SUPERVISOR'),
      HANDLER: await staffUser('HANDLER', 'human-resources'),
      OTHER_HANDLER: await staffUser('HANDLER', 'housing'),
      ANALYST: await staffUser('ANALYST'),
      ADMIN: await staffUser('ADMIN'),
    };
    const expected = { CLERK: 200, SUPERVISOR: 200, HANDLER: 200, OTHER_HANDLER: 404, ANALYST: 404, ADMIN: 404 } as const;
    const refusals: Awaited<ReturnType<typeof shape>>[] = [];
    for (const [role, person] of Object.entries(people) as [keyof typeof people, (typeof people)[keyof typeof people]][]) {
      const token = await sessionToken(person.user.id);
      const response = await staff(token, caseA.id, attachmentA.id);
      expect(response.status, role).toBe(expected[role]);
      const audits = await db().auditLog.findMany({ where: { action: 'attachment.downloaded', actorId: person.user.id } });
      if (expected[role] === 200) {
        expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF);
        expect(response.headers.get('Content-Security-Policy')).toBe("default-src 'none'; sandbox");
        expect(audits).toHaveLength(1);
        expect(audits[0]).toMatchObject({
          targetType: 'Case',
          targetId: caseA.id,
          ipAddress: loadContext.clientIp,
          details: { attachmentId: attachmentA.id, purpose: 'submission' },
        });
      } else {
        refusals.push(await shape(response));
        expect(audits, role).toHaveLength(0);
      }
    }
    // A file of another case asked for under this case's address, and a made-up file.
    const clerkToken = await sessionToken(people.CLERK.user.id);
    refusals.push(await shape(await staff(clerkToken, caseA.id, attachmentB.id)));
    refusals.push(await shape(await staff(clerkToken, caseA.id, '00000000-0000-4000-8000-000000000000')));
    refusals.push(await shape(await staff(clerkToken, 'not-a-uuid', attachmentA.id)));
    expect(refusals.every((s) => s.status === 404)).toBe(true);
    expect(new Set(refusals.map((s) => JSON.stringify(s))).size).toBe(1);
    // And the citizen's refusal looks the same as staff's.
    expect(await shape(await citizen(null, caseA.id, attachmentA.id))).toEqual(refusals[0]);
    expect(await db().auditLog.count({ where: { action: 'attachment.downloaded', actorId: people.CLERK.user.id } })).toBe(1);
  });

  it('someone not signed in is sent to sign in, as for every back-office address', async () => {
    const thrown = await staffDownloadRoute
      .loader({
        request: new Request(`http://localhost/office/cases/${caseA.id}/attachments/${attachmentA.id}`),
        params: { caseId: caseA.id, id: attachmentA.id },
        context: loadContext,
      })
      .catch((e: unknown) => e);
    expect(thrown instanceof Response && thrown.status).toBe(302);
    expect(thrown instanceof Response && thrown.headers.get('Location')).toMatch(/^\/office\/sign-in\?redirectTo=/);
  });
});

describe('download names', () => {
  it('give an ASCII fallback and the UTF-8 name, with quotes and non-ASCII replaced in the fallback', () => {
    expect(contentDisposition('report.pdf')).toBe(`attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`);
    expect(contentDisposition(`it's "x" (1).txt`)).toBe(
      `attachment; filename="it's _x_ (1).txt"; filename*=UTF-8''it%27s%20%22x%22%20%281%29.txt`,
    );
  });
});

// Pure parts of notifications: preference saving, Message-IDs and the .eml file transport, and
// which deadlines the sweep reminds people of.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { remindersFor } from '#app/jobs/deadline-sweep.server.ts';
import { mutedAfterSave, topicsForRole } from './preferences.ts';
import { staffWantsMessage } from './topics.ts';
import { emlFileName, fileTransport, messageIdFor } from './transport.server.ts';

describe('notification preferences', () => {
  it('offers each role only the topics it can receive', () => {
    expect(topicsForRole('HANDLER')).toEqual(['assignment', 'warningAlert', 'dueSoon']);
    expect(topicsForRole('SUPERVISOR')).toEqual(['warningAlert', 'dueSoon', 'overdueDigest', 'reports', 'checkIn']);
    expect(topicsForRole('CLERK')).toEqual(['warningAlert']);
    expect(topicsForRole('ANALYST')).toEqual([]);
    expect(topicsForRole('ADMIN')).toEqual([]);
  });

  it('mutes the offered topics left unchecked, keeps the others as they were, and drops unknown ones', () => {
    const offered = topicsForRole('HANDLER');
    expect(mutedAfterSave([], offered, new Set(['assignment']))).toEqual(['warningAlert', 'dueSoon']);
    expect(mutedAfterSave(['dueSoon'], offered, new Set(['assignment', 'warningAlert', 'dueSoon']))).toEqual([]);
    // A digest muted while this person was a supervisor stays muted; junk is dropped.
    expect(mutedAfterSave(['overdueDigest', 'nonsense'], offered, new Set(offered))).toEqual(['overdueDigest']);
  });

  it('never lets a muted warning topic stop a red alert', () => {
    expect(staffWantsMessage('warningAlert', ['warningAlert'], true)).toBe(true);
    expect(staffWantsMessage('warningAlert', ['warningAlert'], false)).toBe(false);
    expect(staffWantsMessage('dueSoon', ['dueSoon'], true)).toBe(false);
  });
});

describe('file transport', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const id = '0b7e9c1a-4d2f-4e8a-9c3b-5a6d7e8f9a0b';

  it('derives the Message-ID and the file name from the outbox id', () => {
    expect(messageIdFor(id, 'https://xinfang.example.gov.cn')).toBe(`<${id}@xinfang.example.gov.cn>`);
    expect(messageIdFor(id, 'not a url')).toBe(`<${id}@petition-desk.localhost>`);
    expect(emlFileName(id.toUpperCase())).toBe(`${id}.eml`);
    expect(() => emlFileName('../../etc/passwd')).toThrow();
  });

  it('writes a real RFC 822 message once, however often the same message is sent', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pd-eml-'));
    dirs.push(dir);
    const lines: string[] = [];
    const transport = fileTransport(
      dir,
      { from: 'Petition Desk <no-reply@example.gov.cn>', baseUrl: 'https://xinfang.example.gov.cn' },
      (l) => lines.push(l),
    );
    const mail = {
      id,
      to: 'citizen@example.com',
      subject: '您的信访事项已受理',
      text: '正文 body',
      html: '<p>正文 body</p>',
      template: 'case.accepted',
    };
    const results = await Promise.all([transport.send(mail), transport.send(mail), transport.send(mail)]);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(readdirSync(dir)).toEqual([`${id}.eml`]);
    const eml = readFileSync(path.join(dir, `${id}.eml`), 'utf8');
    expect(eml).toMatch(/^Content-Type: multipart\/alternative/m);
    expect(eml).toContain(`Message-ID: <${id}@xinfang.example.gov.cn>`);
    expect(eml).toContain('To: citizen@example.com');
    expect(eml).toContain('From: Petition Desk <no-reply@example.gov.cn>');
    expect(eml).toContain('X-Petition-Desk-Template: case.accepted');
    expect(eml).toMatch(/^Subject: =\?UTF-8\?/m);
    // One log line per message, and no address in it.
    expect(lines.some((l) => l.includes('written to'))).toBe(true);
    expect(lines.join('\n')).not.toContain('citizen@example.com');
  });
});

describe('remindersFor', () => {
  const now = new Date('2026-11-23T04:00:00Z');
  const horizon = new Date(now.getTime() + 3 * 86_400_000);
  const base = {
    id: 'c',
    status: 'ACCEPTED',
    assigneeId: null,
    unitId: null,
    nextDueAt: null,
    responseDueAt: null,
    progressDueAt: null,
    resultDueAt: null,
    respondedAt: null,
    progressAt: null,
    resultAt: null,
  };
  const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

  it('reminds of a statutory deadline due within 3 days, but not one already past or further away', () => {
    expect(remindersFor({ ...base, nextDueAt: at(48) }, now, horizon)).toEqual([{ deadline: 'reply', dueAt: at(48) }]);
    expect(remindersFor({ ...base, nextDueAt: at(72) }, now, horizon)).toHaveLength(1);
    expect(remindersFor({ ...base, nextDueAt: at(72.01) }, now, horizon)).toEqual([]);
    expect(remindersFor({ ...base, nextDueAt: at(-1) }, now, horizon)).toEqual([]);
  });

  it('reminds of each response target not met yet', () => {
    const row = { ...base, responseDueAt: at(2), progressDueAt: at(60), resultDueAt: at(160), respondedAt: null };
    expect(remindersFor(row, now, horizon).map((r) => r.deadline)).toEqual(['response', 'progress']);
    expect(remindersFor({ ...row, respondedAt: at(-1) }, now, horizon).map((r) => r.deadline)).toEqual(['progress']);
  });
});

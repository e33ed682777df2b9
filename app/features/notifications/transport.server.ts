// Sends a rendered email: through SMTP (nodemailer) when SMTP_URL is set, otherwise as an .eml
// file under OUTBOX_DIR plus one log line. Either way the Message-ID comes from the outbox id, so
// a message retried after a crash carries the same Message-ID (mail systems and clients can drop
// the copy), and the file transport cannot write a second file for it at all.
import { randomBytes } from 'node:crypto';
import { link, mkdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { env } from '#app/platform/env.server.ts';

export interface OutgoingMail {
  /** The OutboxMessage id. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Template name, as a header, so operators (and tests) can tell messages apart. */
  template: string;
}

export interface SendResult {
  /** True when this message had been delivered before (its file already existed). */
  duplicate: boolean;
}

export interface MailTransport {
  readonly name: string;
  send(mail: OutgoingMail): Promise<SendResult>;
  close?(): void;
}

/** <outbox-id@host>, with the host of PUBLIC_BASE_URL. */
export function messageIdFor(outboxId: string, baseUrl: string): string {
  let host = 'petition-desk.localhost';
  try {
    host = new URL(baseUrl).hostname || host;
  } catch {
    // keep the fallback: the Message-ID only has to be unique and well-formed
  }
  return `<${outboxId}@${host}>`;
}

/** The .eml file name of an outbox message (ids are UUIDs; anything else is refused). */
export function emlFileName(outboxId: string): string {
  if (!/^[0-9a-f-]{36}$/i.test(outboxId)) throw new Error(`not an outbox id: ${outboxId}`);
  return `${outboxId.toLowerCase()}.eml`;
}

interface TransportSettings {
  from: string;
  baseUrl: string;
}

function mailOptions(mail: OutgoingMail, settings: TransportSettings) {
  return {
    from: settings.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: messageIdFor(mail.id, settings.baseUrl),
    headers: { 'X-Petition-Desk-Template': mail.template, 'Auto-Submitted': 'auto-generated' },
  };
}

export function smtpTransport(smtpUrl: string, settings: TransportSettings): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    name: 'smtp',
    async send(mail) {
      await transporter.sendMail(mailOptions(mail, settings));
      return { duplicate: false };
    },
    close: () => transporter.close(),
  };
}

function isAlreadyExists(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'EEXIST';
}

/**
 * Writes each message as <outbox-id>.eml. The message is built whole by nodemailer's stream
 * transport (a real RFC 822 message), written to a private temporary name with the exclusive-create
 * flag, then hard-linked to its final name, which fails if that name exists. So a reader never sees
 * half a file, and a second delivery of the same message cannot produce a second file.
 */
export function fileTransport(dir: string, settings: TransportSettings, log: (line: string) => void = console.log): MailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const folder = path.resolve(dir);
  return {
    name: 'file',
    async send(mail) {
      const info = await composer.sendMail(mailOptions(mail, settings));
      if (!Buffer.isBuffer(info.message)) throw new Error('nodemailer did not return the message as a buffer');
      await mkdir(folder, { recursive: true });
      const file = path.join(folder, emlFileName(mail.id));
      const temporary = path.join(folder, `.${emlFileName(mail.id)}.${randomBytes(6).toString('hex')}.tmp`);
      await writeFile(temporary, info.message, { flag: 'wx', mode: 0o600 });
      try {
        await link(temporary, file);
      } catch (error) {
        if (!isAlreadyExists(error)) throw error;
        log(`[outbox] ${mail.id} (${mail.template}) was already written to ${file}`);
        return { duplicate: true };
      } finally {
        await unlink(temporary).catch(() => {});
      }
      // The log names the file, never the recipient: addresses are personal data.
      log(`[outbox] ${mail.id} (${mail.template}) written to ${file}`);
      return { duplicate: false };
    },
  };
}

/** The transport the configuration asks for. */
export function configuredTransport(log?: (line: string) => void): MailTransport {
  const config = env();
  const settings = { from: config.MAIL_FROM, baseUrl: config.publicBaseUrl };
  return config.SMTP_URL ? smtpTransport(config.SMTP_URL, settings) : fileTransport(config.outboxDir, settings, log);
}

// Sends a citizen's SMS notice: to an HTTP gateway when SMS_GATEWAY_URL is set, otherwise as one
// file per message under OUTBOX_DIR/sms plus one log line, like the email file outbox.
//
// The gateway contract (generic, so a small adapter can sit in front of any provider):
//   POST SMS_GATEWAY_URL
//   Content-Type: application/json
//   Authorization: Bearer <SMS_GATEWAY_KEY>          (when the key is set)
//   Idempotency-Key: <the outbox message id>          (the same on every retry of a message)
//   { "to": "+8613800000000", "text": "…the whole notice…",
//     "template": "<SMS_GATEWAY_TEMPLATE>",            (only when set: a provider's template id)
//     "params": { "event": "case.accepted", "receiptNo": "XF-…", "url": "https://…/track?receipt=…" } }
// Any 2xx answer means sent; anything else (or no answer within SMS_GATEWAY_TIMEOUT_MS) is a
// failure the worker retries later with the same Idempotency-Key. So a gateway may see a message
// more than once (at least once); one that honours the key sends it once.
//
// The file outbox writes <outbox-id>.sms with the exclusive-create-then-link dance of the email
// file outbox (transport.server.ts): a retried delivery of the same message never writes a second
// file, and a reader never sees half of one.
import { randomBytes } from 'node:crypto';
import { link, mkdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { env, type AppEnv } from '#app/platform/env.server.ts';
import { smsFileName } from './sms.ts';
import type { SendResult } from './transport.server.ts';

export interface OutgoingSms {
  /** The OutboxMessage id; also the gateway's Idempotency-Key. */
  id: string;
  /** The citizen's phone number as they gave it (normalised at submission). */
  to: string;
  text: string;
  /** The citizen template, such as case.accepted. */
  template: string;
  receiptNo: string;
  trackUrl: string;
}

export interface SmsTransport {
  readonly name: string;
  send(sms: OutgoingSms): Promise<SendResult>;
}

export interface SmsGatewaySettings {
  url: string;
  key?: string | undefined;
  template?: string | undefined;
  timeoutMs?: number;
}

/** The JSON body the gateway receives (see the contract above). */
export function gatewayBody(sms: OutgoingSms, template: string | undefined) {
  return {
    to: sms.to,
    text: sms.text,
    ...(template ? { template, params: { event: sms.template, receiptNo: sms.receiptNo, url: sms.trackUrl } } : {}),
  };
}

export function smsGatewayTransport(settings: SmsGatewaySettings, fetcher: typeof fetch = fetch): SmsTransport {
  const timeoutMs = settings.timeoutMs ?? 10_000;
  return {
    name: 'sms-gateway',
    async send(sms) {
      const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': sms.id };
      if (settings.key) headers.authorization = `Bearer ${settings.key}`;
      const response = await fetcher(settings.url, {
        method: 'POST',
        headers,
        body: JSON.stringify(gatewayBody(sms, settings.template)),
        signal: AbortSignal.timeout(timeoutMs),
      });
      // The answer's body is the gateway's business; only its status counts. Read it so the
      // connection can be reused, and keep a little of it for the outbox's lastError.
      const answer = (await response.text().catch(() => '')).slice(0, 200);
      if (!response.ok) throw new Error(`SMS gateway answered ${response.status}${answer ? `: ${answer}` : ''}`);
      return { duplicate: false };
    },
  };
}

function isAlreadyExists(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'EEXIST';
}

/** A message file: a few header lines, a blank line, then the text exactly as it would be sent. */
export function smsFileContent(sms: OutgoingSms): string {
  return `To: ${sms.to}\nTemplate: ${sms.template}\nIdempotency-Key: ${sms.id}\nContent-Type: text/plain; charset=utf-8\n\n${sms.text}\n`;
}

export function smsFileTransport(dir: string, log: (line: string) => void = console.log): SmsTransport {
  const folder = path.resolve(dir);
  return {
    name: 'sms-file',
    async send(sms) {
      await mkdir(folder, { recursive: true });
      const name = smsFileName(sms.id);
      const file = path.join(folder, name);
      const temporary = path.join(folder, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
      await writeFile(temporary, smsFileContent(sms), { flag: 'wx', mode: 0o600 });
      try {
        await link(temporary, file);
      } catch (error) {
        if (!isAlreadyExists(error)) throw error;
        log(`[outbox] ${sms.id} (${sms.template}, sms) was already written to ${file}`);
        return { duplicate: true };
      } finally {
        await unlink(temporary).catch(() => {});
      }
      // The log names the file, never the phone number: it is personal data.
      log(`[outbox] ${sms.id} (${sms.template}, sms) written to ${file}`);
      return { duplicate: false };
    },
  };
}

/** Where the file outbox writes SMS: the sms folder inside OUTBOX_DIR. */
export function smsOutboxDir(outboxDir: string): string {
  return path.join(outboxDir, 'sms');
}

export type SmsConfig = Pick<
  AppEnv,
  'SMS_GATEWAY_URL' | 'SMS_GATEWAY_KEY' | 'SMS_GATEWAY_TEMPLATE' | 'SMS_GATEWAY_TIMEOUT_MS' | 'outboxDir'
>;

/** The gateway when SMS_GATEWAY_URL is set, else the file outbox in OUTBOX_DIR/sms. */
export function smsTransportFor(config: SmsConfig, log?: (line: string) => void): SmsTransport {
  return config.SMS_GATEWAY_URL
    ? smsGatewayTransport({
        url: config.SMS_GATEWAY_URL,
        key: config.SMS_GATEWAY_KEY,
        template: config.SMS_GATEWAY_TEMPLATE,
        timeoutMs: config.SMS_GATEWAY_TIMEOUT_MS,
      })
    : smsFileTransport(smsOutboxDir(config.outboxDir), log);
}

/** The SMS transport the configuration asks for. */
export function configuredSmsTransport(log?: (line: string) => void): SmsTransport {
  return smsTransportFor(env(), log);
}

// The length rule of citizens' SMS notices, pure so the renderer and its tests share it.
//
// One SMS segment holds 160 characters of the GSM 7-bit alphabet, or 70 characters of anything
// else (UCS-2: any Chinese character makes the whole message UCS-2). A longer message is split
// into concatenated segments of 153 or 67 characters, which phones join again but carriers bill
// one by one. So the words of a notice (office name, what happened, the receipt number and the
// lead-in to the link) must fit in one segment: at most 70 characters in Chinese, 160 in English.
// The track link comes on top; with a short PUBLIC_BASE_URL an English notice stays within 160
// characters, while a Chinese one usually takes two segments because of the link. The link is
// what the citizen needs, so it is never shortened or left out.

/** The GSM 03.38 default alphabet, plus the extension table (which costs two septets each). */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '^{}\\[~]|€\f';

/** Whether the text can be sent in the GSM 7-bit alphabet (else it goes as UCS-2). */
export function isGsm7(text: string): boolean {
  for (const char of text) if (!GSM_BASIC.includes(char) && !GSM_EXTENSION.includes(char)) return false;
  return true;
}

/** How much of one segment a text uses: septets for GSM 7-bit, UTF-16 code units for UCS-2. */
export function smsLength(text: string): number {
  if (!isGsm7(text)) return text.length;
  let septets = 0;
  for (const char of text) septets += GSM_EXTENSION.includes(char) ? 2 : 1;
  return septets;
}

/** What one segment holds for this text: 160 in GSM 7-bit, 70 in UCS-2. */
export function singleSegmentLimit(text: string): number {
  return isGsm7(text) ? 160 : 70;
}

/** How many segments a carrier bills for the text. */
export function smsSegments(text: string): number {
  const length = smsLength(text);
  const gsm = isGsm7(text);
  if (length <= (gsm ? 160 : 70)) return 1;
  return Math.ceil(length / (gsm ? 153 : 67));
}

/** The file name of an SMS in the file outbox (ids are UUIDs; anything else is refused). */
export function smsFileName(outboxId: string): string {
  if (!/^[0-9a-f-]{36}$/i.test(outboxId)) throw new Error(`not an outbox id: ${outboxId}`);
  return `${outboxId.toLowerCase()}.sms`;
}

// A written notice as a PDF for staff to file or send (the page itself prints on A4 too). Made on
// the server with PDFKit and a TrueType font with Chinese characters (NOTICE_FONT; Debian's
// WenQuanYi Micro Hei by default), embedded as a subset so the file prints the same on any machine.
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { env } from '#app/platform/env.server.ts';
import type { NoticeDocument } from './notices.server.ts';

/** Whether this server can make PDFs: its font is there. */
export function canMakeNoticePdf(): boolean {
  return existsSync(env().NOTICE_FONT);
}

const MM = 72 / 25.4;

export async function noticePdf(notice: NoticeDocument): Promise<Buffer> {
  const { NOTICE_FONT, NOTICE_FONT_NAME } = env();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 20 * MM,
    lang: notice.lang,
    info: { Title: `${notice.title} ${notice.receiptNo}`, Author: notice.office, Subject: notice.receiptNo },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // A collection (.ttc) names the face to use; a single font ignores the name.
  doc.registerFont('notice', NOTICE_FONT, NOTICE_FONT.toLowerCase().endsWith('.ttc') ? NOTICE_FONT_NAME : undefined);
  doc.font('notice');

  doc.fontSize(12).text(notice.office);
  if (notice.addressee.postalAddress) {
    doc
      .moveDown(0.5)
      .text(notice.addressee.name ?? '')
      .text(notice.addressee.postalAddress);
  }
  doc.moveDown().fontSize(18).text(notice.title, { align: 'center' });
  doc.fontSize(11).text(notice.receiptNo, { align: 'center' });
  doc.moveDown().fontSize(12).text(notice.salutation);
  for (const section of notice.sections) {
    doc.moveDown(0.5);
    if (section.heading) doc.fontSize(13).text(section.heading).fontSize(12);
    for (const item of section.items) doc.text(item.label).text(item.value, { indent: 12 });
    for (const paragraph of section.paragraphs) doc.text(paragraph, { paragraphGap: 4 });
  }
  doc.moveDown();
  for (const step of notice.nextSteps) doc.text(step, { paragraphGap: 4 });
  doc.moveDown(2).text(notice.signature, { align: 'right' });
  doc.end();
  return await done;
}

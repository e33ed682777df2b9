// Atom 1.0 (RFC 4287) feeds, written by hand: the format is small, and every value passes
// through escapeXml, so no text a staff member typed can break or inject markup.
import { xmlSafe } from './text.ts';

/** Escapes text for element content and (double- or single-quoted) attribute values. */
export function escapeXml(value: string): string {
  // Characters XML 1.0 cannot carry (control characters, lone surrogates) are dropped.
  return xmlSafe(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** RFC 3339, as Atom's date constructs require. */
export const atomDate = (date: Date) => date.toISOString();

export interface AtomEntry {
  /** A permanent IRI, e.g. urn:uuid:… */
  id: string;
  title: string;
  updated: Date;
  published: Date;
  /** The entry's page. */
  url: string;
  /** Plain text; Atom content type="text". */
  content: string;
  category?: { term: string; label: string };
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** The language of the feed's text (xml:lang). */
  lang: string;
  /** The feed's own address (rel="self"). */
  selfUrl: string;
  /** The HTML page it mirrors (rel="alternate"). */
  pageUrl: string;
  authorName: string;
  /** When anything in the feed last changed. */
  updated: Date;
  entries: AtomEntry[];
}

export function buildAtomFeed(feed: AtomFeed): string {
  const x = escapeXml;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(feed.lang)}">`,
    `  <id>${x(feed.id)}</id>`,
    `  <title type="text">${x(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle type="text">${x(feed.subtitle)}</subtitle>`] : []),
    `  <updated>${atomDate(feed.updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${x(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(feed.pageUrl)}"/>`,
    `  <author><name>${x(feed.authorName)}</name></author>`,
  ];
  for (const entry of feed.entries) {
    lines.push(
      '  <entry>',
      `    <id>${x(entry.id)}</id>`,
      `    <title type="text">${x(entry.title)}</title>`,
      `    <updated>${atomDate(entry.updated)}</updated>`,
      `    <published>${atomDate(entry.published)}</published>`,
      `    <link rel="alternate" type="text/html" href="${x(entry.url)}"/>`,
      ...(entry.category ? [`    <category term="${x(entry.category.term)}" label="${x(entry.category.label)}"/>`] : []),
      `    <content type="text">${x(entry.content)}</content>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

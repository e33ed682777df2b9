import { describe, expect, it } from 'vitest';
import { checkWellFormedXml } from '../../../tests/support/xml.ts';
import { buildAtomFeed, escapeXml } from './atom.ts';

describe('escapeXml', () => {
  it('escapes markup characters for text and attributes', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;');
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });

  it('drops characters XML 1.0 cannot carry, keeps tabs, new lines and astral characters', () => {
    expect(escapeXml('a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uD800g')).toBe('abcdefg');
    expect(escapeXml('tab\there\nline\r\n𠀀😀中文')).toBe('tab\there\nline\r\n𠀀😀中文');
  });
});

describe('buildAtomFeed', () => {
  const feed = buildAtomFeed({
    id: 'urn:uuid:6f1e9a7e-0000-5000-8000-000000000001',
    title: 'Notices <&>',
    subtitle: 'News',
    lang: 'en',
    selfUrl: 'https://example.gov.cn/notices.atom?lang=en&x=<1>',
    pageUrl: 'https://example.gov.cn/notices',
    authorName: 'Petition Desk',
    updated: new Date('2026-12-02T03:04:05Z'),
    entries: [
      {
        id: 'urn:uuid:11111111-2222-4333-8444-555555555555',
        title: '</title><script>alert(1)</script>',
        updated: new Date('2026-12-02T03:04:05Z'),
        published: new Date('2026-12-01T00:00:00Z'),
        url: 'https://example.gov.cn/notices/11111111-2222-4333-8444-555555555555',
        content: 'Line one\n\n"quoted" & <b>bold</b>\u0001',
        category: { term: 'FAQ', label: 'Common "questions"' },
      },
    ],
  });

  it('is well-formed XML whatever the text holds', () => {
    expect(checkWellFormedXml(feed)).toEqual({ ok: true, root: 'feed' });
  });

  it('has the required Atom elements, with RFC 3339 dates', () => {
    expect(feed.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">')).toBe(true);
    expect(feed).toContain('<id>urn:uuid:6f1e9a7e-0000-5000-8000-000000000001</id>');
    expect(feed).toContain('<title type="text">Notices &lt;&amp;&gt;</title>');
    expect(feed).toContain('<updated>2026-12-02T03:04:05.000Z</updated>');
    expect(feed).toContain(
      '<link rel="self" type="application/atom+xml" href="https://example.gov.cn/notices.atom?lang=en&amp;x=&lt;1&gt;"/>',
    );
    expect(feed).toContain('<author><name>Petition Desk</name></author>');
    expect(feed).toContain('<published>2026-12-01T00:00:00.000Z</published>');
    expect(feed).toContain('<content type="text">Line one\n\n&quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;</content>');
    expect(feed).not.toContain('<script>');
  });
});

describe('the test suite’s XML checker refuses what is not well-formed', () => {
  it.each([
    ['<a><b></a></b>'],
    ['<a>x & y</a>'],
    ['<a>&nbsp;</a>'],
    ['<a x=1></a>'],
    ['<a x="1" x="2"></a>'],
    ['<a x="<"></a>'],
    ['<a></a><b></b>'],
    ['<a>'],
    ['text<a></a>'],
    ['<a>\u0001</a>'],
    ['<a>]]></a>'],
    ['<!DOCTYPE a><a></a>'],
  ])('%s', (source) => {
    expect(checkWellFormedXml(source).ok).toBe(false);
  });

  it('and accepts what is', () => {
    expect(checkWellFormedXml('<?xml version="1.0" encoding="utf-8"?>\n<!-- c --><a x="&amp;&#x4E2D;"><b/>t&lt;</a>\n')).toEqual({
      ok: true,
      root: 'a',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { translationBundle } from './bundle.server.ts';
import { bundleDocument, isCurrent, parseBundleFile } from './bundle.ts';
import { namespacesForPath, resources } from './resources.ts';

describe('translation bundles', () => {
  it('names a bundle by its language, namespaces and content', () => {
    const a = bundleDocument('en', { common: { hello: 'Hello' } });
    expect(a.url).toMatch(/^\/locales\/en\/common\.[0-9a-f]{8}\.json$/);
    expect(JSON.parse(a.json)).toEqual({ common: { hello: 'Hello' } });
    expect(bundleDocument('en', { common: { hello: 'Hello' } }).url).toBe(a.url);
    expect(bundleDocument('en', { common: { hello: 'Hi' } }).url).not.toBe(a.url);
    expect(bundleDocument('zh-Hans', { common: { hello: 'Hello' } }).url).not.toBe(a.url);
  });

  it('reads a file name back', () => {
    expect(parseBundleFile('common+visits.0123abcd.json')).toEqual({ namespaces: ['common', 'visits'], fingerprint: '0123abcd' });
    for (const bad of ['common.json', 'common.0123abc.json', '../common.0123abcd.json', 'common+.0123abcd.json', 'Common.0123abcd.json']) {
      expect(parseBundleFile(bad)).toBeNull();
    }
  });

  it('serves the very bundle a page of each part of the site points at', () => {
    for (const path of ['/', '/statistics', '/office']) {
      const namespaces = namespacesForPath(path);
      const page = bundleDocument('zh-Hant', Object.fromEntries(namespaces.map((ns) => [ns, resources['zh-Hant'][ns]])));
      const file = page.url.split('/').at(-1)!;
      const served = translationBundle('zh-Hant', file);
      expect(served?.json).toBe(page.json);
      expect(isCurrent(served!, file)).toBe(true);
    }
  });

  it('answers an old address with the current words, marked as not current', () => {
    const served = translationBundle('en', 'common.00000000.json');
    expect(served).not.toBeNull();
    expect(isCurrent(served!, 'common.00000000.json')).toBe(false);
  });

  it('refuses an unknown language or namespace', () => {
    expect(translationBundle('fr', 'common.00000000.json')).toBeNull();
    expect(translationBundle('en', 'common+secrets.00000000.json')).toBeNull();
    expect(translationBundle('en', 'constructor.00000000.json')).toBeNull();
    expect(translationBundle('en', 'nothing')).toBeNull();
  });
});

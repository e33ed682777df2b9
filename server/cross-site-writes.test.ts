import { describe, expect, it } from 'vitest';
import { isCrossSiteWrite } from './http-server.ts';

describe('isCrossSiteWrite', () => {
  it('never blocks reads', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS']) {
      expect(isCrossSiteWrite(method, { secFetchSite: 'cross-site', origin: 'https://evil.example', host: 'desk.example' })).toBe(false);
    }
  });
  it('blocks a POST that the browser marks as cross-site or same-site but another origin', () => {
    expect(isCrossSiteWrite('POST', { secFetchSite: 'cross-site' })).toBe(true);
    expect(isCrossSiteWrite('POST', { secFetchSite: 'same-site' })).toBe(true);
  });
  it('allows same-origin POSTs and ones the user typed or bookmarked', () => {
    expect(isCrossSiteWrite('POST', { secFetchSite: 'same-origin' })).toBe(false);
    expect(isCrossSiteWrite('POST', { secFetchSite: 'none' })).toBe(false);
  });
  it('falls back to comparing Origin and Host for browsers without Fetch Metadata', () => {
    expect(isCrossSiteWrite('POST', { origin: 'https://evil.example', host: 'desk.example' })).toBe(true);
    expect(isCrossSiteWrite('POST', { origin: 'https://desk.example', host: 'desk.example' })).toBe(false);
    expect(isCrossSiteWrite('POST', { origin: 'null', host: 'desk.example' })).toBe(true);
  });
  it('lets non-browser clients without either header through (they carry no cookies of ours)', () => {
    expect(isCrossSiteWrite('POST', { host: 'desk.example' })).toBe(false);
  });

  it('with PUBLIC_BASE_URL, takes only that origin, whatever Host a proxy forwarded', () => {
    const site = 'https://xinfang.example.gov.cn';
    expect(isCrossSiteWrite('POST', { secFetchSite: 'same-origin', origin: site, host: 'app:3000' }, site)).toBe(false);
    expect(isCrossSiteWrite('POST', { origin: site, host: 'app:3000' }, site)).toBe(false);
    expect(isCrossSiteWrite('POST', { origin: 'https://evil.example', host: 'evil.example' }, site)).toBe(true);
    expect(isCrossSiteWrite('POST', { origin: 'http://xinfang.example.gov.cn', host: 'xinfang.example.gov.cn' }, site)).toBe(true);
    expect(isCrossSiteWrite('POST', { secFetchSite: 'cross-site', origin: site }, site)).toBe(true);
  });
  it('without PUBLIC_BASE_URL, trusts the browser’s same-origin behind a proxy that rewrites Host', () => {
    expect(isCrossSiteWrite('POST', { secFetchSite: 'same-origin', origin: 'https://desk.example', host: 'app:3000' })).toBe(false);
  });
});

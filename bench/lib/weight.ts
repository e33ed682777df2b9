// What a first visit to a page downloads: its HTML, the JS the page loads (script src,
// modulepreload links, and the imports of Remix's inline module script) and its stylesheets,
// each gzipped here with zlib's default level (what the `compression` middleware uses).
import { gzipSync } from 'node:zlib';

export interface Asset {
  url: string;
  rawBytes: number;
  gzipBytes: number;
}

export interface PageWeight {
  html: Asset;
  js: Asset[];
  css: Asset[];
}

export const totalGzip = (assets: readonly Asset[]) => assets.reduce((sum, a) => sum + a.gzipBytes, 0);

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)?.[1];
}

function tags(html: string, name: string): string[] {
  return html.match(new RegExp(`<${name}\\b[^>]*>`, 'gi')) ?? [];
}

/** Module specifiers imported by inline `<script type="module">` blocks (Remix's entry script). */
function inlineModuleImports(html: string): string[] {
  const specifiers: string[] = [];
  for (const block of html.matchAll(/<script\b[^>]*type="module"[^>]*>([\s\S]*?)<\/script>/gi)) {
    for (const found of (block[1] ?? '').matchAll(/\bimport\s*(?:[^'"]*?\sfrom\s*)?["']([^"']+)["']/g)) {
      if (found[1]) specifiers.push(found[1]);
    }
  }
  return specifiers;
}

export function scriptUrls(html: string, pageUrl: string): string[] {
  const sources = [
    ...tags(html, 'script').map((tag) => attribute(tag, 'src')),
    ...tags(html, 'link')
      .filter((tag) => attribute(tag, 'rel')?.toLowerCase() === 'modulepreload')
      .map((tag) => attribute(tag, 'href')),
    ...inlineModuleImports(html),
  ];
  return unique(sources, pageUrl);
}

export function stylesheetUrls(html: string, pageUrl: string): string[] {
  const hrefs = tags(html, 'link')
    .filter((tag) => attribute(tag, 'rel')?.toLowerCase().split(/\s+/).includes('stylesheet'))
    .map((tag) => attribute(tag, 'href'));
  return unique(hrefs, pageUrl);
}

function unique(values: readonly (string | undefined)[], pageUrl: string): string[] {
  const urls = values.filter((v): v is string => Boolean(v)).map((v) => new URL(v.replaceAll('&amp;', '&'), pageUrl).href);
  return [...new Set(urls)];
}

async function fetchAsset(url: string, headers: Record<string, string>): Promise<Asset> {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`GET ${url} returned ${response.status}`);
  return { url, rawBytes: body.length, gzipBytes: gzipSync(body).length };
}

export async function measurePageWeight(pageUrl: string): Promise<PageWeight> {
  const headers = { 'Accept-Language': 'en' };
  const htmlResponse = await fetch(pageUrl, { headers, signal: AbortSignal.timeout(10_000) });
  const htmlBody = Buffer.from(await htmlResponse.arrayBuffer());
  if (htmlResponse.status !== 200) throw new Error(`GET ${pageUrl} returned ${htmlResponse.status}`);
  const htmlText = htmlBody.toString('utf8');
  const html: Asset = { url: pageUrl, rawBytes: htmlBody.length, gzipBytes: gzipSync(htmlBody).length };
  const [js, css] = await Promise.all([
    Promise.all(scriptUrls(htmlText, pageUrl).map((url) => fetchAsset(url, headers))),
    Promise.all(stylesheetUrls(htmlText, pageUrl).map((url) => fetchAsset(url, headers))),
  ]);
  return { html, js, css };
}

// Signature V4 against AWS's published examples, the S3 driver's requests (with a stand-in
// fetch: no S3 store is reachable from the test machines), and the local-disk driver.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalDiskStorage } from './local-storage.server.ts';
import { S3Storage } from './s3-storage.server.ts';
import { EMPTY_SHA256, amzDate, canonicalPath, sha256Hex, signRequest, uriEncode } from './sigv4.server.ts';
import { assertStorageKey, newStorageKey } from './storage-keys.ts';

describe('Signature V4', () => {
  it('matches the AWS SigV4 test suite vector get-vanilla', () => {
    // https://docs.aws.amazon.com/general/latest/gr/signature-v4-test-suite.html (get-vanilla)
    const signed = signRequest({
      method: 'GET',
      url: new URL('https://example.amazonaws.com/'),
      headers: {},
      payloadHash: EMPTY_SHA256,
      region: 'us-east-1',
      service: 'service',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
      date: new Date('2015-08-30T12:36:00Z'),
    });
    expect(signed.canonicalRequest).toBe(
      'GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(signed.headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    );
  });

  it('matches the S3 documentation example "GET Object" (with a Range header)', () => {
    // https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html, example GET Object
    const signed = signRequest({
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      headers: { Range: 'bytes=0-9', 'x-amz-content-sha256': EMPTY_SHA256 },
      payloadHash: EMPTY_SHA256,
      region: 'us-east-1',
      service: 's3',
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
      date: new Date('2013-05-24T00:00:00Z'),
    });
    expect(sha256Hex(signed.canonicalRequest)).toBe('7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972');
    expect(signed.stringToSign).toBe(
      'AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972',
    );
    expect(signed.signature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
    expect(signed.headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('encodes paths once, per RFC 3986, and formats dates', () => {
    expect(uriEncode("a b/c~d*!'()")).toBe('a%20b%2Fc~d%2A%21%27%28%29');
    expect(canonicalPath('/bucket/2026/11/报告 1.pdf')).toBe('/bucket/2026/11/%E6%8A%A5%E5%91%8A%201.pdf');
    expect(canonicalPath('/bucket/a%20b')).toBe('/bucket/a%20b');
    expect(amzDate(new Date('2026-11-23T05:06:07.890Z'))).toBe('20261123T050607Z');
  });

  it('adds a session token for temporary credentials', () => {
    const signed = signRequest({
      method: 'GET',
      url: new URL('https://s3.example/'),
      headers: {},
      payloadHash: EMPTY_SHA256,
      region: 'r',
      service: 's3',
      credentials: { accessKeyId: 'A', secretAccessKey: 'S', sessionToken: 'T' },
      date: new Date(0),
    });
    expect(signed.headers['x-amz-security-token']).toBe('T');
    expect(signed.headers.authorization).toContain('SignedHeaders=host;x-amz-date;x-amz-security-token');
  });
});

describe('S3 driver', () => {
  interface Sent {
    url: string;
    method: string;
    headers: Record<string, string>;
    body: Uint8Array | null;
  }

  function fakeS3(answer: (request: Sent) => Response) {
    const sent: Sent[] = [];
    const fetcher: typeof fetch = async (input, init) => {
      const headers = Object.fromEntries(new Headers(init?.headers).entries());
      const body = init?.body instanceof Uint8Array ? init.body : null;
      const request = { url: String(input), method: init?.method ?? 'GET', headers, body };
      sent.push(request);
      return answer(request);
    };
    const store = new S3Storage(
      {
        endpoint: 'https://minio.internal:9000/',
        bucket: 'petition-uploads',
        region: 'cn-north-1',
        credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' },
      },
      fetcher,
      () => new Date('2026-11-23T00:00:00Z'),
    );
    return { store, sent };
  }

  it('puts, gets and deletes with path-style URLs, signed, with the payload hash', async () => {
    const bytes = new TextEncoder().encode('证据');
    const { store, sent } = fakeS3((request) =>
      request.method === 'GET'
        ? new Response(bytes, { status: 200 })
        : new Response(null, { status: request.method === 'DELETE' ? 204 : 200 }),
    );
    const key = '2026/11/6f1c1a8e-2b7f-4e2a-9a3b-0c1d2e3f4a5b';
    await store.put(key, bytes);
    const stream = await store.get(key);
    await store.delete(key);
    expect(sent.map((s) => [s.method, s.url])).toEqual([
      ['PUT', `https://minio.internal:9000/petition-uploads/${key}`],
      ['GET', `https://minio.internal:9000/petition-uploads/${key}`],
      ['DELETE', `https://minio.internal:9000/petition-uploads/${key}`],
    ]);
    const put = sent[0];
    expect(put?.headers['x-amz-content-sha256']).toBe(sha256Hex(bytes));
    expect(put?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AK\/20261123\/cn-north-1\/s3\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
    expect(put?.headers.host).toBeUndefined();
    expect(sent[1]?.headers['x-amz-content-sha256']).toBe(EMPTY_SHA256);
    expect(new Uint8Array(await new Response(stream).arrayBuffer())).toEqual(bytes);
  });

  it('answers null for a missing object and throws on other failures', async () => {
    const { store } = fakeS3((request) => new Response('no', { status: request.method === 'GET' ? 404 : 403 }));
    const key = newStorageKey();
    expect(await store.get(key)).toBeNull();
    await expect(store.put(key, new Uint8Array(1))).rejects.toThrow(/HTTP 403/);
    await expect(store.delete(key)).rejects.toThrow(/HTTP 403/);
  });

  it('refuses keys it did not make', () => {
    const { store } = fakeS3(() => new Response(null));
    expect(() => store.urlOf('../other-bucket/x')).toThrow(/invalid storage key/);
  });
});

describe('local-disk driver', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'pd-storage-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('stores under yyyy/mm/<uuid>, owner-only, with no temporary file left', async () => {
    const store = new LocalDiskStorage(root);
    const key = newStorageKey(new Date('2026-03-05T00:00:00Z'));
    expect(key).toMatch(/^2026\/03\/[0-9a-f-]{36}$/);
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => i % 251);
    await store.put(key, bytes);
    const file = path.join(root, ...key.split('/'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
    expect(new Uint8Array(await new Response(await store.get(key)).arrayBuffer())).toEqual(bytes);
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    await store.delete(key);
  });

  it('refuses keys that could leave its folder', async () => {
    const store = new LocalDiskStorage(root);
    for (const key of ['../../etc/passwd', '2026/01/../../x', '/abs/path', '2026/01/not-a-uuid']) {
      expect(() => assertStorageKey(key)).toThrow();
      await expect(store.put(key, new Uint8Array(1))).rejects.toThrow(/invalid storage key/);
    }
  });
});

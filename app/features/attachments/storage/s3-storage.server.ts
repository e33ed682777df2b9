// An S3-compatible store (AWS S3, MinIO, Ceph, OSS/COS in S3 mode) over plain fetch with
// Signature V4 and path-style URLs (endpoint/bucket/key), so no SDK is needed. It cannot be
// exercised against a real store in this project's offline test setup; the signing is
// unit-tested against AWS's published vectors.
import { EMPTY_SHA256, sha256Hex, signRequest, uriEncode, type Credentials } from './sigv4.server.ts';
import { assertStorageKey } from './storage-keys.ts';
import type { Storage } from './storage-types.ts';

export interface S3Config {
  /** e.g. https://s3.cn-north-1.amazonaws.com.cn or http://minio.internal:9000 */
  endpoint: string;
  bucket: string;
  region: string;
  credentials: Credentials;
}

export class S3Storage implements Storage {
  constructor(
    private readonly config: S3Config,
    private readonly fetcher: typeof fetch = fetch,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The object's URL, path style: endpoint/bucket/key, each segment encoded once. */
  urlOf(key: string): URL {
    assertStorageKey(key);
    const base = this.config.endpoint.replace(/\/+$/, '');
    const path = [this.config.bucket, ...key.split('/')].map(uriEncode).join('/');
    return new URL(`${base}/${path}`);
  }

  private async send(method: 'GET' | 'PUT' | 'DELETE', key: string, body?: Uint8Array): Promise<Response> {
    const url = this.urlOf(key);
    const payloadHash = body ? sha256Hex(body) : EMPTY_SHA256;
    const extra: Record<string, string> = { 'x-amz-content-sha256': payloadHash };
    if (body) extra['content-type'] = 'application/octet-stream';
    const signed = signRequest({
      method,
      url,
      headers: extra,
      payloadHash,
      region: this.config.region,
      service: 's3',
      credentials: this.config.credentials,
      date: this.now(),
    });
    // fetch sets Host itself, from the URL (the same value that was signed).
    const { host: _host, ...headers } = signed.headers;
    return await this.fetcher(url, { method, headers, body: body ? Uint8Array.from(body) : undefined });
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const response = await this.send('PUT', key, bytes);
    if (!response.ok) throw new Error(`storage put failed: HTTP ${response.status}`);
    await response.body?.cancel();
  }

  async get(key: string): Promise<ReadableStream<Uint8Array> | null> {
    const response = await this.send('GET', key);
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok || !response.body) throw new Error(`storage get failed: HTTP ${response.status}`);
    return response.body;
  }

  async delete(key: string): Promise<void> {
    const response = await this.send('DELETE', key);
    await response.body?.cancel();
    // S3 answers 204 for a missing key too; 404 from other stores means the same.
    if (!response.ok && response.status !== 404) throw new Error(`storage delete failed: HTTP ${response.status}`);
  }
}

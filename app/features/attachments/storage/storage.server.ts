// Where attachment bytes live: a small interface with a local-disk driver (the default, under
// STORAGE_DIR, outside public/) and an S3-compatible one. Keys are opaque (yyyy/mm/<uuid>) and
// never derived from a citizen's file name.
import { env, type AppEnv } from '#app/platform/env.server.ts';
import { LocalDiskStorage } from './local-storage.server.ts';
import { S3Storage, type S3Config } from './s3-storage.server.ts';
import type { Storage } from './storage-types.ts';

export type { Storage };

export { assertStorageKey, newStorageKey, STORAGE_KEY_PATTERN } from './storage-keys.ts';

/** The S3 driver's settings, or an error naming what is missing. */
export function s3ConfigFrom(config: AppEnv): S3Config {
  const missing = (['STORAGE_S3_BUCKET', 'STORAGE_S3_REGION', 'STORAGE_S3_ACCESS_KEY_ID', 'STORAGE_S3_SECRET_ACCESS_KEY'] as const).filter(
    (name) => !config[name],
  );
  if (missing.length > 0) throw new Error(`STORAGE_DRIVER=s3 needs ${missing.join(', ')}`);
  const region = config.STORAGE_S3_REGION ?? '';
  return {
    endpoint: config.STORAGE_S3_ENDPOINT ?? `https://s3.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`,
    bucket: config.STORAGE_S3_BUCKET ?? '',
    region,
    credentials: { accessKeyId: config.STORAGE_S3_ACCESS_KEY_ID ?? '', secretAccessKey: config.STORAGE_S3_SECRET_ACCESS_KEY ?? '' },
  };
}

let cached: Storage | null = null;

/** The configured store (the configuration is read once, like env()). */
export function storage(): Storage {
  if (cached) return cached;
  const config = env();
  cached = config.STORAGE_DRIVER === 's3' ? new S3Storage(s3ConfigFrom(config)) : new LocalDiskStorage(config.STORAGE_DIR);
  return cached;
}

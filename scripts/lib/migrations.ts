// Applies and diffs prisma/migrations with Prisma's WASM schema engine, so no native engine
// download is needed (see STACK-NOTES.md). The process must run with --experimental-wasm-modules.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { SchemaEngine, type MigrationList } from '@prisma/schema-engine-wasm';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const schemaPath = path.join(root, 'prisma/schema.prisma');
export const migrationsDir = path.join(root, 'prisma/migrations');
const filters = { externalTables: [], externalEnums: [] };

export function readMigrations(): MigrationList {
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  const directories = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: 'migration_lock.toml',
      content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: directories.map((name) => {
      const file = path.join(migrationsDir, name, 'migration.sql');
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: existsSync(file)
            ? { tag: 'ok' as const, value: readFileSync(file, 'utf8') }
            : { tag: 'error' as const, value: `missing ${file}` },
        },
      };
    }),
  };
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

function isQueryResult(value: unknown): value is pg.QueryResult {
  return typeof value === 'object' && value !== null && 'fields' in value && Array.isArray(value.fields);
}

/**
 * The schema engine reads PostgreSQL 18's catalogs, which have single-byte "char" columns that
 * @prisma/adapter-pg 7.10 cannot map ("Column type 'char' could not be deserialized"). Their text
 * form is a one-letter string, so report them to the adapter as text. This patches pg's Client
 * (the engine opens its own pools for the shadow database), and only in processes that migrate.
 */
let patched = false;
function reportCatalogCharAsText(): void {
  if (patched) return;
  patched = true;
  const original: (...args: unknown[]) => unknown = pg.Client.prototype.query;
  const relabel = (value: unknown) => {
    if (isQueryResult(value)) {
      for (const field of value.fields) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    }
    return value;
  };
  Reflect.set(pg.Client.prototype, 'query', function (this: pg.Client, ...args: unknown[]) {
    // pg.Pool calls Client#query with a callback; direct callers use the promise.
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (error: unknown, value: unknown) => Reflect.apply(last, undefined, [error, relabel(value)]);
    }
    const result = Reflect.apply(original, this, args);
    return result instanceof Promise ? result.then(relabel) : result;
  });
}

async function withEngine<T>(databaseUrl: string, run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  reportCatalogCharAsText();
  const pool = new pg.Pool({ connectionString: databaseUrl });
  // Dropping the shadow database ends its sessions; an idle client's error must not crash us.
  pool.on('error', () => {});
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
  const engine = await SchemaEngine.new(
    { datamodels: [[schemaPath, readFileSync(schemaPath, 'utf8')]] },
    () => {},
    adapter,
  );
  try {
    return await run(engine);
  } finally {
    engine.free();
    await pool.end();
  }
}

/** Applies every pending migration; returns the names applied. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  return await withEngine(databaseUrl, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList: readMigrations(), filters });
    return result.appliedMigrationNames;
  });
}

/** SQL that takes a database built from prisma/migrations to prisma/schema.prisma ('' when in step). */
export async function diffMigrationsToSchema(databaseUrl: string): Promise<string> {
  return await withEngine(databaseUrl, async (engine) => {
    const result = await engine.diff({
      from: { tag: 'migrations', ...readMigrations() },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: readFileSync(schemaPath, 'utf8') }] },
      script: true,
      exitCode: null,
      filters,
    });
    const sql = (result.stdout ?? '').trim();
    return sql === '-- This is an empty migration.' ? '' : sql;
  });
}

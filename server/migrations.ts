// Applies and diffs prisma/migrations with Prisma's WASM schema engine, so no native engine
// download is needed (see STACK-NOTES.md). The process must run with --experimental-wasm-modules.
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import { SchemaEngine, type MigrationList } from '@prisma/schema-engine-wasm';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
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
const CHAR_COLUMN_MARK = '\u0000char';
const CHARACTER_COLUMN_TYPE = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils

function isQueryResult(value: unknown): value is pg.QueryResult {
  return typeof value === 'object' && value !== null && 'fields' in value && Array.isArray(value.fields);
}

/**
 * The schema engine reads PostgreSQL 18's catalogs, whose single-byte "char" columns
 * (pg_constraint.contype, …) @prisma/adapter-pg 7.10 cannot map. Below the adapter, pg reports
 * them as text with a marked name; above it, the marked columns are typed as Character, which
 * is what the engine expects. Only processes that migrate install this.
 */
let patched = false;
function typeCatalogCharColumns(): void {
  if (patched) return;
  patched = true;
  const original: (...args: unknown[]) => unknown = pg.Client.prototype.query;
  const relabel = (value: unknown) => {
    if (isQueryResult(value)) {
      for (const field of value.fields) {
        if (field.dataTypeID !== PG_CHAR_OID) continue;
        field.dataTypeID = PG_TEXT_OID;
        field.name += CHAR_COLUMN_MARK;
      }
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

/**
 * Adjusts a connection for the engine: restores the marked "char" columns (above), and runs a
 * migration script whole. The adapter would split it on every ";", which breaks dollar-quoted
 * bodies such as our append-only trigger; with no parameters PostgreSQL runs the script through
 * the simple protocol, as one implicit transaction.
 */
function forSchemaEngine(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const queryRaw = adapter.queryRaw.bind(adapter);
  Reflect.set(adapter, 'queryRaw', async (query: Parameters<SqlDriverAdapter['queryRaw']>[0]) => {
    const result = await queryRaw(query);
    const columnTypes = [...result.columnTypes];
    const columnNames = result.columnNames.map((name, i) => {
      if (!name.endsWith(CHAR_COLUMN_MARK)) return name;
      columnTypes[i] = CHARACTER_COLUMN_TYPE;
      return name.slice(0, -CHAR_COLUMN_MARK.length);
    });
    return { ...result, columnNames, columnTypes };
  });
  Reflect.set(adapter, 'executeScript', async (script: string) => {
    await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
  });
  return adapter;
}

/**
 * A throwaway shadow database on the same server. PrismaPg's own connectToShadowDb keeps the main
 * connection string, whose database name wins over the shadow's, so it would replay the migrations
 * into the main database: against a real DATABASE_URL (say, one that also holds the worker's
 * `pgboss` schema) the drift check failed with "type … already exists". Only the shadow database
 * is diffed, so other schemas in the main database never enter the comparison.
 */
async function shadowDatabase(pool: pg.Pool, databaseUrl: string): Promise<SqlDriverAdapter> {
  const name = `prisma_migrate_shadow_db_${randomUUID()}`;
  await pool.query(`CREATE DATABASE "${name}"`);
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  const adapter = await new PrismaPg(url.toString()).connect();
  const dispose = adapter.dispose.bind(adapter);
  Reflect.set(adapter, 'dispose', async () => {
    await dispose();
    await pool.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
  return adapter;
}

function migrationAdapter(pool: pg.Pool, databaseUrl: string): SqlMigrationAwareDriverAdapterFactory {
  const base = new PrismaPg(pool);
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => forSchemaEngine(await base.connect()),
    connectToShadowDb: async () => forSchemaEngine(await shadowDatabase(pool, databaseUrl)),
  };
}

// The engine reports Rust panics through this global; without it a panic hides its message.
let lastPanic = '';
Reflect.set(globalThis, 'PRISMA_WASM_PANIC_REGISTRY', {
  set_message: (message: string) => {
    lastPanic = message;
  },
});

async function withEngine<T>(databaseUrl: string, run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  typeCatalogCharColumns();
  const pool = new pg.Pool({ connectionString: databaseUrl });
  // Dropping the shadow database ends its sessions; an idle client's error must not crash us.
  pool.on('error', () => {});
  const adapter = bindMigrationAwareSqlAdapterFactory(migrationAdapter(pool, databaseUrl));
  const engine = await SchemaEngine.new({ datamodels: [[schemaPath, readFileSync(schemaPath, 'utf8')]] }, () => {}, adapter);
  try {
    return await run(engine);
  } catch (error) {
    if (lastPanic) throw new Error(`schema engine panicked: ${lastPanic}`, { cause: error });
    throw error;
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

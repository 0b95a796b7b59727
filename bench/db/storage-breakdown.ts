import { type DbPool } from '@fengqiao/db';

/**
 * Where the bytes of a hypertable are, chunk by chunk and column by column (TimescaleDB only):
 * uncompressed chunks (heap + TOAST + indexes), compressed chunks split into what is left of the
 * original chunk relation (emptied heap, its indexes) and the compressed relation (heap, TOAST,
 * indexes), and per column the bytes the compressed datums take.
 */
export interface TableBreakdown {
  readonly table: string;
  readonly total: number;
  readonly uncompressed: { chunks: number; rows: number; heap: number; indexes: number };
  readonly compressed: {
    chunks: number;
    rows: number;
    leftover: number;
    heap: number;
    toast: number;
    indexes: number;
  };
  /** Bytes per column inside the compressed relations (pg_column_size of each compressed datum). */
  readonly columns: Record<string, number>;
  /** Bytes per column of the uncompressed rows (pg_column_size of each value). */
  readonly rawColumns: Record<string, number>;
}

const q = async <T extends Record<string, unknown>>(
  db: DbPool,
  sql: string,
  args: unknown[] = [],
): Promise<T[]> => (await db.query<T>(sql, args)).rows;

export async function breakdown(db: DbPool, table: string): Promise<TableBreakdown> {
  const chunks = await q<{ chunk: string; comp: string | null }>(
    db,
    `SELECT format('%I.%I', c.schema_name, c.table_name) AS chunk,
            CASE WHEN cc.id IS NOT NULL THEN format('%I.%I', cc.schema_name, cc.table_name) END AS comp
     FROM _timescaledb_catalog.chunk c
     JOIN _timescaledb_catalog.hypertable h ON h.id = c.hypertable_id
     LEFT JOIN _timescaledb_catalog.chunk cc ON cc.id = c.compressed_chunk_id
     WHERE h.table_name = $1 ORDER BY c.id`,
    [table],
  );
  const cols = (
    await q<{ name: string }>(
      db,
      `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped
       ORDER BY attnum`,
      [table],
    )
  ).map((r) => r.name);
  const u = { chunks: 0, rows: 0, heap: 0, indexes: 0 };
  const c = { chunks: 0, rows: 0, leftover: 0, heap: 0, toast: 0, indexes: 0 };
  const columns: Record<string, number> = {};
  const rawColumns: Record<string, number> = {};
  const sizes = (rel: string): Promise<{ heap: number; toast: number; indexes: number }[]> =>
    q(
      db,
      `SELECT pg_relation_size($1::regclass)::float8 AS heap,
              (pg_table_size($1::regclass) - pg_relation_size($1::regclass))::float8 AS toast,
              pg_indexes_size($1::regclass)::float8 AS indexes`,
      [rel],
    );
  for (const ch of chunks) {
    const [own] = await sizes(ch.chunk);
    if (own === undefined) continue;
    if (ch.comp === null) {
      u.chunks += 1;
      u.heap += own.heap + own.toast;
      u.indexes += own.indexes;
      const [r] = await q<Record<string, number>>(
        db,
        `SELECT count(*)::float8 AS n, ${cols.map((k) => `coalesce(sum(pg_column_size(${k})), 0)::float8 AS ${k}`).join(', ')}
         FROM ${ch.chunk}`,
      );
      u.rows += r?.n ?? 0;
      for (const k of cols) rawColumns[k] = (rawColumns[k] ?? 0) + (r?.[k] ?? 0);
      continue;
    }
    const [comp] = await sizes(ch.comp);
    c.chunks += 1;
    c.leftover += own.heap + own.toast + own.indexes;
    c.heap += comp?.heap ?? 0;
    c.toast += comp?.toast ?? 0;
    c.indexes += comp?.indexes ?? 0;
    const compCols = (
      await q<{ name: string }>(
        db,
        `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`,
        [ch.comp],
      )
    ).map((r) => r.name);
    const [r] = await q<Record<string, number>>(
      db,
      `SELECT coalesce(sum(_ts_meta_count), 0)::float8 AS _rows,
              ${compCols.map((k) => `coalesce(sum(pg_column_size(${k})), 0)::float8 AS "${k}"`).join(', ')}
       FROM ${ch.comp}`,
    );
    c.rows += r?._rows ?? 0;
    for (const k of compCols) columns[k] = (columns[k] ?? 0) + (r?.[k] ?? 0);
  }
  const [total] = await q<{ b: number }>(db, 'SELECT hypertable_size($1::regclass)::float8 AS b', [table]);
  return { table, total: total?.b ?? 0, uncompressed: u, compressed: c, columns, rawColumns };
}

const mb = (b: number): string => `${(b / 1e6).toFixed(1)} MB`;

/** The breakdown as lines for a bench's output. */
export function describe(b: TableBreakdown): string[] {
  const { uncompressed: u, compressed: c } = b;
  const perRow = (bytes: number, rows: number): string => (rows > 0 ? (bytes / rows).toFixed(1) : '-');
  const lines = [
    `${b.table}: total ${mb(b.total)}`,
    `  uncompressed: ${u.chunks} chunks, ${u.rows} rows, heap ${mb(u.heap)}, indexes ${mb(u.indexes)} (${perRow(u.heap + u.indexes, u.rows)} B/row)`,
    `  compressed: ${c.chunks} chunks, ${c.rows} rows, left in the emptied chunks ${mb(c.leftover)}, ` +
      `compressed heap ${mb(c.heap)} + TOAST ${mb(c.toast)} + indexes ${mb(c.indexes)} ` +
      `(${perRow(c.heap + c.toast + c.indexes + c.leftover, c.rows)} B/row)`,
  ];
  const cols = Object.entries(b.columns).sort((x, y) => y[1] - x[1]);
  if (cols.length > 0)
    lines.push(
      `  compressed columns, B/row: ${cols.map(([k, v]) => `${k} ${perRow(v, c.rows)}`).join(', ')}`,
    );
  const raw = Object.entries(b.rawColumns).sort((x, y) => y[1] - x[1]);
  if (raw.length > 0)
    lines.push(
      `  uncompressed columns, B/row: ${raw.map(([k, v]) => `${k} ${perRow(v, u.rows)}`).join(', ')}`,
    );
  return lines;
}

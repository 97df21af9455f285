/**
 * What a backup holds, read from the catalogue rather than listed by hand, so a table added by a
 * later migration is backed up without touching this code: every table of the current schema
 * but schema_migrations, its stored columns (generated ones are recomputed on restore), its
 * primary key (rows are dumped in key order, so a revision comes after the one it supersedes),
 * and an order in which tables can be loaded (a referenced table first).
 */
import type { Sql } from '../store.js';

export type TableInfo = {
  readonly name: string;
  readonly columns: readonly string[];
  readonly key: readonly string[];
};

/** Filled by migrations, not by use: a restore replaces their rows instead of refusing (012-totp.sql). */
export const SEEDED_TABLES: readonly string[] = ['security_settings'];

/**
 * Loading order the foreign keys do not show: revision tables check their change set in a
 * statement trigger (003-revision-refs.sql), not a foreign key.
 */
const EXTRA_DEPENDENCIES: Readonly<Record<string, readonly string[]>> = {
  data_point_revision: ['change_set'],
  activity_line_revision: ['change_set'],
};

export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

export async function listTables(sql: Sql): Promise<TableInfo[]> {
  const tables = await sql.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = current_schema() and c.relkind in ('r', 'p') and c.relname <> 'schema_migrations'
     order by c.relname`,
  );
  const columns = await sql.query<{ tbl: string; col: string }>(
    `select c.relname as tbl, a.attname as col from pg_attribute a
       join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = current_schema() and c.relkind in ('r', 'p') and a.attnum > 0
       and not a.attisdropped and a.attgenerated = ''
     order by c.relname, a.attnum`,
  );
  const keys = await sql.query<{ tbl: string; col: string }>(
    `select c.relname as tbl, a.attname as col from pg_index i
       join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey::int2[])
     where n.nspname = current_schema() and i.indisprimary
     order by c.relname, array_position(i.indkey::int2[], a.attnum)`,
  );
  const refs = await sql.query<{ child: string; parent: string }>(
    `select cc.relname as child, pc.relname as parent from pg_constraint k
       join pg_class cc on cc.oid = k.conrelid join pg_class pc on pc.oid = k.confrelid
       join pg_namespace n on n.oid = k.connamespace
     where n.nspname = current_schema() and k.contype = 'f' and k.conrelid <> k.confrelid`,
  );
  const group = (rows: { tbl: string; col: string }[]) => {
    const m = new Map<string, string[]>();
    for (const r of rows) m.set(r.tbl, [...(m.get(r.tbl) ?? []), r.col]);
    return m;
  };
  const cols = group(columns);
  const pk = group(keys);
  const parents = new Map<string, Set<string>>();
  for (const t of tables) parents.set(t.name, new Set(EXTRA_DEPENDENCIES[t.name] ?? []));
  for (const r of refs) parents.get(r.child)?.add(r.parent);
  // Depth-first topological order; names are visited alphabetically, so the order is stable.
  const ordered: TableInfo[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string) => {
    if (state.get(name) === 'done' || !parents.has(name)) return;
    if (state.get(name) === 'visiting') throw new Error(`tables reference each other in a cycle at ${name}`);
    state.set(name, 'visiting');
    for (const p of [...(parents.get(name) ?? [])].sort()) visit(p);
    state.set(name, 'done');
    ordered.push({ name, columns: cols.get(name) ?? [], key: pk.get(name) ?? [] });
  };
  for (const t of tables) visit(t.name);
  return ordered;
}

export async function appliedMigrations(sql: Sql): Promise<string[]> {
  const rows = await sql.query<{ name: string }>('select name from schema_migrations order by name');
  return rows.map((r) => r.name);
}

/** Set every sequence owned by a column (bigserial, identity) past the largest value restored. */
export async function resetSequences(sql: Sql, tables: readonly TableInfo[]): Promise<void> {
  for (const t of tables) {
    for (const c of t.columns) {
      const [s] = await sql.query<{ seq: string | null }>('select pg_get_serial_sequence($1, $2) as seq', [
        quoteIdent(t.name),
        c,
      ]);
      if (!s?.seq) continue;
      await sql.query(
        `select setval($1, coalesce(max(${quoteIdent(c)}), 1), max(${quoteIdent(c)}) is not null) from ${quoteIdent(t.name)}`,
        [s.seq],
      );
    }
  }
}

/**
 * Child process for the kill test: imports a CSV into PostgreSQL and prints "batch N" as each
 * validated batch is handed to the store, so the parent can SIGKILL it mid-import.
 * Usage: node --import tsx import-child.ts <database-url> <csv>
 */
import { readFactsCsv } from '@assay/io';
import { importContext, importFacts, openPostgresStore } from '../src/index.js';

const [, , url, csv] = process.argv;
if (!url || !csv) throw new Error('usage: import-child.ts <database-url> <csv>');
const store = await openPostgresStore(url);
const ctx = await importContext(store);
if (!ctx) throw new Error('no organisation in the store');
async function* announced<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  let n = 0;
  for await (const s of source) {
    yield s;
    process.stdout.write(`batch ${++n}\n`);
  }
}
const r = await importFacts(store, () => announced(readFactsCsv(csv, ctx)), {
  subject: csv,
  author: 'child',
  reason: 'kill test',
  at: '2026-03-01T00:00:00.000Z',
});
process.stdout.write(`done ${JSON.stringify(r.ok ? r.counts : r.issues.slice(0, 3))}\n`);
await store.close();

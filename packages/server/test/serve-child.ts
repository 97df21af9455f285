/**
 * Child process for the kill test (several-servers.test.ts): `assay serve` over PostgreSQL as
 * the CLI starts it (openWorkspace over examples/minimal, createApp, listen on a free loopback
 * port), printing "port N" when it answers. The parent SIGKILLs it at chosen points.
 * The database is migrated by the parent. A start takes 4–7 s on the shared test machine, nearly
 * all of it loading @assay/app's dependencies (echarts, playwright-core, exceljs for render);
 * bundling the child with esbuild did not shorten it.
 * Usage: node --import tsx serve-child.ts <database-url> <bundle-folder>
 */
import { openWorkspace } from '@assay/app';
import { openPostgresStore } from '@assay/store';
import { createApp } from '../src/app.js';
import { listen } from '../src/start-server.js';

const [, , url, folder] = process.argv;
if (!url || !folder) throw new Error('usage: serve-child.ts <database-url> <bundle-folder>');
const store = await openPostgresStore(url);
const opened = await openWorkspace(folder, store);
if (!opened.ok) throw new Error(`workspace did not open: ${JSON.stringify(opened.issues.slice(0, 3))}`);
const started = await listen(createApp({ workspace: opened.workspace, author: 'child' }), 0);
process.stdout.write(`port ${started.port}\n`);

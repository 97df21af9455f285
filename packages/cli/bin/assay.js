#!/usr/bin/env -S node --max-semi-space-size=64
// Entry point of the `assay` command. Sources are TypeScript, run through tsx's loader.
// --max-semi-space-size=64 (MiB): a bulk import allocates short-lived rows in 5,000-row
// batches; with V8's default 16 MiB semi-spaces a batch is often still alive at a scavenge and
// is copied into the old generation. 64 MiB cut a 1,000,000-row import into PostgreSQL from
// 10.2–10.5 s to 8.8–9.2 s in three runs each (docs/performance.md); 128 MiB took the peak RSS
// past 500 MiB. package.json's scripts and scripts/start.sh pass the same flag.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));

/** Test helpers for other packages' tests (`@assay/io/testing`): hand-made ZIP archives. */
export { buildZip, type ZipEntryInput } from './xlsx/build-zip.js';

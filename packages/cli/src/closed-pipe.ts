/**
 * A reader that closes stdout early (`assay calc | head -1`) has all it wants: stop quietly with
 * status 0, as cat and grep do, instead of dying on the unhandled EPIPE error event. Any other
 * stream error is thrown on as before. Added once per stream, whether or not something else
 * already listens for errors (under the bin script one does).
 */
const watched = new WeakSet<NodeJS.WriteStream>();

export function exitQuietlyWhenReaderCloses(stream: NodeJS.WriteStream): void {
  if (watched.has(stream)) return;
  watched.add(stream);
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

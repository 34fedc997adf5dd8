/** The handle under a process's stdout or stderr, where Node has one. */
type Handled = { _handle?: { setBlocking?: (blocking: boolean) => unknown } };

/*
 * A Node process that a Node parent started with pipes queues in memory whatever the reader has not
 * taken yet, and `process.exit()`, which Astro's command ends with, drops the queue. Astro's lines
 * that the build script was too busy to read when a partition's build ended (it was keeping another
 * partition's output, synchronously) were lost: 5,153 of them in one build of 100,000 articles, and
 * with them the summary's count of pages. An error message could have been lost as well.
 */

/**
 * Has `stream` write each line before the process goes on. Node offers this only on the stream's
 * handle; without one (a file, a terminal) writes are at once already. Astro's stderr is so from
 * the start, for an error to be written whatever the exit that follows it; its stdout only once its
 * pages are built (`outputWritten` first): it writes a line per page there, and its rendering would
 * wait on a busy reader.
 */
export function writeAtOnce(stream: NodeJS.WriteStream): void {
  (stream as unknown as Handled)._handle?.setBlocking?.(true);
}

/** Resolves once everything written to `stream` so far has left this process. */
export function outputWritten(stream: NodeJS.WriteStream = process.stdout): Promise<void> {
  return new Promise((resolve) => {
    stream.write('', () => {
      resolve();
    });
  });
}

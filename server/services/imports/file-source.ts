/**
 * A file read in chunks into one reused buffer: the importers consume each
 * chunk before asking for the next, so a 160 MB file leaves no trail of
 * 1 MB garbage buffers for the collector (it kept ~100 MB of them alive at
 * once here with `createReadStream`).
 */
import { open } from 'node:fs/promises';

/** Yields views of one buffer holding successive chunks of `file`; each view is valid until the next is asked for. */
export async function* readFileChunks(file: string, chunkSize = 1 << 20): AsyncGenerator<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(chunkSize);
    for (;;) {
      const { bytesRead } = await handle.read(buf, 0, chunkSize, null);
      if (bytesRead === 0) return;
      yield buf.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/**
 * Large JSON that stays the same until the data changes (the whole graph):
 * compressed once per version (brotli and gzip, in zlib's thread pool, not on
 * every request), sent with an ETag so a page that has it gets a 304, and
 * `Cache-Control: no-cache` so it is always revalidated (a new data version is
 * never missed).
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Request, Response } from 'express';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

interface Entry {
  json: string;
  etag: string;
  identity: Buffer;
  br?: Promise<Buffer>;
  gzip?: Promise<Buffer>;
}

/** Brotli quality 9: a 5,000-role graph compresses in about a second, once per data version, to ~25 % less than gzip -9. */
const BROTLI_QUALITY = 9;

/** brotli when the request accepts it (smaller), else gzip, else none; q=0 refuses, `*` accepts both. */
export function pickEncoding(header: string | undefined): 'br' | 'gzip' | 'identity' {
  const ok = new Set<string>();
  const refused = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.split(';').map((x) => x.trim().toLowerCase());
    const q = params.find((x) => x.startsWith('q='));
    if (name) (q === undefined || Number(q.slice(2)) > 0 ? ok : refused).add(name);
  }
  const accepts = (e: string) => ok.has(e) || (ok.has('*') && !refused.has(e));
  return accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : 'identity';
}

export class PrecompressedJson {
  /** The latest serialisation per key (e.g. a dataset selection and shape); old versions are dropped. */
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxKeys = 16) {}

  /**
   * Sends `json` (the same string object for the same data, as the services
   * cache it) compressed in the best encoding the request accepts.
   */
  async send(req: Request, res: Response, key: string, json: string): Promise<void> {
    const entry = this.entry(key, json);
    res.setHeader('ETag', entry.etag);
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Vary', 'Accept-Encoding');
    res.type('application/json');
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    const encoding = pickEncoding(req.get('accept-encoding'));
    let body = entry.identity;
    if (encoding === 'br' || encoding === 'gzip') {
      try {
        body = await (encoding === 'br'
          ? (entry.br ??= brotli(entry.identity, {
              params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: entry.identity.length },
            }))
          : (entry.gzip ??= gz(entry.identity, { level: 9 })));
        res.setHeader('Content-Encoding', encoding);
      } catch {
        // Cannot happen with in-memory buffers; if it does, the plain body is still right.
        body = entry.identity;
      }
    }
    res.setHeader('Content-Length', body.length);
    res.end(body);
  }

  private entry(key: string, json: string): Entry {
    const known = this.entries.get(key);
    if (known && known.json === json) return known;
    const identity = Buffer.from(json, 'utf8');
    const entry: Entry = { json, identity, etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"` };
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxKeys) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }
}

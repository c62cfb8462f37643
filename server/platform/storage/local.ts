// Files on the local disk, under FILES_DIR, named by a random key (never by what people
// called them). A file is written to a temporary name and renamed once complete, so a
// failed or oversized upload leaves nothing behind.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export class TooLarge extends Error {}

export interface Stored {
  key: string;
  size: number;
  sha256: string;
  head: Buffer;
}

export class LocalStorage {
  constructor(private readonly dir: string) {}

  #path(key: string): string {
    if (!/^[A-Za-z0-9_-]{20,}$/.test(key)) throw new Error('Invalid storage key');
    return path.join(this.dir, key.slice(0, 2), key);
  }

  async save(source: NodeJS.ReadableStream, maxBytes: number): Promise<Stored> {
    const key = randomBytes(24).toString('base64url');
    const final = this.#path(key);
    await fs.promises.mkdir(path.dirname(final), { recursive: true });
    const temp = `${final}.part`;
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > maxBytes) return done(new TooLarge());
        if (head.length < 4096) head = Buffer.concat([head, chunk]).subarray(0, 4096);
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, fs.createWriteStream(temp, { flags: 'wx' }));
      await fs.promises.rename(temp, final);
    } catch (error) {
      await fs.promises.rm(temp, { force: true });
      throw error;
    }
    return { key, size, sha256: hash.digest('hex'), head };
  }

  read(key: string): fs.ReadStream {
    return fs.createReadStream(this.#path(key));
  }

  async remove(key: string): Promise<void> {
    await fs.promises.rm(this.#path(key), { force: true });
  }
}

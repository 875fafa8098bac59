/**
 * The parts of a ZIP held in memory, decompressed only on demand and never past a budget: a 2 KB file
 * can declare (or hide) gigabytes, so every byte that comes out of the inflater is counted, the
 * ratio to its compressed size is watched, and the stream is stopped the moment a limit is passed.
 */
import zlib from 'node:zlib';
import yauzl from 'yauzl';

export interface ZipPart {
  name: string;
  compressedSize: number;
  entry: yauzl.Entry;
}

/** What went wrong, for the caller to word for the clerk. */
export class ZipRefusal extends Error {
  constructor(
    readonly kind: 'damaged' | 'encrypted' | 'too-many-parts' | 'bomb' | 'too-large',
    readonly part?: string,
  ) {
    super(`${kind}${part ? ` (${part})` : ''}`);
  }
}

export interface ZipLimits {
  maxParts: number;
  /** Decompressed bytes across every part read. */
  maxTotalBytes: number;
  maxPartBytes: number;
  /** Decompressed/compressed; checked once a part is past ratioFloorBytes (small parts may compress very well). */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const ZIP_LIMITS: ZipLimits = {
  maxParts: 5_000,
  maxTotalBytes: 192 * 1024 * 1024,
  maxPartBytes: 128 * 1024 * 1024,
  maxRatio: 150,
  ratioFloorBytes: 4 * 1024 * 1024,
};

const CHUNK = 1024 * 1024;

export class ZipParts {
  private used = 0;

  private constructor(
    private readonly zip: yauzl.ZipFile,
    readonly parts: Map<string, ZipPart>,
    private readonly limits: ZipLimits,
  ) {}

  static async open(bytes: Buffer, limits: ZipLimits = ZIP_LIMITS): Promise<ZipParts> {
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true });
    } catch {
      throw new ZipRefusal('damaged');
    }
    if (zip.entryCount > limits.maxParts) throw new ZipRefusal('too-many-parts');
    const parts = await new Promise<Map<string, ZipPart>>((resolve, reject) => {
      const found = new Map<string, ZipPart>();
      zip.on('entry', (entry: yauzl.Entry) => {
        if (found.has(entry.fileName)) return reject(new ZipRefusal('damaged', entry.fileName));
        if (entry.isEncrypted()) return reject(new ZipRefusal('encrypted', entry.fileName));
        found.set(entry.fileName, { name: entry.fileName, compressedSize: entry.compressedSize, entry });
        zip.readEntry();
      });
      zip.on('end', () => resolve(found));
      zip.on('error', () => reject(new ZipRefusal('damaged')));
      zip.readEntry();
    });
    return new ZipParts(zip, parts, limits);
  }

  has(name: string): boolean {
    return this.parts.has(name);
  }

  /** The part's bytes as stored, which a ZIP's own size fields may misstate. */
  private stored(part: ZipPart): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const onStream = (err: Error | null, stream: NodeJS.ReadableStream | undefined): void => {
        if (err || !stream) return reject(new ZipRefusal('damaged', part.name));
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('error', () => reject(new ZipRefusal('damaged', part.name)));
        stream.on('end', () => resolve(Buffer.concat(chunks)));
      };
      try {
        // yauzl takes the option only for compressed parts; stored ones come out as they are.
        if (part.entry.compressionMethod === 0) this.zip.openReadStream(part.entry, onStream);
        else this.zip.openReadStream(part.entry, { decompress: false }, onStream);
      } catch {
        reject(new ZipRefusal('damaged', part.name));
      }
    });
  }

  /**
   * One part, decompressed in one native call that stops at a bound set before it starts (the part
   * limit, what is left of the total, and the ratio to the compressed size), then handed to
   * `onChunk` a megabyte at a time. `maxBytes` narrows the limit for parts that are always small.
   */
  async stream(name: string, onChunk: (chunk: Buffer) => void, maxBytes = this.limits.maxPartBytes): Promise<void> {
    const part = this.parts.get(name);
    if (!part) throw new ZipRefusal('damaged', name);
    const method = part.entry.compressionMethod;
    if (method !== 0 && method !== 8) throw new ZipRefusal('damaged', name);
    const limits = this.limits;
    const sizeLimit = Math.min(maxBytes, limits.maxPartBytes, Math.max(0, limits.maxTotalBytes - this.used));
    const ratioLimit = Math.max(limits.ratioFloorBytes, part.compressedSize * limits.maxRatio);
    const limit = Math.min(sizeLimit, ratioLimit);
    const overLimit = new ZipRefusal(ratioLimit < sizeLimit ? 'bomb' : 'too-large', name);
    const stored = await this.stored(part);
    let bytes: Buffer;
    if (method === 0) {
      if (stored.length > limit) throw overLimit;
      bytes = stored;
    } else {
      try {
        bytes = zlib.inflateRawSync(stored, { maxOutputLength: Math.max(1, limit) });
      } catch (err) {
        throw (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? overLimit : new ZipRefusal('damaged', name);
      }
    }
    this.used += bytes.length;
    // A part whose bytes do not match their checksum was cut or altered on the way.
    if (zlib.crc32(bytes) !== part.entry.crc32 >>> 0) throw new ZipRefusal('damaged', name);
    for (let at = 0; at < bytes.length; at += CHUNK) onChunk(bytes.subarray(at, at + CHUNK));
  }

  /** A whole (small) part as one buffer. */
  async read(name: string, maxBytes: number): Promise<Buffer> {
    const chunks: Buffer[] = [];
    await this.stream(name, (c) => chunks.push(c), maxBytes);
    return Buffer.concat(chunks);
  }

  close(): void {
    this.zip.close();
  }
}

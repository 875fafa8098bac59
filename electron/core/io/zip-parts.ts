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

  /**
   * Streams one part through `onChunk`, counting what comes out. `maxBytes` narrows the part limit
   * for parts that are always small (the workbook, its relationships).
   */
  stream(name: string, onChunk: (chunk: Buffer) => void, maxBytes = this.limits.maxPartBytes): Promise<void> {
    const part = this.parts.get(name);
    if (!part) return Promise.reject(new ZipRefusal('damaged', name));
    const { entry } = part;
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) return Promise.reject(new ZipRefusal('damaged', name));
    const limits = this.limits;
    return new Promise((resolve, reject) => {
      this.zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return reject(new ZipRefusal('damaged', name));
        let size = 0;
        let crc = 0;
        let settled = false;
        const stop = (why: Error): void => {
          if (settled) return;
          settled = true;
          stream.destroy();
          reject(why);
        };
        stream.on('data', (chunk: Buffer) => {
          if (settled) return;
          size += chunk.length;
          this.used += chunk.length;
          if (size > limits.ratioFloorBytes && size > Math.max(1, part.compressedSize) * limits.maxRatio) return stop(new ZipRefusal('bomb', name));
          if (size > Math.min(maxBytes, limits.maxPartBytes) || this.used > limits.maxTotalBytes) return stop(new ZipRefusal('too-large', name));
          crc = zlib.crc32(chunk, crc);
          try {
            onChunk(chunk);
          } catch (e) {
            stop(e as Error);
          }
        });
        stream.on('error', () => stop(new ZipRefusal('damaged', name)));
        stream.on('end', () => {
          if (settled) return;
          settled = true;
          // A part whose bytes do not match their checksum was cut or altered on the way.
          if (crc !== entry.crc32 >>> 0) reject(new ZipRefusal('damaged', name));
          else resolve();
        });
      });
    });
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

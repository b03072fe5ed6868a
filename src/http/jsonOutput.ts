// JSON answers written straight to the response as UTF-8: the same status, Content-Type, Content-Length and
// body that express's res.json sends, without its ETag. Only GET and HEAD are ever revalidated, so an ETag on a
// POST answer is never used, and express makes one by copying the whole body into a Buffer and hashing it.
import type { Response } from 'express';

function setJsonHeaders(res: Response, bytes: number): void {
  res.statusCode = 200;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', bytes);
}

/** Sends JSON already encoded as UTF-8, held one byte per character (see decisionBytes), as a 200 answer. */
export function sendJsonBytes(res: Response, bytes: string): void {
  setJsonHeaders(res, bytes.length);
  res.end(bytes, 'latin1');
}

/** UTF-8 takes at most three bytes for each UTF-16 code unit. */
const maxBytesPerChar = 3;

/** Where an output starts when it is given no first chunk: its first write reserves a real one. */
const noChunk = Buffer.alloc(0);

/**
 * Bytes of JSON, written into chunks outside the JavaScript heap as they are made. A batch's answer runs to
 * megabytes: held as strings until the end, it would be copied by every garbage collection on the way, and
 * joined strings have to be copied whole once more before they can be encoded.
 */
export class JsonOutput {
  private readonly chunks: Buffer[] = [];
  private chunk: Buffer = noChunk;
  private used = 0;
  private sealedBytes = 0;

  /**
   * `chunkBytes`: the size of each new chunk. `firstChunk`: where to write first, such as a scratch buffer that
   * is reused (its bytes must then be copied out before it is written again).
   */
  constructor(
    private readonly chunkBytes = 64 * 1024,
    firstChunk?: Buffer,
  ) {
    if (firstChunk) this.chunk = firstChunk;
  }

  /** One ASCII character, such as a bracket or a comma. */
  writeByte(byte: number): void {
    if (this.used === this.chunk.length) this.reserve(1);
    this.chunk[this.used++] = byte;
  }

  write(text: string): void {
    // Counting the bytes first is a second pass over the text, needed only when it may not fit.
    if (text.length * maxBytesPerChar > this.chunk.length - this.used) this.reserve(Buffer.byteLength(text));
    this.used += this.chunk.write(text, this.used);
  }

  /** Bytes already encoded, such as a shared piece of JSON kept as bytes. */
  writeBytes(bytes: Uint8Array): void {
    if (bytes.length > this.chunk.length - this.used) this.reserve(bytes.length);
    this.chunk.set(bytes, this.used);
    this.used += bytes.length;
  }

  /** Everything written, as one Buffer (copied only when it spans chunks). */
  toBuffer(): Buffer {
    this.seal();
    return this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.sealedBytes);
  }

  /** Sends what was written as a 200 JSON answer, in one write to the socket. */
  send(res: Response): void {
    this.seal();
    setJsonHeaders(res, this.sealedBytes);
    res.cork();
    for (const chunk of this.chunks) res.write(chunk);
    res.end(); // uncorks
  }

  private reserve(bytes: number): void {
    if (this.used + bytes <= this.chunk.length) return;
    this.seal();
    this.chunk = Buffer.allocUnsafe(Math.max(this.chunkBytes, bytes));
  }

  private seal(): void {
    if (this.used) this.chunks.push(this.chunk.subarray(0, this.used));
    this.sealedBytes += this.used;
    this.chunk = this.chunk.subarray(this.used);
    this.used = 0;
  }
}

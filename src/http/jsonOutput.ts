// Decision answers, written straight to the response as UTF-8: the same status, Content-Type, Content-Length and
// body that express's res.json sends, without its ETag. Only GET and HEAD are ever revalidated, so an ETag on a
// POST answer is never used, and express makes one by copying the whole body into a Buffer and hashing it: for
// a 1,000-case batch that cost more than deciding every case.
import type { Response } from 'express';

function setJsonHeaders(res: Response, bytes: number): void {
  res.statusCode = 200;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', bytes);
}

/** One decision's answer, a few kilobytes: Node encodes it as it writes the response, headers and all. */
export function sendJson(res: Response, json: string): void {
  setJsonHeaders(res, Buffer.byteLength(json));
  res.end(json);
}

/** UTF-8 takes at most three bytes for each UTF-16 code unit. */
const maxBytesPerChar = 3;
const chunkBytes = 64 * 1024;

/**
 * A batch's answer: JSON text encoded as it is made, into chunks outside the JavaScript heap. It runs to megabytes:
 * held as strings until the end, it would be copied by every garbage collection on the way, and joined strings
 * have to be copied whole once more before they can be encoded.
 */
export class JsonOutput {
  private readonly chunks: Buffer[] = [];
  private chunk = Buffer.allocUnsafe(0);
  private used = 0;
  private length = 0;

  write(text: string): void {
    // Counting the bytes first is a second pass over the text, needed only when it may not fit.
    if (text.length * maxBytesPerChar > this.chunk.length - this.used) this.reserve(Buffer.byteLength(text));
    const bytes = this.chunk.write(text, this.used);
    this.used += bytes;
    this.length += bytes;
  }

  /** Bytes already encoded, such as a shared piece of JSON kept as bytes. */
  writeBytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.chunk.set(bytes, this.used);
    this.used += bytes.length;
    this.length += bytes.length;
  }

  /** Sends what was written, in one write to the socket. */
  send(res: Response): void {
    this.seal();
    setJsonHeaders(res, this.length);
    res.cork();
    for (const chunk of this.chunks) res.write(chunk);
    res.end(); // uncorks
  }

  private reserve(bytes: number): void {
    if (this.used + bytes <= this.chunk.length) return;
    this.seal();
    this.chunk = Buffer.allocUnsafe(Math.max(chunkBytes, bytes));
  }

  private seal(): void {
    if (this.used) this.chunks.push(this.chunk.subarray(0, this.used));
    this.chunk = Buffer.allocUnsafe(0);
    this.used = 0;
  }
}

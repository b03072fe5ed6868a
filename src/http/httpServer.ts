// The HTTP server around the app, with the limits Node enforces before express sees a request.
import { createServer, STATUS_CODES, type RequestListener, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { problem } from './problem';

export interface ServerLimits {
  maxHeaderBytes: number;
  requestTimeoutMs: number;
}

/** Errors Node meets before express (oversized headers, slow requests) still get problem+json. */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy();
  const status =
    error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const detail =
    status === 431
      ? 'The request headers (or URL) are too large.'
      : status === 408
        ? 'The request took too long to arrive.'
        : 'The request could not be read.';
  const body = JSON.stringify(problem(status, detail));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export function createHttpServer(app: RequestListener, limits: ServerLimits): Server {
  const server = createServer(
    {
      maxHeaderSize: limits.maxHeaderBytes,
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: Math.min(limits.requestTimeoutMs, 10_000),
      // Node checks for timed-out requests this often; its default (30 s) would let slow clients linger.
      connectionsCheckingInterval: Math.min(1000, limits.requestTimeoutMs),
    },
    app,
  );
  server.on('clientError', answerClientError);
  return server;
}

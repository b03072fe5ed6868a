// Requests that are certainly in flight when SIGTERM arrives. The soak's own event loop is busy driving the
// load, so "written before the signal" proves nothing; each request here first shows that the server has it:
// a POST asks `Expect: 100-continue` and waits for the server's 100 (its headers are parsed and the handler is
// waiting for the body); a readiness probe first completes a GET /healthz on its connection, then sends the
// start of GET /readyz. The rest is sent only after the signal. Each answer is read until the connection
// closes, so a cut-off answer shows as incomplete.
import net from 'node:net';

export interface RawAnswer {
  readonly statusLine: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The whole body arrived: as many bytes as Content-Length said. */
  readonly complete: boolean;
}

export interface InFlight {
  /** Settles once the server has shown it has begun this request. */
  readonly begun: Promise<void>;
  /** Sends the rest of the request. */
  finish(): void;
  /** The request's final answer (not a 100 Continue, not the probe's /healthz), or null if none came. */
  readonly answer: Promise<RawAnswer | null>;
}

/** The answers in a connection's bytes, in order, 1xx interim answers included. */
export function parseAnswers(raw: Buffer): RawAnswer[] {
  const answers: RawAnswer[] = [];
  let at = 0;
  while (at < raw.length) {
    const split = raw.indexOf('\r\n\r\n', at);
    if (split < 0) break;
    const [statusLine = '', ...lines] = raw.subarray(at, split).toString('latin1').split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const interim = / 1\d\d /.test(statusLine);
    const length = interim ? 0 : Number(headers['content-length']);
    const body = raw.subarray(split + 4, split + 4 + (Number.isFinite(length) ? length : raw.length));
    answers.push({ statusLine, headers, body: body.toString('utf8'), complete: body.length === length });
    at = split + 4 + body.length;
  }
  return answers;
}

const isInterim = (answer: RawAnswer) => / 1\d\d /.test(answer.statusLine);

function connection(
  port: number,
  onBytes: (received: Buffer) => void,
): { socket: net.Socket; closed: Promise<Buffer> } {
  const socket = net.connect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  const closed = new Promise<Buffer>((resolve) => {
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      onBytes(Buffer.concat(chunks));
    });
    socket.on('close', () => resolve(Buffer.concat(chunks)));
    socket.on('error', () => {}); // a reset shows as a missing or incomplete answer on close
  });
  return { socket, closed };
}

/** A POST whose headers, then half its body, reach the server before `finish()` sends the rest. */
export function startPost(port: number, path: string, body: string): InFlight {
  let markBegun = () => {};
  const begun = new Promise<void>((resolve) => (markBegun = resolve));
  const half = Math.floor(body.length / 2);
  let continued = false;
  const { socket, closed } = connection(port, (received) => {
    if (continued || !parseAnswers(received).some(isInterim)) return;
    continued = true;
    socket.write(body.slice(0, half), () => markBegun());
  });
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
  );
  return {
    begun,
    finish: () => socket.write(body.slice(half)),
    answer: closed.then((raw) => parseAnswers(raw).find((a) => !isInterim(a)) ?? null),
  };
}

/** GET /readyz on a connection the server has already answered on, with its headers left unfinished. */
export function startReadinessProbe(port: number): InFlight {
  let markBegun = () => {};
  const begun = new Promise<void>((resolve) => (markBegun = resolve));
  let probing = false;
  const { socket, closed } = connection(port, (received) => {
    if (probing || !parseAnswers(received).some((a) => a.complete)) return;
    probing = true;
    socket.write('GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\n', () => markBegun());
  });
  socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
  return {
    begun,
    finish: () => socket.write('\r\n'),
    answer: closed.then((raw) => parseAnswers(raw)[1] ?? null),
  };
}

/** Whether a new connection is refused (the listener has closed). */
export function connectionRefused(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

/**
 * A whole request whose answer is read only after `finish()`: the client stops reading at the answer's first
 * bytes, so the rest waits on the server's socket when the signal comes (a large batch and a slow reader).
 */
export function startSlowReader(port: number, path: string, body: string): InFlight {
  let markBegun = () => {};
  const begun = new Promise<void>((resolve) => (markBegun = resolve));
  let paused = false;
  const { socket, closed } = connection(port, () => {
    if (paused) return;
    paused = true;
    socket.pause();
    markBegun();
  });
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  return {
    begun,
    finish: () => void socket.resume(),
    answer: closed.then((raw) => parseAnswers(raw)[0] ?? null),
  };
}

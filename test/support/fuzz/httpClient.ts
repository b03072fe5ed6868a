// One raw HTTP request on a keep-alive connection to 127.0.0.1: bodies and headers go out exactly as generated,
// invalid bytes and all, which a higher-level client would tidy up.
import http from 'node:http';
import type { FuzzRequest } from './requests';

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export function send(
  agent: http.Agent,
  port: number,
  request: FuzzRequest,
  timeoutMs = 10_000,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...request.headers };
    if (request.body && !headers['transfer-encoding'])
      headers['content-length'] = String(request.body.length);
    const req = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: request.path, headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    if (request.body) req.end(request.body);
    else req.end();
  });
}

/** GET a path: for the health check after the run. */
export function get(agent: http.Agent, port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
}

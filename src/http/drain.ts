// Draining on SIGTERM without losing an answer. Node's own server.close() and closeIdleConnections() take a
// connection for idle once its response has ended, and destroy it while megabytes of that response may still
// be queued on the socket. Here a connection is closed with socket.end() instead, which sends what is queued
// before the FIN: at once when it is between requests, or as soon as its last answer is handed over.
import type { Server } from 'node:http';
import net, { type Socket } from 'node:net';

export interface DrainResult {
  /** true when every connection closed by itself before the deadline. */
  complete: boolean;
  /** What was still open at the deadline, and so cut. */
  connectionsCut: number;
  requestsCut: number;
}

export interface ConnectionTracker {
  /** Stops accepting, closes each connection once its answers are sent, and reports when all are closed. */
  drain(timeoutMs: number): Promise<DrainResult>;
}

interface ConnectionsList {
  idle(): { socket?: Socket }[];
}

/**
 * The sockets whose next request has not begun to arrive, from Node's own list of connections (kept since
 * Node 18.8 for its request timeouts). A request whose headers are still arriving must be answered, not cut.
 */
function notReceiving(server: Server): (socket: Socket) => boolean {
  // Node adds its list when the server starts listening, so it is looked up when needed.
  const list = () => {
    const symbol = Object.getOwnPropertySymbols(server).find(
      (s) => s.description === 'http.server.connections',
    );
    return symbol && (server as unknown as Record<symbol, ConnectionsList | undefined>)[symbol];
  };
  return (socket) => {
    const connections = list();
    return !connections || connections.idle().some((parser) => parser.socket === socket);
  };
}

export function trackConnections(server: Server): ConnectionTracker {
  // Requests read on each open connection whose answers are not yet handed to the socket.
  const requests = new Map<Socket, number>();
  const isBetweenRequests = notReceiving(server);
  let draining = false;

  const closeWhenIdle = (socket: Socket) => {
    if (!draining || (requests.get(socket) ?? 0) > 0 || socket.writableEnded) return;
    if (isBetweenRequests(socket)) socket.end();
  };
  server.on('connection', (socket: Socket) => {
    requests.set(socket, 0);
    socket.once('close', () => requests.delete(socket));
  });
  server.on('request', (req, res) => {
    const socket = req.socket;
    requests.set(socket, (requests.get(socket) ?? 0) + 1);
    res.once('close', () => {
      if (!requests.has(socket)) return;
      requests.set(socket, requests.get(socket)! - 1);
      // Node marks the connection idle once the answer is handed over, after this event.
      setImmediate(() => closeWhenIdle(socket));
    });
  });

  return {
    drain(timeoutMs) {
      draining = true;
      return new Promise((resolve) => {
        const deadline = setTimeout(() => {
          const requestsCut = [...requests.values()].reduce((n, count) => n + count, 0);
          const connectionsCut = requests.size;
          for (const socket of requests.keys()) socket.destroy();
          resolve({ complete: false, connectionsCut, requestsCut });
        }, timeoutMs);
        deadline.unref();
        // The net server's own close: it stops accepting and waits for every connection to close, without
        // the http server's destruction of the ones it thinks idle.
        net.Server.prototype.close.call(server, () => {
          clearTimeout(deadline);
          resolve({ complete: true, connectionsCut: 0, requestsCut: 0 });
        });
        for (const socket of requests.keys()) closeWhenIdle(socket);
      });
    },
  };
}

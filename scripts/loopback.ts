// For scripts that start the real service as a child process on 127.0.0.1 (bench, soak): a port to give it,
// and whether it is ready yet.
import net from 'node:net';

/** A port nothing listens on now, asked of the OS: the service is told it up front, as a deployment would. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Whether the service at `url` answers GET /readyz with 200 (not yet listening counts as not ready). */
export async function isReady(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/readyz`)).status === 200;
  } catch {
    return false;
  }
}

/** Network helpers for tests that need a port. */
import { createServer, type AddressInfo } from 'node:net';

/** A port on which nothing listens (taken, then released): a database "down", or a port to start on. */
export async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

import { rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let sequence = 0;

/**
 * A one-shot Unix domain socket that receives one query's Arrow IPC stream from the JVM.
 *
 * java-bridge copies a returned byte[] into a Buffer at ~140 MB/s on Node's main thread; a socket
 * carries the same bytes at memory speed, and Node keeps serving its event loop meanwhile.
 */
export class ResultSocket {
  private socket: Socket | undefined;
  private readonly connected: Promise<Socket>;

  private constructor(
    private readonly server: Server,
    /** The socket's file path, handed to the JVM. */
    readonly path: string,
  ) {
    this.connected = new Promise<Socket>((resolve) => server.once('connection', resolve));
  }

  /** Listens on a fresh path in the temp folder. */
  static async open(): Promise<ResultSocket> {
    const path = join(tmpdir(), `ferry-${process.pid}-${++sequence}.sock`);
    rmSync(path, { force: true });
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, () => resolve());
    });
    return new ResultSocket(server, path);
  }

  /**
   * Yields what the JVM writes, until it closes the connection. `failed` settles only with an
   * error: the JVM gave up before it ever connected.
   */
  async *read(failed: Promise<Error>): AsyncGenerator<Uint8Array, void, undefined> {
    const first = await Promise.race([this.connected, failed]);
    if (first instanceof Error) throw first;
    this.socket = first;
    for await (const bytes of first) yield bytes as Buffer;
  }

  /** Drops the connection (cancelling the JVM's writes) and removes the socket file. */
  close(): void {
    this.socket?.destroy();
    this.server.close();
    rmSync(this.path, { force: true });
  }
}

import { connect, type Socket } from "node:net";

/** A client that sends one GET and then never reads, as a stalled or hostile player does. */
export interface StalledReader {
  socket: Socket;
  /**
   * Starts reading again and tells how many bytes came before the connection ended, or null if
   * it is still open after `withinMs`. A paused socket can't see the server's close: what the
   * kernel holds for it must be read first.
   */
  drain(withinMs: number): Promise<number | null>;
}

export function openStalledReader(args: {
  port: number;
  path: string;
  headers: Record<string, string>;
}): Promise<StalledReader> {
  return new Promise((ready, fail) => {
    const socket = connect({ port: args.port, host: "127.0.0.1" });
    let received = 0;
    const closed = new Promise<void>((done) => socket.once("close", () => done()));
    socket.on("error", () => {});
    const drain = async (withinMs: number) => {
      socket.on("data", (chunk: Buffer) => {
        received += chunk.length;
      });
      socket.resume();
      let timer: NodeJS.Timeout | undefined;
      const ended = await Promise.race([
        closed.then(() => true),
        new Promise<boolean>((r) => {
          timer = setTimeout(() => r(false), withinMs);
        }),
      ]);
      clearTimeout(timer);
      return ended ? received : null;
    };
    socket.once("connect", () => {
      const lines = [`GET ${args.path} HTTP/1.1`, "Host: 127.0.0.1"];
      for (const [name, value] of Object.entries(args.headers)) lines.push(`${name}: ${value}`);
      socket.write(`${lines.join("\r\n")}\r\n\r\n`);
      // Nothing is read: the kernel's receive buffer fills, then the server's sends stop.
      socket.pause();
      ready({ socket, drain });
    });
    socket.once("error", fail);
  });
}

/**
 * What the kernel shows of the TCP connections between stalled readers and a server on `port`
 * (Linux: /proc/net/tcp and tcp6), read without reading the sockets themselves: a paused reader
 * can't see the server's close until it reads what came before it, and reading is what the
 * server would count as the client taking bytes again.
 */
export interface ReaderConnections {
  /** Whether any of the answer has reached the reader's socket: the server has started it. */
  started(reader: StalledReader): boolean;
  /** Whether the server's end is still open: it has not dropped the connection. */
  held(reader: StalledReader): boolean;
}

const ESTABLISHED = "01";

export async function readerConnections(port: number): Promise<ReaderConnections> {
  const { readFile } = await import("node:fs/promises");
  // Per peer port: the server's end (local port = `port`) and the reader's end (remote = `port`).
  const serverEnd = new Set<number>();
  const arrived = new Set<number>();
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    const table = await readFile(file, "utf8").catch(() => "");
    for (const line of table.split("\n").slice(1)) {
      // sl local_address rem_address st tx_queue:rx_queue …
      const [, local, remote, state, queues] = line.trim().split(/\s+/);
      if (!local || !remote || state !== ESTABLISHED) continue;
      const localPort = Number.parseInt(local.split(":")[1] ?? "", 16);
      const remotePort = Number.parseInt(remote.split(":")[1] ?? "", 16);
      const rx = Number.parseInt(queues?.split(":")[1] ?? "0", 16);
      if (localPort === port) serverEnd.add(remotePort);
      else if (remotePort === port && rx > 0) arrived.add(localPort);
    }
  }
  return {
    started: (reader) => arrived.has(reader.socket.localPort ?? -1),
    held: (reader) => serverEnd.has(reader.socket.localPort ?? -1),
  };
}

/** The resident memory of a process, in MiB (Linux). */
export async function rssMiB(pid: number): Promise<number> {
  const { readFile } = await import("node:fs/promises");
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

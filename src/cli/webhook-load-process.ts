// The process behind webhook-load.ts: kept-alive sockets that write pre-built HTTP requests and time
// each one from its write to the end of its response. Its own process, so the bench's fakes (which
// receive the replies) never delay reading an acknowledgement.
import net from "node:net";
import type { LoadRun } from "./webhook-load.js";

/**
 * Requests packed in one buffer (request i is bytes offsets[i]..offsets[i+1]): a hundred thousand
 * strings would make the load process's own garbage collector part of every figure.
 */
export interface PackedRequests {
  readonly data: Uint8Array;
  readonly offsets: Uint32Array;
}

export type LoadCommand =
  | { readonly type: "burst"; readonly requests: PackedRequests }
  | { readonly type: "sustain"; readonly requests: PackedRequests; readonly seconds: number }
  | { readonly type: "close" };

export type LoadResult =
  | { readonly type: "ready" }
  | ({ readonly type: "done" } & LoadRun)
  | { readonly type: "error"; readonly message: string };

interface Connection {
  send(request: Uint8Array): Promise<number>;
  destroy(): void;
}

/** One kept-alive connection; one request at a time; resolves with the response's status. */
function connect(host: string, port: number): Promise<Connection> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, host);
    socket.setNoDelay(true);
    let buffer: Buffer = Buffer.alloc(0);
    let waiting: { resolve: (status: number) => void; reject: (error: Error) => void } | undefined;
    const fail = (error: Error) => {
      const w = waiting;
      waiting = undefined;
      w?.reject(error);
    };
    socket.on("data", (chunk: Buffer) => {
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      const head = buffer.indexOf("\r\n\r\n");
      if (head === -1) return;
      const headers = buffer.subarray(0, head).toString("latin1");
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(headers)?.[1] ?? 0);
      if (buffer.length < head + 4 + length) return;
      buffer = buffer.subarray(head + 4 + length);
      const w = waiting;
      waiting = undefined;
      w?.resolve(Number(headers.slice(9, 12)));
    });
    socket.on("error", (error) => {
      fail(error);
      reject(error);
    });
    socket.on("close", () => fail(new Error("the server closed the connection")));
    socket.once("connect", () =>
      resolve({
        send(request) {
          return new Promise<number>((res, rej) => {
            waiting = { resolve: res, reject: rej };
            socket.write(request);
          });
        },
        destroy: () => socket.destroy(),
      }),
    );
  });
}

async function main(): Promise<void> {
  const send = process.send?.bind(process);
  if (!send) throw new Error("webhook-load-process runs as a child process with an IPC channel");
  const [host = "", serverPort = "", connections = ""] = process.argv.slice(2);
  const sockets = await Promise.all(
    Array.from({ length: Number(connections) }, () => connect(host, Number(serverPort))),
  );
  const post = (result: LoadResult) => send(result);

  const timed = async (socket: Connection, request: Uint8Array) => {
    const t0 = performance.now();
    const status = await socket.send(request);
    return { status, ms: performance.now() - t0 };
  };

  const run = async (command: Exclude<LoadCommand, { type: "close" }>): Promise<LoadResult> => {
    const { data, offsets } = command.requests;
    const count = offsets.length - 1;
    const request = (i: number) => data.subarray(offsets[i], offsets[i + 1]);
    const started = performance.now();
    const latencies: number[] = [];
    const statuses: number[] = [];
    const record = ({ status, ms }: { status: number; ms: number }) => {
      if (status === 200) latencies.push(ms);
      else statuses.push(status);
    };
    if (command.type === "burst") {
      // One request per connection, all written in the same turn (a connection carries one at a time).
      if (count > sockets.length)
        throw new Error(`a burst of ${count} needs ${count} connections, not ${sockets.length}`);
      const sent = Array.from({ length: count }, (_, i) => timed(sockets[i] as Connection, request(i)));
      for (const r of await Promise.all(sent)) record(r);
    } else {
      // Each connection sends its next request as soon as the last is answered.
      const deadline = performance.now() + command.seconds * 1000;
      let next = 0;
      await Promise.all(
        sockets.map(async (socket) => {
          while (performance.now() < deadline && next < count) {
            record(await timed(socket, request(next++)));
          }
        }),
      );
    }
    const seconds = (performance.now() - started) / 1000;
    return { type: "done", latencies, failures: statuses.length, statuses, seconds };
  };

  process.on("message", (command: LoadCommand) => {
    if (command.type === "close") {
      for (const s of sockets) s.destroy();
      process.disconnect();
      return;
    }
    run(command).then(post, (error: Error) => post({ type: "error", message: error.message }));
  });
  post({ type: "ready" });
}

await main();

import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";

/** A handler on node's own request and response: no express layers. */
export type FastHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Routes answered in front of express, for machine webhooks on a hot path. The Zalo webhook must
 * acknowledge each delivery within milliseconds while hundreds arrive at once; express's routing and
 * body parsing roughly halved how many a core could acknowledge (README, bench). Everything else
 * goes to express untouched.
 */
export interface FastRoutes {
  /** Answers `POST <path>` (any query string) with `handler`. */
  post(path: string, handler: FastHandler): void;
  /** The server's request listener: a registered route, else `fallback` (the express app). */
  inFrontOf(fallback: RequestListener): RequestListener;
}

export function fastRoutes(): FastRoutes {
  const posts = new Map<string, FastHandler>();
  return {
    post(path, handler) {
      if (posts.has(path)) throw new Error(`a fast route is already mounted at POST ${path}`);
      posts.set(path, handler);
    },
    inFrontOf(fallback) {
      return (req, res) => {
        const handler = req.method === "POST" ? posts.get(pathOf(req.url)) : undefined;
        if (handler) handler(req, res);
        else fallback(req, res);
      };
    },
  };
}

function pathOf(url: string | undefined): string {
  if (!url) return "";
  const q = url.indexOf("?");
  return q === -1 ? url : url.slice(0, q);
}

/** Too large a body, refused before reading it all. */
export class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
}

/**
 * Reads a request body up to `limit` bytes. Rejects with BodyTooLargeError as soon as the declared
 * or received length passes the limit (the rest is not buffered), and with the stream's error if the
 * client goes away.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (declared > limit) {
      req.resume();
      reject(new BodyTooLargeError(`body of ${declared} bytes over ${limit}`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        reject(new BodyTooLargeError(`body over ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size)));
    req.on("error", reject);
  });
}

/** Ends a fast route's answer with the app's JSON error shape (`{ error: { code, message } }`). */
export function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  const body = JSON.stringify({ error: { code, message } });
  res.writeHead(status, {
    ...headers,
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
}

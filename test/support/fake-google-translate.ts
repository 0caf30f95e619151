import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { Agent, createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

/** How the fake answers: normally, rate-limited, broken, or not at all. */
export type FakeTranslateMode = "ok" | "429" | "500" | "hang";

/** One request as it left the client: the form fields Google receives. */
export interface FakeTranslateRequest {
  readonly method: string;
  readonly path: string;
  readonly form: { readonly sl: string; readonly tl: string; readonly q: string };
}

/** Translations per target language: `{ vi: { "Hello": "Xin chào" } }`. Unknown text comes back as is. */
export type FakeDictionary = Readonly<Record<string, Readonly<Record<string, string>>>>;

export interface FakeGoogleTranslate {
  /** `127.0.0.1:PORT`, for the library's `host` option. */
  readonly host: string;
  /** Trusts the fake's self-signed certificate. */
  readonly agent: Agent;
  /** Every request received, in order, whatever the mode. */
  readonly requests: FakeTranslateRequest[];
  setMode(mode: FakeTranslateMode): void;
  close(): Promise<void>;
}

const ENDPOINT = "/translate_a/single";

/**
 * A local HTTPS stand-in for `translate.google.com/translate_a/single?client=at&dj=1`, answering
 * with the same JSON and the same 429 "sorry" page, so the real adapter runs unchanged.
 */
export async function startFakeGoogleTranslate(
  options: { dictionary?: FakeDictionary; mode?: FakeTranslateMode } = {},
): Promise<FakeGoogleTranslate> {
  const dictionary = options.dictionary ?? {};
  let mode: FakeTranslateMode = options.mode ?? "ok";
  const requests: FakeTranslateRequest[] = [];
  const { key, cert } = await selfSignedCertificate();

  const server = createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "https://fake");
      const fields = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      const form = { sl: fields.get("sl") ?? "", tl: fields.get("tl") ?? "", q: fields.get("q") ?? "" };
      requests.push({ method: req.method ?? "", path: url.pathname, form });

      if (url.pathname !== ENDPOINT || req.method !== "POST") {
        res.writeHead(404, { "content-type": "text/html; charset=UTF-8" }).end("<html>Error 404</html>");
        return;
      }
      if (mode === "hang") return;
      if (mode === "429") {
        const pageUrl = `https://${req.headers.host}${req.url}`;
        res.writeHead(429, { "content-type": "text/html; charset=UTF-8" }).end(sorryPage(pageUrl));
        return;
      }
      if (mode === "500") {
        res
          .writeHead(500, { "content-type": "text/html; charset=UTF-8" })
          .end("<html><title>Error 500 (Server Error)!!1</title></html>");
        return;
      }
      const src = form.sl === "auto" ? "en" : form.sl;
      const trans = dictionary[form.tl]?.[form.q] ?? form.q;
      res.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end(
        JSON.stringify({
          sentences: [{ trans, orig: form.q, backend: 1 }],
          src,
          confidence: 1,
          spell: {},
          ld_result: { srclangs: [src], srclangs_confidences: [1], extended_srclangs: [src] },
        }),
      );
    });
  });

  await listen(server);
  const { port } = server.address() as AddressInfo;
  const agent = new Agent({ ca: cert });

  return {
    host: `127.0.0.1:${port}`,
    agent,
    requests,
    setMode(next) {
      mode = next;
    },
    async close() {
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

/** A throwaway key and certificate for 127.0.0.1, made by openssl in a temp dir removed at once. */
async function selfSignedCertificate(): Promise<{ key: Buffer; cert: Buffer }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "tlpl-fake-gt-"));
  try {
    const keyPath = path.join(dir, "key.pem");
    const certPath = path.join(dir, "cert.pem");
    await promisify(execFile)("openssl", [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-subj",
      "/CN=127.0.0.1",
      // Node checks an IP host against the subjectAltName only, never the CN.
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      "-days",
      "1",
      "-keyout",
      keyPath,
      "-out",
      certPath,
    ]);
    return { key: await readFile(keyPath), cert: await readFile(certPath) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
}

/** Google's rate-limit page; the library reads the IP, time and URL lines (each ending in `<br>`). */
function sorryPage(url: string): string {
  const escaped = url.replace(/&/g, "&amp;");
  return `<html>
<head><meta http-equiv="content-type" content="text/html; charset=utf-8"><meta name="viewport" content="initial-scale=1"><title>${escaped}</title></head>
<body style="font-family: arial, sans-serif; background-color: #fff; color: #000; padding:20px; font-size:18px;">
<div style="max-width:400px;">
<hr noshade size="1" style="color:#ccc; background-color:#ccc;"><br>
<div style="font-size:13px;">
Our systems have detected unusual traffic from your computer network.  Please try your request again later.  <a href="#">Why did this happen?</a><br><br>
<div id="infoDiv0" style="display:none; background-color:#eee; padding:10px; margin:0 0 15px 0; line-height:1.4em;">
This page appears when Google automatically detects requests coming from your computer network which appear to be in violation of the <a href="//www.google.com/policies/terms/">Terms of Service</a>. The block will expire shortly after those requests stop.
</div><br>

IP address: 1.2.3.4<br>Time: ${new Date().toISOString().replace(/\.\d+Z$/, "Z")}<br>URL: ${escaped}<br>
</div>
</div>
</body>
</html>
`;
}

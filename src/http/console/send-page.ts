import type { Response } from "express";

/** Sends a server-rendered console page: HTML, never cached (it shows personal data). */
export function sendPage(res: Response, status: number, page: string): void {
  res.status(status).type("html").set("Cache-Control", "no-store").send(page);
}

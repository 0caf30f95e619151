import { createHash } from "node:crypto";

/** The version of a FAQ file: sha256 of its text, used as the editor's etag. */
export function faqVersion(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Form fields as express's urlencoded parser gives them: one value a string, a repeated name an array. */
export type FormFields = Record<string, string | string[]>;

/**
 * Parses a `multipart/form-data` body of text fields (files are skipped). The editor posts this way
 * because browsers send its UTF-8 text as is, where urlencoding would triple every Vietnamese letter.
 */
export function parseFormData(body: Buffer, contentType: string): FormFields | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return undefined;
  const fields: FormFields = {};
  const delimiter = Buffer.from(`--${marker}`);
  let start = body.indexOf(delimiter);
  if (start < 0) return undefined;
  for (;;) {
    start += delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") return fields;
    const next = body.indexOf(delimiter, start);
    if (next < 0) return undefined;
    // A part is CRLF, headers, CRLF CRLF, content, CRLF.
    const part = body.subarray(start + 2, next - 2);
    const split = part.indexOf("\r\n\r\n");
    if (split >= 0) {
      const headers = part.subarray(0, split).toString("utf8");
      const name = /content-disposition:[^\r\n]*\bname="([^"]*)"/i.exec(headers)?.[1];
      if (name !== undefined && !/\bfilename=/i.test(headers)) {
        const value = part.subarray(split + 4).toString("utf8");
        const existing = fields[name];
        fields[name] =
          existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
      }
    }
    start = next;
  }
}

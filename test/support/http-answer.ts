/** A response as the tests look at it: status, the body parsed as JSON when it is JSON, the raw text. */
export interface HttpAnswer {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: a JSON body whose shape the assertions check
  readonly body: any;
  readonly text: string;
  readonly headers: Headers;
}

/** Reads a response once: JSON when it parses, else the text (an HTML page or an empty body). */
export async function readAnswer(res: Response): Promise<HttpAnswer> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body, text, headers: res.headers };
}

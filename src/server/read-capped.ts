// Web-standard only (ReadableStream, TextDecoder): reads a body without ever
// holding more of it than the caller allows.

/** What {@link readUpTo} read. */
export interface CappedRead {
  /** The body, or its first `limit` bytes when it was longer, as UTF-8 text. */
  text: string;
  /** Whether that is the whole body. */
  complete: boolean;
}

/**
 * Reads `body` chunk by chunk and stops once it passes `limit` bytes (the rest
 * is cancelled, never buffered), so a huge or endless body costs at most
 * `limit` bytes of memory. A declared `Content-Length` over the limit is
 * refused before anything is read.
 */
export async function readUpTo(body: ReadableStream<Uint8Array> | null, limit: number, declaredLength: string | null = null): Promise<CappedRead> {
  const declared = declaredLength === null ? Number.NaN : Number(declaredLength);
  if (body === null) return { text: '', complete: true };
  if (declared > limit) {
    await body.cancel().catch(() => undefined);
    return { text: '', complete: false };
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let complete = true;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > limit) {
      chunks.push(value.subarray(0, limit - size));
      size = limit;
      complete = false;
      await reader.cancel().catch(() => undefined);
      break;
    }
    chunks.push(value);
    size += value.byteLength;
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { text: new TextDecoder().decode(bytes), complete };
}

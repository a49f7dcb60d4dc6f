import { describe, expect, it } from 'vitest';
import { readTopUpRequest } from '../../src/server/top-up-request';

const headers = { 'Content-Type': 'application/json', 'Idempotency-Key': 'key-0000000000000001' };

/** A body streamed in 64 KiB chunks, counting how many were pulled. */
function endlessBody(totalChunks: number): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const chunk = new TextEncoder().encode(`{"amount":"500","pad":"${'x'.repeat(65_536)}`);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += 1;
      if (pulled > totalChunks) controller.close();
      else controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

describe('readTopUpRequest', () => {
  it('refuses a body over 2 KiB from its Content-Length, without reading it', async () => {
    const body = endlessBody(10);
    const request = new Request('http://localhost/credits', {
      method: 'POST',
      headers: { ...headers, 'Content-Length': '5000000' },
      body: body.stream,
      duplex: 'half',
    } as RequestInit);
    await expect(readTopUpRequest(request)).resolves.toEqual({ ok: false, detail: 'The request body is too large.' });
    expect(body.pulled()).toBeLessThanOrEqual(1);
  });

  it('stops reading a streamed body with no length as soon as it passes 2 KiB', async () => {
    const body = endlessBody(10_000);
    const request = new Request('http://localhost/credits', { method: 'POST', headers, body: body.stream, duplex: 'half' } as RequestInit);
    await expect(readTopUpRequest(request)).resolves.toEqual({ ok: false, detail: 'The request body is too large.' });
    // 10,000 chunks of 64 KiB were on offer: it stopped after the first few.
    expect(body.pulled()).toBeLessThan(5);
  });

  it('reads a small body', async () => {
    const request = new Request('http://localhost/credits', { method: 'POST', headers, body: JSON.stringify({ amount: '500', unit: 'u' }) });
    await expect(readTopUpRequest(request)).resolves.toEqual({ ok: true, value: { key: 'key-0000000000000001', amount: '500', unit: 'u' } });
  });
});

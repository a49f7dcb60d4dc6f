// A stand-in for your app's own authentication: whatever tells you who is
// signed in (a session cookie, a JWT, …) and which Sequence customer they are.
// The recipes call it from `getCustomerId`; replace it with your auth.

/** Session id → the signed-in user's Sequence customer id. */
export const sessions = new Map<string, { sequenceCustomerId: string }>();

/** The Sequence customer id of the request's session, or `null` when nobody is signed in. */
export async function getSequenceCustomerId(request: Request): Promise<string | null> {
  const cookie = request.headers.get('Cookie') ?? '';
  const sessionId = /(?:^|;\s*)session=([^;]+)/.exec(cookie)?.[1];
  return sessionId === undefined ? null : (sessions.get(sessionId)?.sequenceCustomerId ?? null);
}

import type { ResolvedCorsOptions } from './options';

/**
 * CORS headers for an actual request, or none. With CORS off (the default)
 * or an origin that is not allowed, nothing is added and the browser's
 * same-origin policy does the rest.
 */
export function corsHeaders(cors: ResolvedCorsOptions | null, request: Request): Record<string, string> {
  if (cors === null) return {};
  const origin = request.headers.get('Origin');
  // The answer depends on Origin whether or not it is allowed, so caches must key on it.
  if (origin === null || !cors.isAllowed(origin)) return { Vary: 'Origin' };
  return {
    'Access-Control-Allow-Origin': origin,
    Vary: 'Origin',
    ...(cors.credentials ? { 'Access-Control-Allow-Credentials': 'true' } : {}),
  };
}

/** Whether a request is a CORS preflight (`OPTIONS` with `Access-Control-Request-Method`). */
export function isPreflight(request: Request): boolean {
  return request.method === 'OPTIONS' && request.headers.has('Access-Control-Request-Method');
}

/** The answer to a preflight for a route allowing `methods`, when CORS is on. */
export function preflightResponse(cors: ResolvedCorsOptions, request: Request, methods: readonly string[]): Response {
  const headers = corsHeaders(cors, request);
  if (headers['Access-Control-Allow-Origin'] !== undefined) {
    headers['Access-Control-Allow-Methods'] = methods.join(', ');
    headers['Access-Control-Allow-Headers'] = cors.allowHeaders.join(', ');
    headers['Access-Control-Max-Age'] = String(cors.maxAgeSeconds);
  }
  return new Response(null, { status: 204, headers });
}

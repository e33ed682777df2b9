// What the HTTP server (server/http-server.ts) hands every loader and action, and the
// single-fetch typing that Remix v2 needs declared once.
declare module '@remix-run/node' {
  interface AppLoadContext {
    /** Per-response nonce that the Content-Security-Policy allows scripts to carry. */
    cspNonce: string;
    /** The client's address as the server resolved it (honours TRUST_PROXY). */
    clientIp: string;
  }
  interface Future {
    v3_singleFetch: true;
  }
}

export {};

// The production HTTP server: Express in front of the Remix build, adding security headers,
// compression, static files and the per-request context (CSP nonce, client address).
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { createRequestHandler, writeReadableStreamToWritable, type ServerBuild } from '@remix-run/node';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import { pinoHttp } from 'pino-http';
import { newFormKey } from '#app/platform/crypto/form-key.server.ts';
import { MULTIPART_MAX_BYTES } from '#app/platform/http/read-form.server.ts';
import { projectRoot } from './local-data.ts';
import { logger } from './logger.ts';
import { metricsEndpoint, requestMetrics } from './metrics.ts';
import { routePattern } from './route-pattern.ts';
import { createSharedPageCache, pageBody, SERVER_ONLY_HEADERS, type SharedPage } from './shared-pages.ts';
import type { Health } from './health.ts';
import type { Server } from 'node:http';

export interface HttpServerOptions {
  port: number;
  production: boolean;
  /** Express "trust proxy" setting: set when behind a load balancer so rate limits see real clients. */
  trustProxy: string | undefined;
  /** PUBLIC_BASE_URL: when set, a form's Origin must be this site's. */
  publicBaseUrl: string | undefined;
  health: Health;
  metrics: { allow: string; token: string | undefined };
}

function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    // react-aria adds one small <style> at run time, carrying the nonce it reads from <meta property="csp-nonce">.
    `style-src-elem 'self' 'nonce-${nonce}'`,
    // react-aria positions visually hidden inputs with style attributes.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}

function securityHeaders(production: boolean) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const nonce = randomBytes(16).toString('base64');
    res.locals.cspNonce = nonce;
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    if (production) res.setHeader('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
    next();
  };
}

/**
 * Cross-site request forgery: browsers send Sec-Fetch-Site (and Origin) with every POST. A
 * state-changing request from another site is refused before it reaches any action; together
 * with SameSite=Lax cookies this protects every form without per-form tokens.
 */
export function isCrossSiteWrite(
  method: string,
  headers: { secFetchSite?: string; origin?: string; host?: string },
  publicBaseUrl?: string,
): boolean {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return false;
  if (headers.secFetchSite && headers.secFetchSite !== 'same-origin' && headers.secFetchSite !== 'none') return true;
  if (!headers.origin) return false;
  try {
    const origin = new URL(headers.origin);
    // Where the site's address is known, that is the only origin forms may come from: the Host
    // header can be whatever a proxy forwarded.
    if (publicBaseUrl) return origin.origin !== new URL(publicBaseUrl).origin;
    // Otherwise the browser's own word (Sec-Fetch-Site) is enough; without it, Origin and Host.
    if (headers.secFetchSite) return false;
    return headers.host !== undefined && origin.host !== headers.host;
  } catch {
    return true;
  }
}

/**
 * Request bodies are read by the app itself (Remix), not by an Express body parser, so no limit
 * stood in the way of uploads. These caps refuse, before any byte is read, a body that declares
 * more than any form here can need: a multipart form carries at most 5 files of 10 MB that are
 * kept (app/features/attachments/upload-form.server.ts streams and drops the rest, so a few files
 * too many still get a clear message rather than this refusal); every other form is text.
 */
export const BODY_LIMITS = { multipart: MULTIPART_MAX_BYTES, other: 4 * 1024 * 1024 } as const;

export function bodyTooLarge(contentType: string | undefined, contentLength: string | undefined): boolean {
  if (!contentLength) return false;
  const length = Number(contentLength);
  if (!Number.isFinite(length)) return true;
  const multipart = (contentType ?? '').toLowerCase().startsWith('multipart/form-data');
  return length > (multipart ? BODY_LIMITS.multipart : BODY_LIMITS.other);
}

function limitBodySize(req: Request, res: Response, next: NextFunction) {
  if (bodyTooLarge(req.get('content-type'), req.get('content-length'))) {
    res.status(413).type('text/plain').send('Request too large');
    discardRest(req);
    return;
  }
  next();
}

/** How long the rest of a refused body is read and thrown away before the connection is cut. */
const DISCARD_MS = 10_000;

/**
 * Reads the rest of a body the app has refused (413, or a malformed form) and throws it away, so
 * the client, still sending, can read the answer: closing at once would reset the connection
 * under it. Memory stays flat; a client that goes on past DISCARD_MS is cut off.
 */
function discardRest(req: Request): void {
  if (req.complete) return;
  req.removeAllListeners('data');
  req.on('data', () => undefined);
  req.resume();
  const timer = setTimeout(() => req.socket.destroy(), DISCARD_MS);
  timer.unref();
  req.once('end', () => clearTimeout(timer));
  req.once('close', () => clearTimeout(timer));
}

/**
 * The request body for Remix, read only as fast as the app reads it (backpressure). When the app
 * stops reading (a cap reached, a malformed form), the rest is discarded rather than the
 * connection destroyed, which is what @remix-run/express's own reader does.
 */
function requestBody(req: Request): ReadableStream<Uint8Array> {
  // Once the app has cancelled the stream, the request's late events must not touch it.
  let open = true;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.on('data', (chunk: Buffer) => {
          if (!open) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.once('end', () => {
          if (open) controller.close();
          open = false;
        });
        req.once('error', (error) => {
          if (open) controller.error(error);
          open = false;
        });
        req.pause();
      },
      pull() {
        req.resume();
      },
      cancel() {
        open = false;
        discardRest(req);
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
}

function requestHeaders(req: Request): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const one of value) headers.append(name, one);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

async function sendResponse(res: Response, response: globalThis.Response): Promise<void> {
  res.status(response.status);
  for (const [name, value] of response.headers) if (name !== 'set-cookie' && !SERVER_ONLY_HEADERS.has(name)) res.append(name, value);
  for (const cookie of response.headers.getSetCookie()) res.append('Set-Cookie', cookie);
  if (response.headers.get('Content-Type')?.match(/text\/event-stream/i)) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

function sendSharedPage(res: Response, page: SharedPage): void {
  res.status(page.status);
  for (const [name, value] of page.headers) res.append(name, value);
  res.send(pageBody(page, { nonce: String(res.locals.cspNonce), formKey: newFormKey }));
}

/** A web Request for Remix from Express's (as @remix-run/express builds it, but with requestBody). */
function remixRequest(req: Request, res: Response): globalThis.Request {
  const url = new URL(`${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`);
  // Loaders and actions stop when the client has gone before the answer was written.
  const controller = new AbortController();
  let finished = false;
  res.on('finish', () => (finished = true));
  res.on('close', () => {
    if (!finished) controller.abort();
  });
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new globalThis.Request(url.href, {
    method: req.method,
    headers: requestHeaders(req),
    signal: controller.signal,
    ...(hasBody ? { body: requestBody(req), duplex: 'half' } : {}),
  });
}

function rejectCrossSiteWrites(publicBaseUrl: string | undefined) {
  return (req: Request, res: Response, next: NextFunction) => {
    const headers = { secFetchSite: req.get('sec-fetch-site'), origin: req.get('origin'), host: req.get('host') };
    if (isCrossSiteWrite(req.method, headers, publicBaseUrl)) {
      res.status(403).type('text/plain').send('Cross-site request refused');
      return;
    }
    next();
  };
}

/** One log line per request: an id (also sent back as X-Request-Id), the route pattern, status and time. */
function requestLog() {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const id = randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    // Only what says how the service is doing: no headers, cookies, queries or bodies.
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, route: routePattern(req.url.split('?')[0] ?? '/') }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
    autoLogging: {
      ignore: (req) => (req.url ?? '').startsWith('/build/') || ['/livez', '/healthz', '/readyz', '/metrics'].includes(req.url ?? ''),
    },
  });
}

export async function startHttpServer(build: ServerBuild, options: HttpServerOptions): Promise<Server> {
  const app = express();
  app.disable('x-powered-by');
  if (options.trustProxy) app.set('trust proxy', options.trustProxy);
  app.use(requestMetrics);
  app.use(requestLog());
  app.use(options.health.router);
  app.get('/metrics', metricsEndpoint(options.metrics));
  app.use(compression());
  app.use(securityHeaders(options.production));
  app.use(rejectCrossSiteWrites(options.publicBaseUrl));
  app.use(limitBodySize);
  // Fingerprinted assets never change; the rest of public/ is cached briefly.
  app.use('/build', express.static(path.join(projectRoot, 'public/build'), { immutable: true, maxAge: '1y' }));
  app.use(express.static(path.join(projectRoot, 'public'), { maxAge: '1h' }));
  // Browsers ask for /favicon.ico whatever the page says; ours is an SVG.
  app.get('/favicon.ico', (_req, res) => res.redirect(301, '/favicon.svg'));
  const handleRequest = createRequestHandler(build, options.production ? 'production' : 'development');
  const sharedPages = createSharedPageCache();
  app.all('*', (req, res, next) => {
    const context = { cspNonce: String(res.locals.cspNonce), clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown' };
    const render = () => handleRequest(remixRequest(req, res), context);
    sharedPages.noteRequest(req, res);
    const key = sharedPages.keyFor(req);
    const cached = key === null ? undefined : sharedPages.get(key);
    if (cached) {
      sendSharedPage(res, cached);
      return;
    }
    (key === null ? render().then((response) => ({ response })) : sharedPages.fill(key, context.cspNonce, render))
      .then(async (answer) => {
        if ('page' in answer) sendSharedPage(res, answer.page);
        else await sendResponse(res, answer.response);
        // A body the app did not read to its end (refused early) is drained, not left to block the connection.
        discardRest(req);
      })
      .catch(next);
  });
  return await new Promise((resolve) => {
    const server = app.listen(options.port, () => {
      logger.info(`Petition Desk listening on http://localhost:${options.port}`);
      resolve(server);
    });
  });
}

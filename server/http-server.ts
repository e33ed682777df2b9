// The production HTTP server: Express in front of the Remix build, adding security headers,
// compression, static files and the per-request context (CSP nonce, client address).
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { createRequestHandler } from '@remix-run/express';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import { pinoHttp } from 'pino-http';
import { projectRoot } from './local-data.ts';
import { logger } from './logger.ts';
import { metricsEndpoint, requestMetrics } from './metrics.ts';
import { routePattern } from './route-pattern.ts';
import type { Health } from './health.ts';
import type { ServerBuild } from '@remix-run/node';
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
export const BODY_LIMITS = { multipart: 128 * 1024 * 1024, other: 4 * 1024 * 1024 } as const;

export function bodyTooLarge(contentType: string | undefined, contentLength: string | undefined): boolean {
  if (!contentLength) return false;
  const length = Number(contentLength);
  if (!Number.isFinite(length)) return true;
  const multipart = (contentType ?? '').toLowerCase().startsWith('multipart/form-data');
  return length > (multipart ? BODY_LIMITS.multipart : BODY_LIMITS.other);
}

function limitBodySize(req: Request, res: Response, next: NextFunction) {
  if (bodyTooLarge(req.get('content-type'), req.get('content-length'))) {
    res.status(413).set('Connection', 'close').type('text/plain').send('Request too large');
    return;
  }
  next();
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
  app.all(
    '*',
    createRequestHandler({
      build,
      mode: options.production ? 'production' : 'development',
      getLoadContext: (req, res) => ({
        cspNonce: String(res.locals.cspNonce),
        clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
      }),
    }),
  );
  return await new Promise((resolve) => {
    const server = app.listen(options.port, () => {
      logger.info(`Petition Desk listening on http://localhost:${options.port}`);
      resolve(server);
    });
  });
}

// The production HTTP server: Express in front of the Remix build, adding security headers,
// compression, static files and the per-request context (CSP nonce, client address).
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Server } from 'node:http';
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import { projectRoot } from './local-data.ts';

export interface HttpServerOptions {
  port: number;
  production: boolean;
  /** Express "trust proxy" setting: set when behind a load balancer so rate limits see real clients. */
  trustProxy: string | undefined;
  log: (message: string) => void;
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
export function isCrossSiteWrite(method: string, headers: { secFetchSite?: string; origin?: string; host?: string }): boolean {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return false;
  if (headers.secFetchSite) return headers.secFetchSite !== 'same-origin' && headers.secFetchSite !== 'none';
  if (!headers.origin || !headers.host) return false;
  try {
    return new URL(headers.origin).host !== headers.host;
  } catch {
    return true;
  }
}

function rejectCrossSiteWrites(req: Request, res: Response, next: NextFunction) {
  if (isCrossSiteWrite(req.method, { secFetchSite: req.get('sec-fetch-site'), origin: req.get('origin'), host: req.get('host') })) {
    res.status(403).type('text/plain').send('Cross-site request refused');
    return;
  }
  next();
}

export async function startHttpServer(build: ServerBuild, options: HttpServerOptions): Promise<Server> {
  const app = express();
  app.disable('x-powered-by');
  if (options.trustProxy) app.set('trust proxy', options.trustProxy);
  app.use(compression());
  app.use(securityHeaders(options.production));
  app.use(rejectCrossSiteWrites);
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
      options.log(`Petition Desk listening on http://localhost:${options.port}`);
      resolve(server);
    });
  });
}

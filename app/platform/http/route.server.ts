// Where the refusals of features become HTTP statuses: route loaders and actions are wrapped in
// `route()`, so a NotFoundError deep in a feature is a 404 page (not a 500), and a ForbiddenError a
// 403, rendered by the nearest error boundary. Write `export const loader = /* @__PURE__ */ route(...)`:
// this module is empty in the browser bundle, which keeps unmarked top-level calls (the page would
// fail to hydrate); marked, the call and the server code in it are dropped there.
import { z } from 'zod';
import { ForbiddenError, NotFoundError } from './errors.ts';
import { NO_STORE } from './headers.ts';

export function notFound(): never {
  throw new Response('Not Found', { status: 404 });
}

export function forbidden(): never {
  throw new Response('Forbidden', { status: 403 });
}

export function badRequest(reason = 'Bad Request'): never {
  throw new Response(reason, { status: 400 });
}

/**
 * The HTTP answer for an error a feature threw, or the error itself when it is not a refusal.
 * Never stored: what is not there for one visitor (no track session yet) may be there for the next.
 */
export function toHttpError(error: unknown): unknown {
  if (error instanceof NotFoundError) return new Response('Not Found', { status: 404, headers: NO_STORE });
  if (error instanceof ForbiddenError) return new Response('Forbidden', { status: 403, headers: NO_STORE });
  return error;
}

/** Wraps a loader or an action; its return type (and so useLoaderData's) is unchanged. */
export function route<Args, Result>(handler: (args: Args) => Promise<Result>): (args: Args) => Promise<Result> {
  return async (args: Args) => {
    try {
      return await handler(args);
    } catch (error) {
      throw toHttpError(error);
    }
  };
}

/** The kinds of URL parameter the routes take, each with its check. */
const PARAM_KINDS = {
  uuid: z.uuid(),
  /** An ISO week, 2026-W09 (the weekly reports). */
  isoWeek: z.string().regex(/^\d{4}-W\d{2}$/),
} as const;
export type ParamKind = keyof typeof PARAM_KINDS;

/**
 * URL parameters, checked: a malformed id names no page, so it is a 404 like any other id that
 * is not there. Routes name each parameter's kind (`{ caseId: 'uuid' }`), not a zod schema: a
 * schema built at a route module's top level would pull zod into that page's browser bundle.
 */
export function parseParams<K extends string>(params: Record<string, string | undefined>, kinds: Record<K, ParamKind>): Record<K, string> {
  const shape = Object.fromEntries(Object.entries<ParamKind>(kinds).map(([name, kind]) => [name, PARAM_KINDS[kind]]));
  const parsed = z.object(shape).safeParse(params);
  if (!parsed.success) notFound();
  return parsed.data as Record<K, string>;
}

import { Transform } from 'node:stream';
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { isbot } from 'isbot';
import { renderToPipeableStream } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { localeFromRequest } from './i18n/locale.server.ts';
import { namespacesForPath } from './i18n/resources.ts';
import { renderingI18n } from './i18n/translate.server.ts';
import { serviceTimeZone } from './platform/time/service-time-zone.server.ts';
import { NonceContext } from './ui/nonce.tsx';
import { TimeZoneContext } from './ui/time-zone.tsx';
import './platform/http/load-context.ts';

const ABORT_DELAY = 5_000;

/**
 * React 18.3's streaming renderer can emit a NUL byte at a chunk boundary next to multi-byte
 * (Chinese) text (facebook/react#31134). NUL never belongs in our HTML, so drop it.
 */
function withoutNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, chunk.includes(0) ? chunk.filter((byte) => byte !== 0) : chunk);
    },
  });
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const locale = localeFromRequest(request);
  const namespaces = namespacesForPath(new URL(request.url).pathname);
  const i18n = await renderingI18n(locale, namespaces);
  const nonce = loadContext.cspNonce;
  // Bots and no-JS readers get the whole document at once; browsers get the shell early.
  const waitForAll = isbot(request.headers.get('user-agent') ?? '');

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <TimeZoneContext.Provider value={serviceTimeZone()}>
          <I18nextProvider i18n={i18n}>
            <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
          </I18nextProvider>
        </TimeZoneContext.Provider>
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          shellRendered = true;
          const body = withoutNulBytes();
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
          responseHeaders.set('Content-Language', locale);
          responseHeaders.append('Vary', 'Cookie, Accept-Language');
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY + 1000);
  });
}

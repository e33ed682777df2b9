// A file to download, as the response of a route: saved by the browser (Content-Disposition
// attachment), never kept by a cache, its name given in ASCII and in UTF-8 (RFC 6266).
import { NO_STORE } from './headers.ts';

export interface DownloadFile {
  fileName: string;
  contentType: string;
  body: string | Uint8Array;
}

export function fileResponse(file: DownloadFile): Response {
  const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  // A byte body is handed over as the ArrayBuffer it views (the DOM types take no generic Uint8Array).
  const body = typeof file.body === 'string' ? file.body : (file.body.slice().buffer as ArrayBuffer);
  return new Response(body, {
    status: 200,
    headers: {
      ...NO_STORE,
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    },
  });
}

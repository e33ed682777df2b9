// A layout's main landmark: the skip link's target, the status area that shows the flash notice of
// the page after a change (platform/http/notice.server.ts) once, then the page itself. The status
// area is always there, so screen readers announce what appears in it.
import { Outlet } from '@remix-run/react';

export function LayoutMain({ className, notice, noticeClassName }: { className: string; notice: string | null; noticeClassName: string }) {
  return (
    <main id="main-content" className={className} tabIndex={-1}>
      <div role="status" className="flash">
        {notice ? <p className={noticeClassName}>{notice}</p> : null}
      </div>
      <Outlet />
    </main>
  );
}

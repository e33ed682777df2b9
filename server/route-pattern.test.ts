import { describe, expect, it } from 'vitest';
import { routePattern } from './route-pattern.ts';

describe('routePattern', () => {
  it('keeps no ids, receipt numbers or queries', () => {
    expect(routePattern('/office/cases/0b1f6c0e-8a5d-4f5e-9a43-5d2b6c1e2f3a')).toBe('/office/cases/:id');
    expect(routePattern('/office/reception/0b1f6c0e-8a5d-4f5e-9a43-5d2b6c1e2f3a/appointments/7f1f6c0e-8a5d-4f5e-9a43-5d2b6c1e2f3a')).toBe(
      '/office/reception/:id/appointments/:id',
    );
    expect(routePattern('/track/XF-2612-KPTG-TPW0')).toBe('/track/:id');
    expect(routePattern('/submit')).toBe('/submit');
    expect(routePattern('/')).toBe('/');
  });

  it('counts single-fetch data requests with their page, and assets as one', () => {
    expect(routePattern('/track/case.data')).toBe('/track/case');
    expect(routePattern('/_root.data')).toBe('/_root');
    expect(routePattern('/build/_assets/app-Y7H5NODQ.css')).toBe('/build/*');
  });
});

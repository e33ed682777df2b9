import { flatRoutes } from 'remix-flat-routes';

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  // Routes come from remix-flat-routes below: folders group them (portal, office, office sign-in, resources).
  ignoredRouteFiles: ['**/*'],
  routes: async (defineRoutes) =>
    flatRoutes('routes', defineRoutes, {
      ignoredRouteFiles: ['**/.*', '**/*.test.{ts,tsx}'],
    }),
  serverModuleFormat: 'esm',
  serverPlatform: 'node',
  // ESM-only packages that the classic compiler must bundle rather than require, and the app's own
  // `#app/*` imports (package.json "imports"), which it would otherwise take for packages.
  serverDependenciesToBundle: [/^#app\//, /^react-aria/, /^@react-aria/, /^@react-stately/, /^@internationalized/, /^@react-types/],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
    v3_routeConfig: false,
  },
};

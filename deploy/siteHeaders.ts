/**
 * The HTTP headers the published site is served with: the ONE source for the nginx configuration
 * (`nginxConfig.ts` → `deploy/nginx.conf`) and for the `_headers` file of static hosts
 * (Netlify, Cloudflare Pages), which the build writes into `dist/` (`hostingPlugin.ts`).
 *
 * - Security headers on every response: a Content-Security-Policy that lets the page, its search
 *   worker and its service worker load only the site's own files (no inline script, no eval, no
 *   remote picture, no plugin, no frame), `nosniff`, no referrer, no powerful features.
 * - Cache-Control by path: names that carry a content hash (Vite's `assets/`, the bundle's data
 *   files and images) are kept a year; everything else (`index.html` and the in-app addresses it
 *   answers, `sw.js`, both manifests, icons) is revalidated on every use, so that a deploy is seen
 *   at once.
 */
import { BUNDLE_DIR, BUNDLE_MANIFEST } from '../src/core/format';

/**
 * The Content-Security-Policy, directive by directive.
 *
 * - `script-src 'self'`: the app's own modules only; nothing inline (Vite writes none: no
 *   module-preload polyfill, no registration snippet), never `eval`. A `<script>` or an `on…`
 *   attribute that reached an article body would not run.
 * - `style-src 'self'`: the built stylesheet. Neither the app nor Solid writes `style` attributes
 *   into markup (Solid sets styles through the CSSOM, which CSP does not govern), and the
 *   librarian's sanitiser removes them from bodies.
 * - `img-src 'self'`: icons and the pictures the archive keeps (`bundle/images/`). An old body
 *   that still names a remote picture shows the placeholder the reader shows for a picture it
 *   could not load, with a link to the original: the archive never fetches from elsewhere.
 * - `connect-src`, `worker-src`, `manifest-src`, `form-action` `'self'`: the bundle's files, the
 *   search worker and the service worker, the web app manifest, the search form.
 * - `default-src 'none'`, `object-src 'none'`, `base-uri 'none'`, `frame-ancestors 'none'`:
 *   anything else (fonts, frames, media, plugins, a `<base>` element) is refused, and no other
 *   site may frame the archive.
 */
export const CSP_DIRECTIVES: readonly (readonly [directive: string, ...sources: string[]])[] = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['manifest-src', "'self'"],
  ['form-action', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** The policy as one header value; `reportUri` adds a `report-uri` (the tests collect violations with it). */
export function contentSecurityPolicy(reportUri?: string): string {
  const directives = reportUri ? [...CSP_DIRECTIVES, ['report-uri', reportUri]] : CSP_DIRECTIVES;
  return directives.map((parts) => parts.join(' ')).join('; ');
}

/** How the policy is sent: `reportUri` as {@link contentSecurityPolicy}; `reportOnly` reports violations without blocking (to try a changed policy). */
export interface PolicyOptions {
  reportUri?: string;
  reportOnly?: boolean;
}

/** Headers sent with every response, errors included. */
export function securityHeaders(policy: PolicyOptions = {}): [name: string, value: string][] {
  return [
    [policy.reportOnly ? 'Content-Security-Policy-Report-Only' : 'Content-Security-Policy', contentSecurityPolicy(policy.reportUri)],
    ['X-Content-Type-Options', 'nosniff'],
    // The reader's searches are in the address (`/search?q=…`): no site an article links to learns them.
    ['Referrer-Policy', 'no-referrer'],
    ['Permissions-Policy', 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()'],
  ];
}

export const CACHE_FOREVER = 'public, max-age=31536000, immutable';
export const CACHE_REVALIDATE = 'no-cache';

/**
 * Cache-Control by path below the base, in order, the last match winning; a path no rule matches
 * is revalidated ({@link CACHE_REVALIDATE}). `prefix: true` matches every path under it. Every
 * file under `assets/` is named by Vite with a content hash, and every file under `bundle/` but
 * its manifest by the librarian (`src/core/format.ts`); `src/buildOutput.test.ts` checks both.
 */
export const CACHE_RULES: readonly { path: string; prefix?: true; cacheControl: string }[] = [
  { path: 'assets/', prefix: true, cacheControl: CACHE_FOREVER },
  { path: `${BUNDLE_DIR}/`, prefix: true, cacheControl: CACHE_FOREVER },
  { path: `${BUNDLE_DIR}/${BUNDLE_MANIFEST}`, cacheControl: CACHE_REVALIDATE },
];

/** The Cache-Control of a path below the base (`assets/index-Dagv_6gl.js`, `sw.js`, `articles/2017/11/x`). */
export function cacheControlFor(path: string): string {
  let value = CACHE_REVALIDATE;
  for (const rule of CACHE_RULES) if (rule.prefix ? path.startsWith(rule.path) : path === rule.path) value = rule.cacheControl;
  return value;
}

/**
 * Checks that a base path is absolute and ends with `/` (`/`, `/news/`): the service worker's
 * scope, the web app manifest and the server's locations all hang on it.
 */
export function checkBase(base: string): string {
  if (!/^\/([^/?#\s]+\/)*$/.test(base)) throw new Error(`deploy: base "${base}" must be an absolute path that starts and ends with "/" (e.g. /news/)`);
  return base;
}

/**
 * The `_headers` file of Netlify and Cloudflare Pages for a site built with `base`. Both apply
 * every rule whose path matches; for a header set by two rules Cloudflare joins the values unless
 * the later rule detaches it (`! Cache-Control`), and Netlify takes the later rule's value and
 * skips the detach line (a line with no colon). So each Cache-Control rule detaches the one
 * before, and both hosts serve exactly one value.
 */
export function staticHostHeaders(base: string): string {
  checkBase(base);
  const lines = [
    '# Offline News Archive: response headers for Netlify and Cloudflare Pages, written by the build',
    '# from deploy/siteHeaders.ts (the same rules as deploy/nginx.conf). Keep this file at the root',
    `# of the published folder; its paths include the base the app was built for (${base}).`,
    `${base}*`,
    `  Cache-Control: ${CACHE_REVALIDATE}`,
    ...securityHeaders().map(([name, value]) => `  ${name}: ${value}`),
  ];
  for (const rule of CACHE_RULES) lines.push(`${base}${rule.path}${rule.prefix ? '*' : ''}`, '  ! Cache-Control', `  Cache-Control: ${rule.cacheControl}`);
  return `${lines.join('\n')}\n`;
}

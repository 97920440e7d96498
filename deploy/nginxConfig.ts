/**
 * The nginx site of the archive, written from the rules of `siteHeaders.ts`: `deploy/nginx.conf`
 * is this function's output for the defaults (`src/buildOutput.test.ts` checks it is up to date),
 * and the end-to-end tests run nginx on its output for their port, folder and base.
 */
import { CACHE_RULES, cacheControlFor, checkBase, type PolicyOptions, securityHeaders } from './siteHeaders';
import { BUNDLE_DIR } from '../src/core/format';

export interface NginxSiteOptions {
  /** The base the app was built with (`vite build --base /news/`); default `/`. */
  base?: string;
  /** The folder whose `<base>` is the built site: for base `/`, the built folder itself. */
  root?: string;
  serverName?: string;
  /** `listen` addresses; default port 80 on IPv4 and IPv6. */
  listen?: string[];
  /** nginx's brotli module (Debian: libnginx-mod-http-brotli-static) serves the `.br` files; default true. */
  brotli?: boolean;
  /** Where violations of the Content-Security-Policy are reported, and whether only reported (the end-to-end tests use both). */
  policy?: PolicyOptions;
}

export const NGINX_DEFAULTS = {
  base: '/',
  root: '/var/www/news-archive',
  serverName: 'news.example.org',
  listen: ['80', '[::]:80'],
} as const;

/** The map variable holding each path's Cache-Control. */
const CACHE_VARIABLE = '$news_archive_cache_control';

function quoted(value: string): string {
  if (/["\\$]/.test(value)) throw new Error(`deploy: header value ${value} would need escaping in nginx.conf`);
  return `"${value}"`;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An http-level `map` and a `server` block serving the built archive under `base`. */
export function nginxSiteConfig(options: NginxSiteOptions = {}): string {
  const base = checkBase(options.base ?? NGINX_DEFAULTS.base);
  const root = options.root ?? NGINX_DEFAULTS.root;
  const listen = options.listen ?? NGINX_DEFAULTS.listen;
  // Exact paths take precedence over regular expressions in a map, and the first matching
  // expression wins: prefix rules in reverse order, so that the later rule wins as in CACHE_RULES.
  const exact = CACHE_RULES.filter((rule) => !rule.prefix).map((rule) => `    ${base}${rule.path} ${quoted(cacheControlFor(rule.path))};`);
  const prefixes = CACHE_RULES.filter((rule) => rule.prefix)
    .reverse()
    .map((rule) => `    "~^${escapeRegExp(`${base}${rule.path}`)}" ${quoted(rule.cacheControl)};`);
  const headers = securityHeaders(options.policy).map(([name, value]) => `        add_header ${name} ${quoted(value)} always;`);
  return `# Offline News Archive: the nginx site for the app built with base ${base}.
# Written by deploy/printNginxConfig.ts from deploy/siteHeaders.ts (the headers of the _headers file
# the build writes for static hosts); print one for another base, folder or name with
#   npx tsx deploy/printNginxConfig.ts --base /news/ --root /var/www/html --server-name news.example.org
# Install: copy to /etc/nginx/sites-available/news-archive, link it from sites-enabled, set
# server_name and root, then \`nginx -t && systemctl reload nginx\`. Service workers need HTTPS:
# \`certbot --nginx -d <your name>\` adds the certificate and the TLS listener to this server.
# The map below belongs to nginx's http block, as every file in sites-enabled is.

# Cache-Control by path: names with a content hash are kept a year; everything else (index.html
# and the in-app addresses it answers, sw.js, both manifests, icons) is revalidated on every use.
map $uri ${CACHE_VARIABLE} {
    default "no-cache";
${[...exact, ...prefixes].join('\n')}
}

server {
${listen.map((address) => `    listen ${address};`).join('\n')}
    server_name ${options.serverName ?? NGINX_DEFAULTS.serverName};
    # The folder the site's ${base} is in${base === '/' ? ' (the built dist/ folder itself)' : `: the build goes in <root>${base}`}.
    root ${root};

    location ${base} {
        charset utf-8;
        # The build writes name.gz and name.br beside each text file: sent to clients that accept them.
        gzip_static on;
${options.brotli === false ? '' : '        brotli_static on;  # needs libnginx-mod-http-brotli-static (Debian); without it delete this line\n'}        gzip_vary on;

        # No "always" on Cache-Control: a 404 must not be kept for a year.
        add_header Cache-Control ${CACHE_VARIABLE};
${headers.join('\n')}

        # In-app addresses (/articles/2017/11/slug, /archive/2017, /search?q=…) are answered with
        # the app, which routes them: a first visit has no service worker to do it yet.
        try_files $uri ${base}index.html;

        # Debian's mime.types has no type for .webmanifest.
        location = ${base}manifest.webmanifest {
            types { application/manifest+json webmanifest; }
        }
        # Scripts, styles and the archive's data files: a missing one is a 404, never the app.
        location ^~ ${base}assets/ {
            try_files $uri =404;
        }
        location ^~ ${base}${BUNDLE_DIR}/ {
            try_files $uri =404;
        }
        # Names starting with a dot (librarian publish's record and its temporary files): never served.
        location ~ "/\\." {
            return 404;
        }
        # Any other file (sw.js, icons, robots.txt): the same.
        location ~ "\\.[A-Za-z0-9]+$" {
            try_files $uri =404;
        }
    }
}
`;
}

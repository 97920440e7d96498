/**
 * Prints the nginx site of the archive (`nginxConfig.ts`) for a base, folder and server name:
 *   npx tsx deploy/printNginxConfig.ts --base /news/ --root /var/www/html --server-name news.example.org
 * With no option it prints `deploy/nginx.conf`.
 */
import { parseArgs } from 'node:util';
import { NGINX_DEFAULTS, nginxSiteConfig } from './nginxConfig';

try {
  const { values } = parseArgs({
    options: {
      base: { type: 'string', default: NGINX_DEFAULTS.base },
      root: { type: 'string', default: NGINX_DEFAULTS.root },
      'server-name': { type: 'string', default: NGINX_DEFAULTS.serverName },
      listen: { type: 'string', multiple: true },
      'no-brotli': { type: 'boolean', default: false },
    },
  });
  process.stdout.write(
    nginxSiteConfig({ base: values.base, root: values.root, serverName: values['server-name'], listen: values.listen, brotli: !values['no-brotli'] }),
  );
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}

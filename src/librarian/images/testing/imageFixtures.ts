import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../../..');

/**
 * Real images for the image tests (see FIXTURES.md): a photo, a chart wider than 1,200 px, a
 * small GIF logo, and the app's own icons.
 */
export const imageFixtures = {
  /** JPEG photo, 720 × 477 (the Rust Embedded Book's STM32F3 Discovery board). */
  photo: path.join(here, 'discovery-board.jpg'),
  /** PNG chart, 2,100 × 2,100 (Node.js contributing docs). */
  chart: path.join(here, 'scatter-plot.png'),
  /** GIF, 180 × 68 (libxslt's logo). */
  logo: path.join(here, 'libxslt-logo.gif'),
  /** PNG, 192 × 192: this app's icon. */
  icon: path.join(root, 'public/icons/icon-192.png'),
  /** SVG: this app's icon. */
  iconSvg: path.join(root, 'public/icons/icon.svg'),
  /** An animated GIF of 783 frames from pyenv's install, when this machine has it (543 KB: not copied). */
  animatedGif: '/root/.pyenv/install_local_python.gif',
};

const made: string[] = [];

/** A new temporary folder, removed by {@link removeTempDirs}. */
export async function tempDir(prefix = 'images-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** An HTTP server on 127.0.0.1 answering by path; counts requests per path. */
export async function serveImages(routes: Record<string, Route>): Promise<{ base: string; hits: Map<string, number>; close: () => Promise<void> }> {
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    hits.set(url, (hits.get(url) ?? 0) + 1);
    const route = routes[url];
    if (!route) {
      res.statusCode = 404;
      res.end('not here');
      return;
    }
    void route(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A route that answers with a file's bytes. */
export function serveFile(file: string, type: string): Route {
  return async (_req, res) => {
    const bytes = await readFile(file);
    res.writeHead(200, { 'content-type': type, 'content-length': bytes.byteLength });
    res.end(bytes);
  };
}

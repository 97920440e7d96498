import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUNDLE_DIR, BUNDLE_MANIFEST, type BundleManifest } from '../../../core/format';
import { buildArchiveBundle } from '../../bundle/readArchiveImages';
import { writeBundle } from '../../bundle/writeBundle';
import { importSources } from '../../import/importSources';
import { HUFFPOST_MAPPING } from '../../sources/readJsonRecords';
import { CORPORA_DIR, SEED_FILES, SEEDS_META, seedsPresent, tempArchive } from '../../testing/tempArchive';

const HUFFPOST_FILE = path.join(CORPORA_DIR, 'huffpost-news-category/News_Category_Dataset_v3.newest9999.jsonl');
export const siteBuildsPossible = seedsPresent && existsSync(HUFFPOST_FILE);

/** A built site: its directory and every file in it (relative, `/`-separated), with the bundle manifest. */
export interface SiteBuild {
  dir: string;
  manifest: BundleManifest;
  files: string[];
}

const hash8 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 8);

/**
 * Three editions as a librarian makes them, each a real build of a real archive: the seed pages
 * (edition 1), then one day of HuffPost records imported (edition 2), then another (edition 3).
 * The bundle is `librarian build`'s; the app shell around it is small and made here (an
 * `index.html` loading a content-hashed script, `sw.js` naming the bundle's edition, the web app
 * manifest, gzip siblings as a precompressing build writes them), since the unit tests run
 * before `vite build` does. `e2e/publishDuringSave.spec.ts` publishes real `vite build` output.
 */
export async function buildThreeEditions(): Promise<{ editions: [SiteBuild, SiteBuild, SiteBuild]; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'publish-builds-'));
  const archive = await tempArchive();
  const lines = readFileSync(HUFFPOST_FILE, 'utf8').split('\n');
  const editions: SiteBuild[] = [];
  for (const [n, day] of [null, '2022-09-22', '2022-09-23'].entries()) {
    if (day === null) await importSources({ archiveDir: archive.dir, files: SEED_FILES, metaFile: SEEDS_META });
    else {
      const file = path.join(root, `huffpost-${day}.jsonl`);
      await writeFile(file, `${lines.filter((line) => line.includes(`"date": "${day}"`)).join('\n')}\n`);
      await importSources({ archiveDir: archive.dir, files: [file], mapping: HUFFPOST_MAPPING });
    }
    const dir = path.join(root, `edition-${n + 1}`);
    await writeBundle(await buildArchiveBundle(archive.dir), path.join(dir, BUNDLE_DIR));
    const manifest = JSON.parse(await readFile(path.join(dir, BUNDLE_DIR, BUNDLE_MANIFEST), 'utf8')) as BundleManifest;
    // The app changes with every edition here, as a release of new code would.
    const script = `console.log('app of edition ${n + 1}');\n`;
    const scriptFile = `assets/index-${hash8(script)}.js`;
    const shell: Record<string, string> = {
      [scriptFile]: script,
      'index.html': `<!doctype html><title>News</title><script type="module" crossorigin src="/${scriptFile}"></script>\n`,
      // Workbox's precache list as vite-plugin-pwa injects it.
      'sw.js': `self.__WB_MANIFEST = [${[
        { revision: manifest.edition, url: 'bundle/manifest.json' },
        { revision: String(n + 1), url: 'index.html' },
        { revision: null, url: scriptFile },
        { revision: '1', url: 'manifest.webmanifest' },
      ]
        .map((entry) => JSON.stringify(entry))
        .join(',')}];\n`,
      'manifest.webmanifest': '{"name":"News","start_url":"/","scope":"/"}\n',
      'robots.txt': 'User-agent: *\n',
    };
    for (const [name, content] of Object.entries(shell)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), content);
      if (name.endsWith('.html') || name.endsWith('.js')) await writeFile(path.join(dir, `${name}.gz`), gzipSync(content));
    }
    const files = [
      ...Object.keys(shell),
      `${scriptFile}.gz`,
      'index.html.gz',
      'sw.js.gz',
      `${BUNDLE_DIR}/${BUNDLE_MANIFEST}`,
      ...manifest.files.map((f) => `${BUNDLE_DIR}/${f.name}`),
    ].sort();
    editions.push({ dir, manifest, files });
  }
  return {
    editions: editions as [SiteBuild, SiteBuild, SiteBuild],
    cleanup: async () => {
      await archive.cleanup();
      await rm(root, { recursive: true, force: true });
    },
  };
}

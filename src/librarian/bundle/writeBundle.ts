import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BUNDLE_MANIFEST } from '../../core/format';
import type { Bundle } from './buildBundle';

/**
 * Writes a bundle into `outDir` (replacing it) atomically: everything goes to a sibling temporary
 * directory first, which is renamed into place only when complete, so an interrupted build never
 * leaves a half-written bundle behind.
 */
export async function writeBundle(bundle: Bundle, outDir: string): Promise<void> {
  const parent = path.dirname(path.resolve(outDir));
  await mkdir(parent, { recursive: true });
  const tmp = path.join(parent, `.${path.basename(outDir)}.tmp-${process.pid}-${Date.now()}`);
  await mkdir(tmp, { recursive: true });
  try {
    for (const [name, content] of bundle.files) await writeFile(path.join(tmp, name), content);
    for (const [name, source] of bundle.images) {
      await mkdir(path.dirname(path.join(tmp, name)), { recursive: true });
      await copyFile(source, path.join(tmp, name));
    }
    await writeFile(path.join(tmp, BUNDLE_MANIFEST), JSON.stringify(bundle.manifest));
    const old = `${tmp}.old`;
    await rename(outDir, old).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
    await rename(tmp, outDir);
    await rm(old, { recursive: true, force: true });
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}

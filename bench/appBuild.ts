/**
 * The reader app built with another archive: `vite build --outDir <tmp>` with NEWS_ARCHIVE_DIR
 * (read by vite.config.ts). Never into the project's dist/, which others use.
 */
import path from 'node:path';
import { runChild } from './runChild';

export interface AppBuild {
  seconds: number;
  /** The build's error (the archive bundle plugin's message when it refused the archive). */
  refused?: string;
}

/** Builds the app into `outDir`; `archiveDir` undefined means the default `archive/`. */
export async function buildApp(outDir: string, archiveDir?: string, timeoutMs = 20 * 60_000): Promise<AppBuild> {
  const vite = path.join(process.cwd(), 'node_modules/.bin/vite');
  const env: NodeJS.ProcessEnv = { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' };
  // The benchmark's host compresses on its own (bench/staticServer.ts): no .gz/.br files to write.
  env.NEWS_PRECOMPRESS = '0';
  if (archiveDir) env.NEWS_ARCHIVE_DIR = archiveDir;
  else delete env.NEWS_ARCHIVE_DIR;
  // A 100,000-article bundle is built inside Vite's process: give it room.
  env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --max-old-space-size=8192`.trim();
  const { code, stdout, stderr, seconds } = await runChild(vite, ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { env }, timeoutMs);
  const output = stdout + stderr;
  if (code === 0) return { seconds };
  // Vite prints "error during build:", then the plugin's name, then "RolldownError: <message>".
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
  const after = lines.slice(Math.max(0, lines.findIndex((line) => line.startsWith('error during build'))));
  const message = after.find((line) => /^\w*Error: /.test(line))?.replace(/^\w*Error: /, '');
  const reason = message ?? (code === null ? `killed after ${(timeoutMs / 1000).toFixed(0)} s` : (after[1] ?? `exit code ${code}`));
  return { seconds, refused: reason };
}

/**
 * The librarian's `build` command (src/librarian/cli.ts → readArchive → buildBundle →
 * writeBundle) on an archive on disk, as a child process: wall time, articles per second and the
 * child's peak RSS (getrusage, reported by `reportPeakRss.cjs`). A build that fails is a figure
 * too: `refused` holds the librarian's message.
 */
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runChild } from './runChild';

export interface LibrarianBuild {
  seconds: number;
  articlesPerSecond: number;
  peakRssMiB?: number;
  /** The CLI's own timing line ("Built edition …"), when it printed one. */
  cliLine?: string;
  /** Why the librarian refused, when it exited with an error. */
  refused?: string;
}

const ROOT = process.cwd();

/** Runs `librarian build --archive <archiveDir> --out <outDir>` and measures it. */
export async function librarianBuild(archiveDir: string, outDir: string, articles: number, timeoutMs = 15 * 60_000): Promise<LibrarianBuild> {
  const rssFile = path.join(os.tmpdir(), `news-bench-rss-${process.pid}-${Date.now()}`);
  const args = [
    '--require', path.join(ROOT, 'bench/reportPeakRss.cjs'),
    '--import', 'tsx',
    path.join(ROOT, 'src/librarian/cli.ts'), 'build', '--archive', archiveDir, '--out', outDir,
  ];
  // As a librarian runs it: Node's default heap, not the larger one `npm run bench` gives itself.
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_PEAK_RSS_FILE: rssFile };
  delete env.NODE_OPTIONS;
  const { code, stdout, stderr, seconds } = await runChild(process.execPath, args, { cwd: ROOT, env }, timeoutMs);
  const peakKiB = Number(await readFile(rssFile, 'utf8').catch(() => ''));
  await rm(rssFile, { force: true });
  const figures: LibrarianBuild = {
    seconds,
    articlesPerSecond: articles / seconds,
    peakRssMiB: peakKiB > 0 ? peakKiB / 1024 : undefined,
    cliLine: stdout.split('\n').find((line) => line.startsWith('Built edition')),
  };
  if (code !== 0) {
    const reason = stderr.split('\n').find((line) => /^\s*\w[\w ]*: /.test(line) || /Error/.test(line))?.trim() ?? `exit code ${code}`;
    figures.refused = code === null ? `killed after ${(timeoutMs / 1000).toFixed(0)} s` : reason.replace(/^Error: /, '');
  }
  return figures;
}

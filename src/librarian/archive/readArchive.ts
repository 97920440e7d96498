import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  ARCHIVE_META_PATH,
  type ArchiveMetaFile,
  type ArchiveMonthFile,
} from '../../core/format';
import {
  type ArchiveProblem,
  assertValidArchive,
  validateArchiveMeta,
  validateArchiveMonth,
} from '../../core/validateArchive';

/** An archive read from disk and validated. */
export interface LoadedArchive {
  dir: string;
  meta: ArchiveMetaFile;
  /** Oldest month first. */
  months: ArchiveMonthFile[];
}

async function readJson(file: string, label: string): Promise<{ data?: unknown; problem?: ArchiveProblem }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    return { problem: { file: label, record: null, field: null, message: `cannot read: ${(err as Error).message}` } };
  }
  try {
    return { data: JSON.parse(text) };
  } catch (err) {
    return { problem: { file: label, record: null, field: null, message: `not valid JSON: ${(err as Error).message}` } };
  }
}

/**
 * Reads `archive.json` and every `articles/YYYY-MM.json` under `dir` and validates them all.
 * Throws an `ArchiveValidationError` naming every bad file, record and field.
 */
export async function readArchive(dir: string): Promise<LoadedArchive> {
  const problems: ArchiveProblem[] = [];
  const metaResult = await readJson(path.join(dir, ARCHIVE_META_PATH), ARCHIVE_META_PATH);
  if (metaResult.problem) assertValidArchive([metaResult.problem]);
  problems.push(...validateArchiveMeta(ARCHIVE_META_PATH, metaResult.data));
  assertValidArchive(problems);
  const meta = metaResult.data as ArchiveMetaFile;

  const articlesDir = path.join(dir, 'articles');
  let names: string[] = [];
  try {
    names = (await readdir(articlesDir)).filter((n) => n.endsWith('.json')).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const months: ArchiveMonthFile[] = [];
  const knownIds = new Map<string, string>();
  for (const name of names) {
    const label = `articles/${name}`;
    const result = await readJson(path.join(articlesDir, name), label);
    if (result.problem) {
      problems.push(result.problem);
      continue;
    }
    const fileProblems = validateArchiveMonth(label, result.data, meta, knownIds);
    const month = (result.data as ArchiveMonthFile).month;
    if (fileProblems.length === 0 && name !== `${month}.json`) {
      fileProblems.push({ file: label, record: null, field: 'month', message: `file of month ${month} must be named ${month}.json` });
    }
    problems.push(...fileProblems);
    if (fileProblems.length === 0) months.push(result.data as ArchiveMonthFile);
  }
  assertValidArchive(problems);
  return { dir, meta, months };
}

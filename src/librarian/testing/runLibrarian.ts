import { execFile } from 'node:child_process';
import path from 'node:path';

const TSX = path.resolve('node_modules/.bin/tsx');
const CLI = path.resolve('src/librarian/cli.ts');

/**
 * Runs the librarian's CLI in a child process without blocking this one (a test's own HTTP
 * server goes on answering it), and resolves with its exit code and output.
 */
export function runLibrarian(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(TSX, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr });
    });
  });
}

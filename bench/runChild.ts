/**
 * Runs a child process to its end for a benchmark: its output collected, killed after a time
 * limit, timed from start to exit.
 */
import { spawn, type SpawnOptions } from 'node:child_process';

export interface ChildRun {
  /** Exit code; null when it was killed (the time limit). */
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

export async function runChild(command: string, args: readonly string[], options: Omit<SpawnOptions, 'stdio'>, timeoutMs: number): Promise<ChildRun> {
  const started = performance.now();
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  return { code, stdout, stderr, seconds: (performance.now() - started) / 1000 };
}

// Adds up the summary lines of the test runners in a `npm test` log (Vitest's "Tests  N passed
// (M)" lines and Playwright's "N passed (…)" / "N failed" lines) into one closing line.
import { readFileSync } from 'node:fs';

const text = readFileSync(process.argv[2], 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
let passed = 0;
let failed = 0;
let skipped = 0;
for (const line of text.split('\n')) {
  const vitest = /^\s*Tests\s+(.*)\(\d+\)\s*$/.exec(line);
  if (vitest) {
    passed += Number(/(\d+) passed/.exec(vitest[1])?.[1] ?? 0);
    failed += Number(/(\d+) failed/.exec(vitest[1])?.[1] ?? 0);
    skipped += Number(/(\d+) skipped/.exec(vitest[1])?.[1] ?? 0);
    continue;
  }
  const pw = /^\s*(\d+) (passed|failed|skipped|flaky)( \(.*\))?\s*$/.exec(line);
  if (pw) {
    const n = Number(pw[1]);
    if (pw[2] === 'passed' || pw[2] === 'flaky') passed += n;
    else if (pw[2] === 'failed') failed += n;
    else skipped += n;
  }
}
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);

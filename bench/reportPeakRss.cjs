// Preloaded (node --require) into a child process the benchmark measures: on exit, writes the
// process's peak resident set size (KiB, from getrusage) to the file BENCH_PEAK_RSS_FILE names.
const { writeFileSync } = require('node:fs');

const file = process.env.BENCH_PEAK_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));

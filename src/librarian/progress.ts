/**
 * Progress for long imports: a redrawn bar when stderr is a terminal, plain lines (at most one
 * per 5%) when it is not, so that logs stay readable.
 */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): (done: number, total: number, file: string) => void {
  let lastPercent = -1;
  return (done, total, file) => {
    if (total < 2) return;
    const percent = Math.floor((done / total) * 100);
    if (stream.isTTY) {
      const width = 24;
      const filled = Math.round((done / total) * width);
      const name = file.length > 40 ? `…${file.slice(-39)}` : file;
      stream.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} ${name}`.padEnd(90));
      if (done === total) stream.write('\n');
    } else if (percent >= lastPercent + 5 || done === total) {
      lastPercent = percent;
      stream.write(`import: ${done}/${total} files (${percent}%)\n`);
    }
  };
}

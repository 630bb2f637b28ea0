// Preloaded into a benchmarked child process: writes its peak resident memory (KiB) to the
// file named by ISDECK_PEAK_RSS_FILE when it exits, so the benchmark can print it.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const file = process.env.ISDECK_PEAK_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});

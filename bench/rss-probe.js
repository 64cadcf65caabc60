'use strict';
// Loaded into every node process of a benchmarked command (NODE_OPTIONS=--require): on exit it
// appends the process's peak resident set size to the file named by BENCH_RSS_FILE.
const fs = require('fs');
const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const line = JSON.stringify({ pid: process.pid, argv: process.argv.slice(1, 3), maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 });
    fs.appendFileSync(file, `${line}\n`);
  });
}

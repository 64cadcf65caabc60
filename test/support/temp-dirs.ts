/**
 * Jest setup (setupFilesAfterEnv): every temporary folder a test file creates under the system temp
 * folder with fs.mkdtempSync (its own, and cdktf's Testing.app() outdirs) is removed after the file's
 * tests, so `npm test` leaves nothing behind.
 */
import * as os from 'os';
import * as path from 'path';

// The module object itself (an `import * as` namespace would be a copy): what every other module's require('fs') returns.
const fs = require('fs') as typeof import('fs');

const created: string[] = [];
const mkdtempSync = fs.mkdtempSync;
const tmp = fs.realpathSync(os.tmpdir());

fs.mkdtempSync = ((prefix: string, options?: Parameters<typeof mkdtempSync>[1]) => {
  const dir = mkdtempSync(prefix, options) as string;
  const real = fs.realpathSync(dir);
  if (real.startsWith(`${tmp}${path.sep}`)) {
    created.push(dir);
  }
  return dir;
}) as typeof fs.mkdtempSync;

afterAll(() => {
  for (const dir of created.splice(0)) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * Runs the command line in-process and collects its output (no cdktf is loaded).
 */
import { main } from '../../lib/report/cli';

/** The exit code and what the command line wrote. */
export async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

/**
 * One app with N whitespace platform stacks, synthesized in this process: `node bench/fleet.js N outdir`.
 */
import { App } from 'cdktf';
import { buildWhitespace } from '../examples/whitespace/stack';

const count = Number(process.argv[2] ?? '1');
const outdir = process.argv[3] ?? 'cdktf.out.fleet';
const app = new App({ outdir });
for (let i = 0; i < count; i++) {
  buildWhitespace(app, `whitespace-${String(i).padStart(2, '0')}`, { environment: `fleet${String(i).padStart(2, '0')}` });
}
app.synth();

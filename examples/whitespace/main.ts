import { App } from 'cdktf';
import { buildWhitespace } from './stack';

const app = new App();
buildWhitespace(app);
app.synth();

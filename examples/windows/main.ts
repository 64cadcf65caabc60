import { App } from 'cdktf';
import { buildWindows } from './stack';

const app = new App();
buildWindows(app);
app.synth();

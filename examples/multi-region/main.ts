import { App } from 'cdktf';
import { buildMultiRegion } from './stack';

const app = new App();
buildMultiRegion(app);
app.synth();

import { App } from 'cdktf';
import { buildMinimal } from './stack';

const app = new App();
buildMinimal(app);
app.synth();

// The sections below the notebook's opening (sections/index.js), by id, in one module: the production
// build makes it one chunk, fetched once the first screen is built. (A chunk per section cost the
// first screen a request for every combination of sections that shares a module: 35 requests.)
import stepper from './stepper.js';
import criteria from '../chapters/ch3-criteria.js';
import sigmoid from '../chapters/ch4-sigmoid.js';
import tanh from '../chapters/ch5-tanh.js';
import relu from '../chapters/ch6-relu.js';
import leakyRelu from '../chapters/ch7-leaky-relu.js';
import prelu from '../chapters/ch8-prelu.js';
import summary from '../chapters/ch9-summary.js';
import init from '../chapters/ch10-init.js';
import output from '../chapters/ch11-output.js';
import modern from '../chapters/ch12-modern.js';
import lab from './lab.js';
import playground from './playground.js';
import glossary from './glossary.js';

export default Object.fromEntries([
  stepper, criteria, sigmoid, tanh, relu, leakyRelu, prelu, summary, init, output, modern, lab, playground, glossary,
].map((section) => [section.id, section]));

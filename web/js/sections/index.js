// The notebook's sections, in reading order. Adding a chapter is one import and one entry.
// Chapters 1–12 (web/js/chapters/; 1–9 issue 5, 10–12 issue 14) follow "about"; the stepper section is chapter 2, inside
// its chapter frame. The comparison lab and the training playground (issue 4) follow, and
// the glossary (issue 14) comes last.
import about from './about.js';
import why from '../chapters/ch1-why.js';
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

export const sections = [about, why, stepper, criteria, sigmoid, tanh, relu, leakyRelu, prelu, summary, init, output, modern, lab, playground, glossary];

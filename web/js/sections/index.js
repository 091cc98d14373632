// The notebook's sections, in reading order. Adding a chapter is one import and one entry.
import about from './about.js';
import stepper from './stepper.js';

export const sections = [about, stepper];

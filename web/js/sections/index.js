// The notebook's sections, in reading order: each one's id (its anchor and its part of the link),
// its title's locale key, and the module that builds it. A section's code is imported only when the
// page builds it (the production build puts each in its own chunk), so the first screen does not
// wait for the code of the lab or the playground. Adding a chapter is one entry here.
// Chapters 1–12 (web/js/chapters/) follow "about"; the stepper section is chapter 2, inside its
// chapter frame. The comparison lab and the training playground follow, and the glossary comes last.
const chapter = (id, load) => ({ id, titleKey: `chapter.${id}.title`, load });

export const sections = [
  { id: 'about', titleKey: 'section.about.title', load: () => import('./about.js') },
  chapter('why', () => import('../chapters/ch1-why.js')),
  { id: 'stepper', titleKey: 'section.stepper.title', load: () => import('./stepper.js') },
  chapter('criteria', () => import('../chapters/ch3-criteria.js')),
  chapter('sigmoid', () => import('../chapters/ch4-sigmoid.js')),
  chapter('tanh', () => import('../chapters/ch5-tanh.js')),
  chapter('relu', () => import('../chapters/ch6-relu.js')),
  chapter('leaky-relu', () => import('../chapters/ch7-leaky-relu.js')),
  chapter('prelu', () => import('../chapters/ch8-prelu.js')),
  chapter('summary', () => import('../chapters/ch9-summary.js')),
  chapter('init', () => import('../chapters/ch10-init.js')),
  chapter('output', () => import('../chapters/ch11-output.js')),
  chapter('modern', () => import('../chapters/ch12-modern.js')),
  { id: 'lab', titleKey: 'lab.section.title', load: () => import('./lab.js') },
  { id: 'playground', titleKey: 'pg.section.title', load: () => import('./playground.js') },
  { id: 'glossary', titleKey: 'glossary.title', load: () => import('./glossary.js') },
];

/** The section an entry names ({id, titleKey, hash?, mount}), its module fetched once. */
export async function loadSection(entry) {
  const section = (await entry.load()).default;
  if (section.id !== entry.id || section.titleKey !== entry.titleKey) {
    throw new Error(`sections/index.js: the entry '${entry.id}' loads the section '${section.id}' (${section.titleKey})`);
  }
  return section;
}

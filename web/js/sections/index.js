// The notebook's sections, in reading order: each one's id (its anchor and its part of the link),
// its title's locale key, and how its module is had. The opening ("about" and chapter 1) comes with
// the page's own code; every section below it is in below.js, one module the page fetches once the
// first screen is built, so the first screen does not wait for the code of the lab or the playground.
// Adding a chapter is one entry here and one import in below.js.
// Chapters 1–12 (web/js/chapters/) follow "about"; the stepper section is chapter 2, inside its
// chapter frame. The comparison lab and the training playground follow, and the glossary comes last.
import about from './about.js';
import why from '../chapters/ch1-why.js';

const opening = (section) => async () => ({ default: section });
const below = (id) => async () => ({ default: (await import('./below.js')).default[id] });
const chapter = (id, load = below(id)) => ({ id, titleKey: `chapter.${id}.title`, load });

export const sections = [
  { id: 'about', titleKey: 'section.about.title', load: opening(about) },
  chapter('why', opening(why)),
  { id: 'stepper', titleKey: 'section.stepper.title', load: below('stepper') },
  chapter('criteria'),
  chapter('sigmoid'),
  chapter('tanh'),
  chapter('relu'),
  chapter('leaky-relu'),
  chapter('prelu'),
  chapter('summary'),
  chapter('init'),
  chapter('output'),
  chapter('modern'),
  { id: 'lab', titleKey: 'lab.section.title', load: below('lab') },
  { id: 'playground', titleKey: 'pg.section.title', load: below('playground') },
  { id: 'glossary', titleKey: 'glossary.title', load: below('glossary') },
];

/** The section an entry names ({id, titleKey, hash?, mount}), its module fetched once. */
export async function loadSection(entry) {
  const section = (await entry.load()).default;
  if (!section || section.id !== entry.id || section.titleKey !== entry.titleKey) {
    const found = section ? `the section '${section.id}' (${section.titleKey})` : 'no section';
    throw new Error(`sections/index.js: the entry '${entry.id}' loads ${found}`);
  }
  return section;
}

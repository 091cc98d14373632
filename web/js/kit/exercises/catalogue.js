// The one list of exercises. Each chapter's exercises are in chapters/ch<N>.js; adding an exercise
// is an entry there (and its strings in web/locales/exercises/), nothing else. An exercise:
//
//   id        'prelu-alpha-gradient': unique, a–z 0–9 and '-'; it names the exercise in links,
//             in <actlab-exercise exercise="…"> and in the learner's saved progress
//   chapter   the chapter it belongs to (1–12): set here, from the file it is in
//   kind      'numeric' | 'formula' | 'experiment'
//   generate(random) → numbers
//             the variant's numbers, from random = seededRandom(seed) (random.grid, pick, integer);
//             seed 1 is the exercise's first variant. They fill the {name}s of its strings.
//   figure(numbers) → TeX           optional: the network or the data, drawn with its numbers
//   solve(engine, numbers) → the engine's answer for exactly this variant:
//     numeric     {answer, tolerance: {abs, rel}, work}
//     formula     {variables: ['t'], points: [{t: …}, …], expected: [f at each point], work}
//     experiment  {work}: a setting that meets the condition, as the solution shows it
//   experiment only:
//     fields: [{name, kind: 'number', min, max, initial} | {name, kind: 'choice', options, initial}]
//     run(engine, numbers, input) → {ok, work}: the engine runs the learner's setting and checks it
//
// `work` holds named numbers for the solution's text (and an experiment's result line).
// Strings, in web/locales/exercises/{en,zh-CN}.json: exercise.<id>.title, .prompt, .hint1, .hint2,
// .solution (and .result for experiments, .answerLabel for formulas: the left-hand side, e.g. "σ′ =").
// Fields of experiments are labelled by exercise.<id>.field.<name>.
import ch1 from './chapters/ch1.js';
import ch2 from './chapters/ch2.js';
import ch3 from './chapters/ch3.js';
import ch4 from './chapters/ch4.js';
import ch5 from './chapters/ch5.js';
import ch6 from './chapters/ch6.js';
import ch7 from './chapters/ch7.js';
import ch8 from './chapters/ch8.js';
import ch9 from './chapters/ch9.js';
import ch10 from './chapters/ch10.js';
import ch11 from './chapters/ch11.js';
import ch12 from './chapters/ch12.js';

export const EXERCISE_KINDS = Object.freeze(['numeric', 'formula', 'experiment']);

const BY_CHAPTER = [ch1, ch2, ch3, ch4, ch5, ch6, ch7, ch8, ch9, ch10, ch11, ch12];

export const EXERCISES = Object.freeze(BY_CHAPTER.flatMap((list, k) => list.map((exercise) => ({ ...exercise, chapter: k + 1 }))));
export const EXERCISE_IDS = Object.freeze(EXERCISES.map((exercise) => exercise.id));

export function exerciseById(id) {
  return EXERCISES.find((exercise) => exercise.id === id) || null;
}

export function exercisesOfChapter(chapter) {
  return EXERCISES.filter((exercise) => exercise.chapter === chapter);
}

/** "4.2": the exercise's chapter and its place among that chapter's exercises. */
export function exerciseNumber(exercise) {
  return `${exercise.chapter}.${exercisesOfChapter(exercise.chapter).indexOf(exercise) + 1}`;
}

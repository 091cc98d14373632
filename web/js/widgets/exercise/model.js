// One exercise variant and the learner's work on it: its numbers (from the seed), the engine's
// answer for exactly those numbers, and checking an answer. Every check counts as an attempt in
// the saved progress; a right one marks the exercise solved.
import { seededRandom } from '../../kit/exercises/random.js';
import { readAnswer, within } from '../../kit/exercises/answer.js';
import { checkFormula } from '../../kit/exercises/formula.js';
import { progressOf, updateProgress } from '../../kit/exercises/progress.js';

/** The variant's numbers and the engine's solution (throws the engine's error). */
export function openVariant(engine, exercise, seed) {
  const numbers = exercise.generate(seededRandom(seed));
  return { numbers, solution: exercise.solve(engine, numbers) };
}

/** Reads an experiment's fields: {input} or {problem: {field, text, allowed}}. */
function readFields(exercise, texts) {
  const input = {};
  for (const field of exercise.fields) {
    const text = texts[field.name] ?? String(field.initial);
    if (field.kind === 'choice') {
      if (!field.options.includes(text)) return { problem: { field, text, kind: 'choice' } };
      input[field.name] = text;
      continue;
    }
    const read = readAnswer(text);
    if (read.problem) return { problem: { field, text, kind: read.problem } };
    if (read.value < field.min || read.value > field.max) return { problem: { field, text, kind: 'range' } };
    input[field.name] = read.value;
  }
  return { input };
}

/**
 * Checks the learner's answer. `answer` is the typed text (numeric, formula) or {field: text}
 * (experiment). Returns {outcome: 'refused' | 'wrong' | 'right', …details for the message}; a
 * refused answer (empty, unreadable, out of range) is not an attempt.
 */
export async function checkAnswer(engine, exercise, variant, answer) {
  let result;
  if (exercise.kind === 'numeric') {
    const read = readAnswer(answer);
    if (read.problem) return { outcome: 'refused', problem: read.problem, text: answer };
    const { answer: expected, tolerance } = variant.solution;
    result = { outcome: within(read.value, expected, tolerance) ? 'right' : 'wrong', value: read.value, tolerance };
  } else if (exercise.kind === 'formula') {
    const { variables, points, expected, tolerance } = variant.solution;
    const checked = await checkFormula(answer, { variables, points, expected, tolerance });
    if (checked.ok) result = { outcome: 'right', count: points.length };
    else if (checked.problem === 'wrong') result = { outcome: 'wrong', ...checked };
    else return { outcome: 'refused', ...checked, variables };
  } else {
    const read = readFields(exercise, answer);
    if (read.problem) return { outcome: 'refused', ...read.problem };
    const run = exercise.run(engine, variant.numbers, read.input);
    result = { outcome: run.ok ? 'right' : 'wrong', work: run.work };
  }
  const record = updateProgress(exercise.id, (old) => ({
    attempts: old.attempts + 1,
    ...(result.outcome === 'right' && !old.solved ? { solved: true, solvedAt: new Date().toISOString() } : {}),
  }));
  return { ...result, attempts: record.attempts };
}

export const markHint = (exercise, shown) => updateProgress(exercise.id, (old) => ({ hints: Math.max(old.hints, shown) }));
export const markSolution = (exercise) => updateProgress(exercise.id, () => ({ solutionShown: true }));
export { progressOf };

// What a learner has done with each exercise, kept in this browser only (localStorage): attempts,
// hints seen, whether the solution was shown, when it was solved. Nothing here is ever sent
// anywhere; the learner can export it as a file and clear it. A storage that is full, disabled or
// holds something unreadable is treated as empty, never as an error.
const KEY = 'actlab.exercises';
const listeners = new Set();

function storage() {
  try { return window.localStorage; } catch { return null; }
}

function readAll() {
  try {
    const parsed = JSON.parse(storage()?.getItem(KEY) || '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

function writeAll(all) {
  try { storage()?.setItem(KEY, JSON.stringify(all)); } catch { /* full or disabled: kept for this page only */ }
  for (const listener of listeners) listener();
}

/** One exercise's record: {attempts, hints, solutionShown, solved, solvedAt}. */
export function progressOf(id) {
  const record = readAll()[id] || {};
  return {
    attempts: Number.isInteger(record.attempts) ? record.attempts : 0,
    hints: Number.isInteger(record.hints) ? record.hints : 0,
    solutionShown: record.solutionShown === true,
    solved: record.solved === true,
    solvedAt: typeof record.solvedAt === 'string' ? record.solvedAt : null,
  };
}

/** Merge `change(record)` into an exercise's record. */
export function updateProgress(id, change) {
  const all = readAll();
  all[id] = { ...progressOf(id), ...change(progressOf(id)) };
  writeAll(all);
  return all[id];
}

/** {attempted, solved}: how many exercises of `ids` were tried, and solved. */
export function progressSummary(ids) {
  const all = readAll();
  return {
    attempted: ids.filter((id) => all[id] && all[id].attempts > 0).length,
    solved: ids.filter((id) => all[id] && all[id].solved === true).length,
  };
}

/** The whole record as JSON text, for the learner to keep. */
export function exportProgress() {
  return JSON.stringify({ format: 'actlab-exercise-progress', version: 1, exercises: readAll() }, null, 2);
}

export function clearProgress() {
  try { storage()?.removeItem(KEY); } catch { /* nothing to clear */ }
  for (const listener of listeners) listener();
}

/** Called after every change (in this page); returns the function that stops listening. */
export function onProgress(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

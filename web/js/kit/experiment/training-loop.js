// The animation loop around a runner (runner.js): train a few steps, hand the snapshot to the
// widget, wait for the next animation frame, repeat; pause, resume, one step at a time.
//
// Steps per update grow with the step count (about 5 % of the steps so far, at least 1), so the
// first steps, where a dying ReLU network loses its units, play out one batch per frame and a long
// run still finishes in a few seconds; and each update's training is capped by a time budget so
// frames keep coming on a slow machine or for a big network. The engine's results do not depend on
// how the steps are split into calls.
const GROWTH = 0.05;
const RATE_WINDOW = 10; // updates over which the steps-per-second figure is taken

/**
 * Steps in the next update: about GROWTH of the steps so far (at least 1), at most what fits the
 * time budget, and, when measuring the networks after an update takes longer than the budget (a
 * large network), enough steps that training takes about as long as that measurement, so a large
 * run does not spend most of its time measuring. A small network keeps one step per update at the
 * start, so its first steps can be watched. msPerStep, measureMs: 0 while unknown.
 */
export function chunkSize({ step, remaining, budgetMs, msPerStep, measureMs, restoring = false }) {
  const byGrowth = Math.max(1, Math.ceil(step * GROWTH));
  const byBalance = msPerStep > 0 && measureMs > budgetMs ? Math.floor(measureMs / msPerStep) : 0;
  const limit = Math.max(restoring ? budgetMs * 4 : budgetMs, measureMs);
  const byTime = msPerStep > 0 ? Math.max(1, Math.floor(limit / msPerStep)) : (restoring ? 50 : 1);
  return Math.max(1, Math.min(remaining, Math.max(byGrowth, byBalance), byTime));
}

/**
 * Expected wall time (ms) to train from `step` to `target` with this schedule, for a step of
 * msPerStep and a measurement of measureMs after each update (the page draws in parallel).
 */
export function estimateRunMs({ step = 0, target, budgetMs, msPerStep, measureMs }) {
  let at = step;
  let updates = 0;
  while (at < target) {
    at += chunkSize({ step: at, remaining: target - at, budgetMs, msPerStep, measureMs });
    updates += 1;
  }
  return (target - step) * msPerStep + updates * measureMs;
}

function nextFrame() {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => resolve());
    else setTimeout(resolve, 16);
  });
}

/**
 * createTrainingLoop({runner, onOpen(opened), onSnapshot(snapshot), onStatus(status)}) → loop
 *   loop.open(spec, {at})  opens the experiment and, if at > 0, trains to `at` (status 'restoring')
 *   loop.play(target)      trains (animated) until `target` steps; loop.pause(); loop.stepOnce()
 *   loop.status()          {phase, step, target, playing, error, diverged, rate, remainingMs}
 *                          phase: opening | idle | training | pausing | restoring | error; diverged: every
 *                          network diverged, the run stopped at `step`; empty: no data to train on; rate: steps per second over
 *                          the last updates while playing (null otherwise); remainingMs: to `target`
 *   loop.estimateMs(until, {batch, points})   expected time to train to `until` (null until open)
 * onSnapshot gets every snapshot ({step, runs}); onStatus every change of phase or step.
 */
export function createTrainingLoop({ runner, onOpen, onSnapshot, onStatus, budgetMs }) {
  const budget = budgetMs || (runner.kind === 'worker' ? 30 : 12);
  let generation = 0;
  let step = 0;
  let target = 0;
  let playing = false;
  let run = 0; // each play() is one run; pause() ends it, so two loops never overlap
  let phase = 'idle';
  let msPerStep = 0;
  let busy = null; // the promise of the request in flight
  // The request whose snapshot is not shown yet: it may have landed while the loop waits for a frame,
  // so a pause then still waits for it (else "paused at step k" would be said before k moved on).
  let unshown = null;
  let error = null;

  let measureMs = 0;
  let diverged = false; // every network has diverged: the run stopped there
  let empty = false;    // no data to train on (the learner's own points, all erased)
  let stale = false;    // the last snapshot skipped parts that are costly to draw (the playground's unit views)
  let samples = [];     // [{time, step}] of the last updates while playing, for the rate

  /** Steps per second over the last updates of this run (null until two are known). */
  function rate() {
    if (!playing || samples.length < 2) return null;
    const first = samples[0];
    const last = samples[samples.length - 1];
    const seconds = (last.time - first.time) / 1000;
    return seconds > 0 && last.step > first.step ? (last.step - first.step) / seconds : null;
  }

  const status = () => {
    const stepsPerSecond = rate();
    return {
      phase, step, target, playing, error, diverged, empty,
      rate: stepsPerSecond,
      remainingMs: stepsPerSecond ? ((target - step) / stepsPerSecond) * 1000 : null,
    };
  };
  const report = () => { if (onStatus) onStatus(status()); };

  function chunkFor(remaining, { restoring = false } = {}) {
    // Restoring a shared run follows the same schedule, so its curves look like the original's.
    return chunkSize({ step, remaining, budgetMs: budget, msPerStep, measureMs, restoring });
  }

  /** Ask the runner for `steps` more steps; resolves to its result (not yet applied). */
  function request(steps) {
    busy = runner.advance(steps);
    const pending = busy;
    unshown = { steps, result: pending.finally(() => { if (busy === pending) busy = null; }) };
    return unshown;
  }

  /** Apply a finished request: step count, timing, and the snapshot for the widget. */
  function accept(pending, result) {
    const { steps } = pending;
    if (unshown === pending) unshown = null;
    if (steps > 0 && result.trainMs >= 0) {
      const perStep = Math.max(0.001, result.trainMs / steps);
      msPerStep = msPerStep > 0 ? 0.7 * msPerStep + 0.3 * perStep : perStep;
    }
    if (result.snapshot.measureMs >= 0) measureMs = result.snapshot.measureMs;
    step = result.snapshot.step;
    diverged = Boolean(result.snapshot.diverged);
    empty = Boolean(result.snapshot.empty);
    stale = Boolean(result.snapshot.stale);
    if (playing) {
      samples.push({ time: performance.now(), step });
      if (samples.length > RATE_WINDOW) samples.shift();
    }
  }

  async function advance(steps, gen) {
    const pending = request(steps);
    const result = await pending.result;
    if (gen !== generation) return false;
    accept(pending, result);
    onSnapshot(result.snapshot);
    return true;
  }

  function fail(caught, gen) {
    if (gen !== generation) return;
    unshown = null;
    playing = false;
    phase = 'error';
    error = caught;
    report();
  }

  /** When a run stops on a snapshot that skipped costly parts, one more snapshot (0 steps) with all of them. */
  async function completeStale(gen) {
    if (stale && gen === generation) await advance(0, gen);
  }

  async function waitIdle() {
    if (busy) { try { await busy; } catch { /* reported by its caller */ } }
  }

  return {
    status,
    /** Open a new experiment (cancels whatever ran before). Resolves when it is ready. */
    async open(spec, { at = 0 } = {}) {
      generation += 1;
      const gen = generation;
      playing = false;
      error = null;
      unshown = null;
      await waitIdle();
      if (gen !== generation) return false;
      phase = at > 0 ? 'restoring' : 'opening'; // 'idle' only once the networks are there
      step = 0;
      target = at;
      msPerStep = 0;
      measureMs = 0;
      diverged = false;
      report();
      try {
        busy = runner.open(spec);
        const opened = await busy;
        busy = null;
        if (gen !== generation) return false;
        if (onOpen) onOpen(opened);
        step = opened.snapshot.step;
        measureMs = opened.snapshot.measureMs || 0;
        empty = Boolean(opened.snapshot.empty);
        onSnapshot(opened.snapshot);
        while (step < at && !diverged && !empty) {
          if (!(await advance(chunkFor(at - step, { restoring: true }), gen))) return false;
          report();
          await nextFrame();
          if (gen !== generation) return false;
        }
        await completeStale(gen);
        if (gen !== generation) return false;
        phase = 'idle';
        report();
        return true;
      } catch (caught) {
        busy = null;
        fail(caught, gen);
        return false;
      }
    },
    /** Train until `until` steps, one update per animation frame. */
    async play(until) {
      if (playing || diverged || empty || ['error', 'opening', 'restoring', 'pausing'].includes(phase)) return;
      const gen = generation;
      target = until;
      if (step >= target) return;
      run += 1;
      const myRun = run;
      playing = true;
      phase = 'training';
      samples = [{ time: performance.now(), step }];
      report();
      try {
        await waitIdle();
        if (gen !== generation || run !== myRun) return;
        // Pipelined: the next request is sent before this snapshot is drawn, so the worker trains
        // while the page draws and waits for the next frame. A request in flight when the learner
        // pauses still lands (its steps were taken) and is shown.
        let pending = request(chunkFor(target - step));
        while (pending) {
          const result = await pending.result;
          if (gen !== generation) return;
          accept(pending, result);
          pending = run === myRun && playing && step < target && !diverged ? request(chunkFor(target - step)) : null;
          onSnapshot(result.snapshot);
          report();
          if (pending) await nextFrame();
        }
        if (run === myRun || !playing) await completeStale(gen);
      } catch (caught) {
        fail(caught, gen);
        return;
      }
      if (gen !== generation) return;
      if (run !== myRun) {
        // Paused: the request that was in flight has landed; now the run has really stopped.
        if (!playing && phase === 'pausing') { phase = 'idle'; report(); }
        return;
      }
      playing = false;
      phase = 'idle';
      report();
    },
    /** Stop after the request in flight (phase 'pausing' until it has landed, then 'idle'). */
    pause() {
      if (!playing) return;
      run += 1;
      playing = false;
      phase = busy || unshown ? 'pausing' : 'idle';
      report();
    },
    /** One minibatch step (paused). */
    async stepOnce() {
      if (playing || diverged || empty || ['error', 'opening', 'restoring', 'pausing'].includes(phase)) return;
      const gen = generation;
      try {
        await waitIdle();
        if (gen !== generation || playing) return;
        await advance(1, gen);
        await completeStale(gen);
        report();
      } catch (caught) {
        fail(caught, gen);
      }
    },
    /**
     * Expected time (ms) to train from the current step to `until`, from the time of the last
     * measurement of the networks (known once the experiment is open): a training step on a batch
     * of `batch` examples costs about batch / points of measuring all `points` examples (forward
     * and backward passes of the same networks), until real steps have been timed.
     */
    estimateMs(until, { batch, points }) {
      if (!(measureMs > 0) && !(msPerStep > 0)) return null;
      const perStep = msPerStep > 0 ? msPerStep : Math.max(0.001, measureMs * Math.min(1, batch / points));
      return estimateRunMs({ step, target: until, budgetMs: budget, msPerStep: perStep, measureMs });
    },
    /** Forget the current experiment's loop (the runner stays). */
    cancel() { generation += 1; run += 1; playing = false; },
  };
}

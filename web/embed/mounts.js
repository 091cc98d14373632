// Each embeddable widget's mount function, by the name it has in the table (js/kit/embed/widgets.js),
// loaded only when a page uses that widget. It lives here, above the widgets, because only the
// embed's entry points (actlab-embed.js, widget.js) put widgets on a page by name:
//   mount(root, {lang, initialState, onStateChange, onInvalidState, onSolved}) → controller
// (onSolved({exercise, attempts}): only an exercise calls it, when the learner solves it)
export const MOUNTS = Object.freeze({
  stepper: () => import('../js/widgets/stepper/index.js').then((module) => module.mountStepper),
  'activation-plot': () => import('../js/widgets/activation-plot/index.js').then((module) => module.mountActivationPlot),
  'linear-stack': () => import('../js/widgets/linear-stack/index.js').then((module) => module.mountLinearStack),
  comparison: () => import('../js/widgets/lab/index.js').then((module) => module.mountLab),
  playground: () => import('../js/widgets/playground/index.js').then((module) => module.mountPlayground),
  exercise: () => import('../js/widgets/exercise/index.js').then((module) => module.mountExercise),
});

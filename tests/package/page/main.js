// The page's script: the engine from `actlab`, the elements from `actlab/elements`, nothing configured.
import createActLab from 'actlab';
import 'actlab/elements';

window.actlabEvents = [];
for (const element of document.querySelectorAll('actlab-activation-plot, actlab-stepper')) {
  element.addEventListener('actlab-change', (event) => window.actlabEvents.push({ tag: element.localName, ...event.detail }));
}
const engine = await createActLab();
document.getElementById('engine').value = String(engine.evaluate({ curve: { activation: 'tanh', points: [1] } }).curve.values[0]);

// A tutorial author's typed code against the installed package: `tsc --noEmit` must accept it
// (tests/browser/package.test.mjs runs it in a fresh project that installed the packed tarball),
// and every @ts-expect-error line must really be an error, or tsc fails too.
import createActLab, { WASM_URL, type NetworkRequest, type Session } from 'actlab';
import type { ActlabChangeDetail, ActlabStepperElement } from 'actlab/elements';
import 'actlab/elements';

export async function demo(): Promise<number> {
  const engine = await createActLab();
  const curve = engine.evaluate({ curve: { activation: 'tanh', points: [0, 1] } });
  const value: number | null = curve.curve.values[1];
  const request: NetworkRequest = {
    input_size: 1,
    layers: [{ units: 1, activation: 'sigmoid' }],
    weights: [[[0.8]]],
    biases: [[0.1]],
    inputs: [[1.5]],
    targets: [[1]],
  };
  const response = engine.evaluate(request);
  const loss: number | null | undefined = response.loss;
  const session: Session = engine.createSession({
    input_size: 2,
    layers: [{ units: 4, activation: 'relu' }, { units: 1, activation: 'sigmoid' }],
    loss: 'bce',
    optimiser: { optimiser: 'adam', learning_rate: 0.01 },
    dataset: { kind: 'xor', size: 100 },
  });
  const last: number = session.train(10, 16);
  session.delete();
  const names: string[] = engine.catalogue().map((activation) => activation.name);
  // @ts-expect-error a curve request needs its points
  engine.evaluate({ curve: { activation: 'tanh' } });
  // @ts-expect-error sessions are told their optimiser
  engine.createSession({ input_size: 1, layers: [{ units: 1, activation: 'relu' }] });
  return (value ?? 0) + (loss ?? 0) + last + names.length + WASM_URL.href.length;
}

export function listen(): void {
  const stepper: ActlabStepperElement | null = document.querySelector('actlab-stepper');
  if (!stepper) return;
  stepper.setAttribute('hidden-layers', '3,2');
  // @ts-expect-error attribute values are strings
  stepper.setAttribute('step', 3);
  stepper.addEventListener('actlab-change', (event) => {
    const detail: ActlabChangeDetail = event.detail;
    console.log(detail.widget, detail.attributes['step'], detail.state);
  });
  void stepper.ready.then((running: boolean) => running && stepper.getState());
}

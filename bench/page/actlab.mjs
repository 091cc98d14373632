// W4 page: loads ActLab's engine (web/engine/actlab.js + actlab-core.{js,wasm}) and shows one figure.
import createActLab from '../../web/engine/actlab.js';
import { NETWORK, fail, show } from './figure.mjs';

try {
  const engine = await createActLab();
  show(engine.evaluate(NETWORK).loss);
} catch (error) {
  fail(error);
}

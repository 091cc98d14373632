// The notebook's one activation catalogue. What the engine knows about each activation comes from the
// engine itself (adapter/catalogue.js: the names in the engine's order, each parameter and its default,
// the peak derivative, whether it saturates, its initialisation gain); what only the page knows, how to
// call it and write it, comes from web/locales:
//   activation.<name>       its display name, in every widget;
//   <context>.<name>        a widget's own wording where it needs one (aplot.option.identity is
//                           "Identity (no activation)"), else the display name;
//   activation.tex.<name>   f's symbol in TeX (\operatorname{<display name>} without it).
// So an activation added to the engine appears in every list here, named by its locale strings.
import { ENGINE_CATALOGUE } from '../adapter/catalogue.js';

const BY_NAME = new Map(ENGINE_CATALOGUE.map((entry) => [entry.name, entry]));

/** Every activation's protocol name, in the engine's order. */
export const ACTIVATION_NAMES = Object.freeze(ENGINE_CATALOGUE.map((entry) => entry.name));

/** The engine's entry: {name, parameters: [{name, default, min?, max?, learned?}], peak_derivative, peak_at, saturates, gain}. */
export function activationEntry(name) {
  const entry = BY_NAME.get(name);
  if (!entry) throw new Error(`unknown activation "${name}"`);
  return entry;
}

/** The default of one parameter (Leaky ReLU's slope 0.01, PReLU's α 0.25, …); undefined if it has none by that name. */
export function parameterDefault(name, parameter) {
  return BY_NAME.get(name)?.parameters.find((p) => p.name === parameter)?.default;
}

/** The activation's first parameter ({name, default, …}; Softplus's β before its threshold), or null. */
export function firstParameter(name) {
  return BY_NAME.get(name)?.parameters[0] ?? null;
}

/** Whether a layer learns one of the activation's parameters (PReLU's α). */
export function learnsParameter(name) {
  return BY_NAME.get(name)?.parameters.some((p) => p.learned) ?? false;
}

/** The activation's display name, worded for `context` where the locale has `<context>.<name>`. */
export function activationName(t, name, context) {
  const own = context ? `${context}.${name}` : null;
  return own && t.has(own) ? t(own) : t(`activation.${name}`);
}

/** f's symbol in TeX. */
export function activationTex(t, name) {
  const key = `activation.tex.${name}`;
  return t.has(key) ? t(key) : `\\operatorname{${t(`activation.${name}`)}}`;
}

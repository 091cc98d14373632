// A widget's presets: the article's claims as runs, each a few clicks away.

/**
 * A widget's named presets → {presetState(name), matchingPreset(state)}: a preset's valid state (the
 * default for an unknown name), and which preset a state is, ignoring the steps taken ('custom' if none).
 */
export function presetLookup(presets, validate, defaultState) {
  const presetState = (name) => validate(structuredClone(presets[name] || defaultState()));
  const key = (state) => JSON.stringify({ ...state, at: 0 });
  function matchingPreset(state) {
    for (const name of Object.keys(presets)) if (key(presetState(name)) === key(state)) return name;
    return 'custom';
  }
  return { presetState, matchingPreset };
}

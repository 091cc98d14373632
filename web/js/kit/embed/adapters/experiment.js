// The attributes the comparison lab and the playground share (their codecs share these link keys):
// [attribute, codec key], in the order each adapter lists them around its own network attributes.
export const DATA_ATTRIBUTES = [['data', 'data'], ['size', 'n'], ['noise', 'noise'], ['data-seed', 'dseed']];
export const INITIALISATION_ATTRIBUTES = [['init', 'init'], ['bias', 'bias'], ['seed', 'seed']];
export const TRAINING_ATTRIBUTES = [['optimiser', 'opt'], ['learning-rate', 'lr'], ['batch', 'batch'], ['steps', 'steps'], ['at', 'at']];

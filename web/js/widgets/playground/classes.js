// How the playground tells classes apart: by shape first (a square for class 0, a circle for
// class 1, as the decision-boundary map draws them) and by colour. With two classes the colours are
// the plot theme's two sides (--plot-neg, --plot-pos); more classes will take the Okabe–Ito palette,
// chosen to stay distinguishable with the common colour-vision deficiencies.
export const CLASS_SHAPES = Object.freeze(['square', 'circle', 'triangle', 'diamond', 'cross', 'star', 'hexagon', 'plus']);

/** Okabe & Ito (2008), "Color Universal Design": eight colours, black left out (it is the points' edge). */
export const OKABE_ITO = Object.freeze(['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#999999']);

// How plots tell classes apart: by shape first (a square for class 0, a circle for class 1, a
// triangle for class 2, …) and by colour. With two classes the colours are the plot theme's two
// sides (--plot-neg, --plot-pos); with more, the Okabe–Ito palette, chosen to stay distinguishable
// with the common colour-vision deficiencies.
export const CLASS_SHAPES = Object.freeze(['square', 'circle', 'triangle', 'diamond', 'cross', 'star', 'hexagon', 'plus']);

/** Okabe & Ito (2008), "Color Universal Design": eight colours, black left out (it is the points' edge). */
export const OKABE_ITO = Object.freeze(['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#999999']);

/** The colour of class `k` of `classes`: the theme's two sides for two classes, else Okabe–Ito. */
export function classColour(theme, k, classes) {
  if (classes <= 2) return k === 1 ? theme.positive : theme.negative;
  return OKABE_ITO[k % OKABE_ITO.length];
}

/** A closed path of `shape` centred on (x, y) with radius r, ready to fill or stroke. */
export function shapePath(ctx, shape, x, y, r) {
  const polygon = (corners, rotation = -Math.PI / 2, scale = 1) => {
    for (let i = 0; i < corners; i += 1) {
      const angle = rotation + (2 * Math.PI * i) / corners;
      const px = x + Math.cos(angle) * r * scale;
      const py = y + Math.sin(angle) * r * scale;
      if (i === 0) ctx.moveTo(px, py); else ctx.lineTo(px, py);
    }
    ctx.closePath();
  };
  ctx.beginPath();
  switch (shape) {
    case 'circle': ctx.arc(x, y, r, 0, 2 * Math.PI); break;
    case 'triangle': polygon(3, -Math.PI / 2, 1.2); break;
    case 'diamond': polygon(4, -Math.PI / 2, 1.2); break;
    case 'hexagon': polygon(6, 0, 1.05); break;
    case 'star': {
      for (let i = 0; i < 10; i += 1) {
        const angle = -Math.PI / 2 + (Math.PI * i) / 5;
        const radius = i % 2 === 0 ? r * 1.35 : r * 0.6;
        const px = x + Math.cos(angle) * radius;
        const py = y + Math.sin(angle) * radius;
        if (i === 0) ctx.moveTo(px, py); else ctx.lineTo(px, py);
      }
      ctx.closePath();
      break;
    }
    case 'cross': case 'plus': {
      const w = r * 0.45;
      const arm = r * 1.15;
      const points = [
        [-w, -arm], [w, -arm], [w, -w], [arm, -w], [arm, w], [w, w],
        [w, arm], [-w, arm], [-w, w], [-arm, w], [-arm, -w], [-w, -w],
      ];
      const turn = shape === 'cross' ? Math.PI / 4 : 0;
      points.forEach(([dx, dy], i) => {
        const px = x + dx * Math.cos(turn) - dy * Math.sin(turn);
        const py = y + dx * Math.sin(turn) + dy * Math.cos(turn);
        if (i === 0) ctx.moveTo(px, py); else ctx.lineTo(px, py);
      });
      ctx.closePath();
      break;
    }
    default: ctx.rect(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8); // square
  }
}

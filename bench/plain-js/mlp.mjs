// A small multilayer perceptron in plain JavaScript, written the way a tutorial would write it:
// Float32Array buffers, row-major matrices, one loop per formula. No library, no tricks.
//
//   z[r][j] = b[j] + Σ_i W[j][i] x[r][i]        a = f(z)
//   dz = da · f'(z)      dW[j][i] = Σ_r dz[r][j] x[r][i]      db[j] = Σ_r dz[r][j]
//   dx[r][i] = Σ_j dz[r][j] W[j][i]

export const activations = {
  sigmoid: { f: (z) => 1 / (1 + Math.exp(-z)), df: (z, a) => a * (1 - a) },
  tanh: { f: (z) => Math.tanh(z), df: (z, a) => 1 - a * a },
  relu: { f: (z) => (z > 0 ? z : 0), df: (z) => (z > 0 ? 1 : 0) },
  leaky_relu: { f: (z) => (z > 0 ? z : 0.01 * z), df: (z) => (z > 0 ? 1 : 0.01) },
};

export class Dense {
  /** weights: units × fanIn (row j = weights into unit j), biases: units. */
  constructor(fanIn, units, activation, weights, biases) {
    this.fanIn = fanIn;
    this.units = units;
    this.act = activations[activation];
    this.W = Float32Array.from(weights.flat());
    this.b = Float32Array.from(biases);
    this.dW = new Float32Array(units * fanIn);
    this.db = new Float32Array(units);
  }

  forward(x, batch) {
    const { fanIn, units, W, b, act } = this;
    if (!this.z || this.z.length !== batch * units) {
      this.z = new Float32Array(batch * units);
      this.a = new Float32Array(batch * units);
    }
    this.x = x;
    for (let r = 0; r < batch; r++) {
      for (let j = 0; j < units; j++) {
        let s = b[j];
        for (let i = 0; i < fanIn; i++) s += W[j * fanIn + i] * x[r * fanIn + i];
        this.z[r * units + j] = s;
        this.a[r * units + j] = act.f(s);
      }
    }
    return this.a;
  }

  /** da: ∂L/∂a (or ∂L/∂z when dzGiven). Fills dW and db; returns ∂L/∂x. */
  backward(da, batch, dzGiven = false) {
    const { fanIn, units, W, x, z, a, act } = this;
    const dz = dzGiven ? da : new Float32Array(batch * units);
    if (!dzGiven) for (let k = 0; k < batch * units; k++) dz[k] = da[k] * act.df(z[k], a[k]);
    for (let j = 0; j < units; j++) {
      for (let i = 0; i < fanIn; i++) {
        let s = 0;
        for (let r = 0; r < batch; r++) s += dz[r * units + j] * x[r * fanIn + i];
        this.dW[j * fanIn + i] = s;
      }
      let s = 0;
      for (let r = 0; r < batch; r++) s += dz[r * units + j];
      this.db[j] = s;
    }
    const dx = new Float32Array(batch * fanIn);
    for (let r = 0; r < batch; r++) {
      for (let i = 0; i < fanIn; i++) {
        let s = 0;
        for (let j = 0; j < units; j++) s += dz[r * units + j] * W[j * fanIn + i];
        dx[r * fanIn + i] = s;
      }
    }
    return dx;
  }

  sgd(lr) {
    for (let k = 0; k < this.W.length; k++) this.W[k] -= lr * this.dW[k];
    for (let k = 0; k < this.b.length; k++) this.b[k] -= lr * this.db[k];
  }
}

export class MLP {
  /** layers: [{units, activation}], params: [{weights, biases}] */
  constructor(inputSize, layers, params) {
    let fanIn = inputSize;
    this.layers = layers.map((spec, l) => {
      const layer = new Dense(fanIn, spec.units, spec.activation, params[l].weights, params[l].biases);
      fanIn = spec.units;
      return layer;
    });
  }

  forward(x, batch) {
    let a = x;
    for (const layer of this.layers) a = layer.forward(a, batch);
    return a;
  }

  /** Binary cross-entropy on the sigmoid output, from its logit z: mean of max(z,0) − z·t + log(1 + e^−|z|). */
  bceLoss(t, batch) {
    const out = this.layers[this.layers.length - 1];
    const n = batch * out.units;
    const dz = new Float32Array(n);
    let sum = 0;
    for (let k = 0; k < n; k++) {
      const z = out.z[k];
      sum += Math.max(z, 0) - z * t[k] + Math.log1p(Math.exp(-Math.abs(z)));
      dz[k] = (1 / (1 + Math.exp(-z)) - t[k]) / n;
    }
    return { loss: sum / n, dz };
  }

  /** Mean squared error: mean (a − t)², ∂L/∂a = 2(a − t)/n. */
  mseLoss(t, batch) {
    const out = this.layers[this.layers.length - 1];
    const n = batch * out.units;
    const da = new Float32Array(n);
    let sum = 0;
    for (let k = 0; k < n; k++) {
      const e = out.a[k] - t[k];
      sum += e * e;
      da[k] = (2 * e) / n;
    }
    return { loss: sum / n, da };
  }

  backward(grad, batch, dzGiven) {
    let g = grad;
    for (let l = this.layers.length - 1; l >= 0; l--) {
      g = this.layers[l].backward(g, batch, dzGiven && l === this.layers.length - 1);
    }
  }

  /** One SGD step on a minibatch with the BCE loss; returns the loss before the update. */
  trainStep(x, t, batch, lr) {
    this.forward(x, batch);
    const { loss, dz } = this.bceLoss(t, batch);
    this.backward(dz, batch, true);
    for (const layer of this.layers) layer.sgd(lr);
    return loss;
  }
}

/** ‖dW‖ for every layer (Frobenius norm). */
export function gradientNorms(mlp) {
  return mlp.layers.map((layer) => {
    let s = 0;
    for (let k = 0; k < layer.dW.length; k++) s += layer.dW[k] * layer.dW[k];
    return Math.sqrt(s);
  });
}

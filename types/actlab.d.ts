// Types of ActLab's JavaScript API (dist/engine/actlab.js): `import createActLab from 'actlab'`.
// Requests and responses are those of docs/protocol.md; sessions those of docs/js-api.md. Every
// method throws a plain `Error` whose message names the field and the problem
// (`layers[1].activation: unknown activation "relu6" (…)`); the engine keeps working afterwards.

/** An activation name of the engine's catalogue (`catalogue()` lists them; new ones may be added). */
export type ActivationName =
  | 'identity' | 'sigmoid' | 'tanh' | 'relu' | 'leaky_relu' | 'prelu' | 'elu' | 'gelu' | 'silu' | 'softplus'
  | (string & {});

export type InitScheme =
  | 'zeros' | 'constant' | 'uniform' | 'normal' | 'xavier_uniform' | 'xavier_normal' | 'kaiming_uniform' | 'kaiming_normal';

export type OptimiserName = 'sgd' | 'momentum' | 'adagrad' | 'rmsprop' | 'adam';

export type Loss = 'mse' | 'bce';

export type DatasetKind = 'circle' | 'xor' | 'spirals' | 'gaussians';

/** One layer: units and activation, with the activation's parameters by name. */
export interface LayerSpec {
  units: number;
  activation: ActivationName;
  /** Leaky ReLU's slope (default 0.01). */
  slope?: number;
  /** PReLU's α (a number or one per unit, default 0.25) or ELU's α (default 1). */
  alpha?: number | number[];
  alpha_mode?: 'shared' | 'per_unit';
  /** Softplus. */
  beta?: number;
  threshold?: number;
}

export interface InitSpec {
  scheme: InitScheme;
  seed?: number;
  scale?: number;
  value?: number;
  bias?: number;
}

export interface OptimiserSpec {
  optimiser: OptimiserName;
  learning_rate: number;
  momentum?: number;
  rho?: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  weight_decay?: number;
}

/** A network: what a request and a session both describe. */
export interface NetworkSpec {
  input_size: number;
  layers: LayerSpec[];
  /** Per layer, units × fan_in; needs `biases` too. */
  weights?: number[][][];
  biases?: number[][];
  init?: InitSpec;
  loss?: Loss;
}

export interface NetworkRequest extends NetworkSpec {
  inputs: number[][];
  targets?: number[][];
  saturation_threshold?: number;
  trace?: boolean;
  gradient_check?: boolean;
  update?: OptimiserSpec & { steps: number };
}

export interface CurveRequest {
  curve: { activation: ActivationName; points: number[]; slope?: number; alpha?: number; beta?: number; threshold?: number };
}

export interface DatasetSpec {
  kind: DatasetKind;
  size?: number;
  noise?: number;
  seed?: number;
}

export interface DatasetRequest { dataset: DatasetSpec }

export interface CatalogueRequest { catalogue: Record<string, never> }

export type Request = NetworkRequest | CurveRequest | DatasetRequest | CatalogueRequest;

export interface LayerStatistics {
  saturation_fraction: number;
  sparsity_fraction: number;
  dead_units: number;
  dead_unit_fraction: number;
  pre_activation_mean: number;
  pre_activation_std: number;
  activation_mean: number;
  activation_std: number;
  gradient_norm: number;
  grad_pre_activation_norm: number;
}

/** A number that overflowed is written as null (JSON has no NaN or Infinity). */
export type Value = number | null;

export interface LayerResult {
  weights: Value[][];
  biases: Value[];
  alpha?: Value[];
  pre_activations: Value[][];
  activations: Value[][];
  grad_activations?: Value[][];
  grad_pre_activations?: Value[][];
  grad_weights?: Value[][];
  grad_biases?: Value[];
  grad_alpha?: Value[];
  statistics: LayerStatistics;
}

export interface TraceStep {
  index: number;
  phase: 'forward' | 'backward';
  kind: 'weighted_sum' | 'bias' | 'activation' | 'loss' | 'loss_gradient' | 'activation_derivative'
    | 'alpha_gradient' | 'bias_gradient' | 'weight_gradient' | 'input_gradient';
  layer: number;
  unit: number;
  source: number;
  inputs: Record<string, Value | Value[] | Value[][]>;
  result: Value | Value[] | Value[][];
}

export interface NetworkResponse {
  outputs: Value[][];
  loss?: Value;
  layers: LayerResult[];
  grad_inputs?: Value[][];
  trace?: { granularity: 'neuron' | 'layer'; steps: TraceStep[] };
  gradient_check?: {
    max_relative_error: number; worst_parameter: string; analytic: number; numeric: number; parameters_checked: number;
  };
  update?: { losses: Value[]; layers: Array<{ weights: Value[][]; biases: Value[]; alpha?: Value[] }> };
}

export interface CurveResponse { curve: { values: Value[]; derivatives: Value[]; peak_derivative: number } }

export interface DatasetResponse { dataset: { inputs: number[][]; targets: number[][] } }

export interface ActivationInfo {
  name: ActivationName;
  parameters: Array<{ name: string; default: number; min?: number; max?: number; learned?: boolean }>;
  peak_derivative: number;
  peak_at: number | null;
  saturates: boolean;
  gain: number;
}

export interface CatalogueResponse { catalogue: ActivationInfo[] }

/** The response to a request of each kind. */
export type ResponseTo<R> =
  R extends CurveRequest ? CurveResponse :
  R extends DatasetRequest ? DatasetResponse :
  R extends CatalogueRequest ? CatalogueResponse :
  R extends NetworkRequest ? NetworkResponse :
  NetworkResponse | CurveResponse | DatasetResponse | CatalogueResponse;

/** Rows of numbers, or the same already flat (row-major). */
export type Rows = number[][] | Float64Array;

/** A held set of a session: its `dataset` ('training') or `test_dataset` ('test'). */
export type HeldSet = 'training' | 'test';

export interface SessionSpec extends NetworkSpec {
  optimiser: OptimiserSpec;
  shuffle_seed?: number;
  dataset?: DatasetSpec;
  test_dataset?: DatasetSpec;
}

export interface MeasureOptions {
  /** Histogram bins; histograms are included when set. */
  bins?: number;
  saturation_threshold?: number;
}

export interface Measurement {
  loss: Value;
  layers: Array<{ statistics: LayerStatistics } & Record<string, unknown>>;
  [field: string]: unknown;
}

export interface Session {
  setTrainingData(inputs: Rows, targets: Rows): void;
  /** Runs `steps` minibatch steps; returns the last minibatch's loss. */
  train(steps?: number, batchSize?: number): number;
  stepsTaken(): number;
  measure(inputs: Rows, targets: Rows, options?: MeasureOptions): Measurement;
  measure(set: HeldSet, options?: MeasureOptions): Measurement;
  /** The network's outputs, rows × output size, flat. */
  predict(inputs: Rows | HeldSet): Float64Array;
  data(set?: HeldSet): { inputs: Float64Array; targets: Float64Array };
  parameters(): { steps_taken: number; layers: Array<{ weights: number[][]; biases: number[]; alpha?: number[] }> };
  /** Frees the engine's memory for this session. */
  delete(): void;
}

export interface ActLab {
  evaluate<R extends Request>(request: R): ResponseTo<R>;
  evaluateJson(text: string): string;
  catalogue(): ActivationInfo[];
  createSession(spec: SessionSpec): Session;
  heapBytes(): number;
  heapTop(): number;
}

export interface CreateOptions {
  /** Where the browser fetches actlab-core.wasm (default: beside the engine). */
  wasmUrl?: string | URL;
  /** A compiled module (e.g. posted to a worker): no fetch, no compile. */
  wasmModule?: WebAssembly.Module;
}

/** Where the compiled engine is: beside the engine's module. */
export const WASM_URL: URL;

/** Loads the engine (rejects with an Error if WebAssembly is missing or the .wasm cannot be loaded). */
export default function createActLab(options?: CreateOptions): Promise<ActLab>;

// A small neural network for churn, trained with TensorFlow.js: one hidden ReLU layer and a logistic output,
// Adam on mini-batches, L2 on the weights, early stopping on a validation split. The trained weights are copied
// out of the tensors, so scoring is plain arithmetic and a stored model holds no tensor.
import * as tf from '@tensorflow/tfjs';
import type { Matrix } from './matrix';
import { mulberry32 } from '../random';
import { shuffled } from './random';

export interface NetworkOptions {
  hidden?: number;
  learningRate?: number;
  batchSize?: number;
  l2?: number;
  /** The most epochs to train; with a validation split training stops earlier when it stops improving. */
  epochs?: number;
  /** Epochs without a better validation loss before stopping. */
  patience?: number;
  seed?: number;
}

export interface NetworkModel {
  inputs: number;
  hidden: number;
  /** inputs x hidden, row-major. */
  w1: Float64Array;
  b1: Float64Array;
  w2: Float64Array;
  b2: number;
}

export interface NetworkFit {
  model: NetworkModel;
  /** The epochs the returned weights were trained for: the best epoch on the validation split when there is one. */
  epochs: number;
}

export interface Labelled {
  x: Matrix;
  labels: ArrayLike<number>;
}

export async function fitNetwork(train: Labelled, validation: Labelled | null, options: NetworkOptions = {}): Promise<NetworkFit> {
  const hidden = options.hidden ?? 16;
  const batchSize = options.batchSize ?? 128;
  const l2 = options.l2 ?? 1e-3;
  const maxEpochs = options.epochs ?? 60;
  const patience = options.patience ?? 8;
  const seed = options.seed ?? 1;
  const { rows, cols } = train.x;
  const random = mulberry32(seed);

  // A variable holds its own copy of the initial tensor, which must be disposed apart.
  const variable = (initial: tf.Tensor): tf.Variable => {
    const v = tf.variable(initial);
    initial.dispose();
    return v;
  };
  // Glorot-uniform weights drawn from TensorFlow.js's seeded generator, zero biases.
  const glorot = (fanIn: number, fanOut: number, s: number): tf.Variable => {
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    return variable(tf.randomUniform([fanIn, fanOut], -limit, limit, 'float32', s));
  };
  const w1 = glorot(cols, hidden, seed);
  const b1 = variable(tf.zeros([hidden]));
  const w2 = glorot(hidden, 1, seed + 1);
  const b2 = variable(tf.zeros([1]));
  const variables = [w1, b1, w2, b2];
  const optimizer = tf.train.adam(options.learningRate ?? 0.01);
  const logits = (x: tf.Tensor2D): tf.Tensor2D => tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(x, w1), b1)), w2), b2);

  const validationX = validation ? tf.tensor2d(Float32Array.from(validation.x.data), [validation.x.rows, cols]) : null;
  const validationY = validation ? tf.tensor2d(Float32Array.from(validation.labels), [validation.x.rows, 1]) : null;
  let best: { loss: number; epoch: number; weights: Float32Array[] } | null = null;
  let trained = 0;
  try {
    const batchX = new Float32Array(batchSize * cols);
    const batchY = new Float32Array(batchSize);
    for (let epoch = 1; epoch <= maxEpochs; epoch++) {
      trained = epoch;
      const order = shuffled(rows, random);
      for (let start = 0; start < rows; start += batchSize) {
        const size = Math.min(batchSize, rows - start);
        for (let k = 0; k < size; k++) {
          const row = order[start + k] as number;
          batchX.set(train.x.data.subarray(row * cols, row * cols + cols), k * cols);
          batchY[k] = train.labels[row] as number;
        }
        tf.tidy(() => {
          const xs = tf.tensor2d(batchX.subarray(0, size * cols), [size, cols]);
          const ys = tf.tensor2d(batchY.subarray(0, size), [size, 1]);
          optimizer.minimize(
            () =>
              tf.add(
                tf.losses.sigmoidCrossEntropy(ys, logits(xs)),
                tf.mul(l2, tf.add(tf.sum(tf.square(w1)), tf.sum(tf.square(w2)))),
              ) as tf.Scalar,
            false,
            variables,
          );
        });
      }
      if (!validationX || !validationY) continue;
      const lossTensor = tf.tidy(() => tf.losses.sigmoidCrossEntropy(validationY, logits(validationX)));
      const loss = (await lossTensor.data())[0] as number;
      lossTensor.dispose();
      if (!best || loss < best.loss) {
        best = { loss, epoch, weights: await Promise.all(variables.map(async (v) => (await v.data()) as Float32Array)) };
      } else if (epoch - best.epoch >= patience) {
        break;
      }
    }
    const weights = best ? best.weights : await Promise.all(variables.map(async (v) => (await v.data()) as Float32Array));
    const [fw1, fb1, fw2, fb2] = weights.map((w) => Float64Array.from(w)) as [Float64Array, Float64Array, Float64Array, Float64Array];
    return {
      model: { inputs: cols, hidden, w1: fw1, b1: fb1, w2: fw2, b2: fb2[0] as number },
      epochs: best ? best.epoch : trained,
    };
  } finally {
    optimizer.dispose();
    for (const tensor of [...variables, validationX, validationY]) tensor?.dispose();
  }
}

export function networkLogits(model: NetworkModel, x: Matrix): Float64Array {
  const { inputs, hidden, w1, b1, w2 } = model;
  if (x.cols !== inputs) throw new Error(`the network expects ${inputs} features, not ${x.cols}`);
  const out = new Float64Array(x.rows);
  const activation = new Float64Array(hidden);
  for (let i = 0; i < x.rows; i++) {
    activation.set(b1);
    const base = i * inputs;
    for (let j = 0; j < inputs; j++) {
      const value = x.data[base + j] as number;
      if (value === 0) continue;
      for (let h = 0; h < hidden; h++) activation[h] = (activation[h] as number) + value * (w1[j * hidden + h] as number);
    }
    let s = model.b2;
    for (let h = 0; h < hidden; h++) s += Math.max(0, activation[h] as number) * (w2[h] as number);
    out[i] = s;
  }
  return out;
}

/** A dense row-major matrix of float64 values: the encoded features the churn models train on. */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

export function selectRows(matrix: Matrix, rows: ArrayLike<number>): Matrix {
  const { cols } = matrix;
  const data = new Float64Array(rows.length * cols);
  for (let i = 0; i < rows.length; i++) {
    const from = (rows[i] as number) * cols;
    data.set(matrix.data.subarray(from, from + cols), i * cols);
  }
  return { rows: rows.length, cols, data };
}

export function selectValues<T extends Float64Array | Uint8Array>(values: T, rows: ArrayLike<number>): T {
  const out = new (values.constructor as new (length: number) => T)(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i] as number] as number;
  return out;
}

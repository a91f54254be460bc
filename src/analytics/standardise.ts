// Feature scaling for clustering: counts and money are heavily skewed, so they are log1p-transformed before the
// z-score, and the population SD (divide by n) is used, as scikit-learn's StandardScaler does.

export interface Standardised {
  /** n x d, row-major. */
  data: Float64Array;
  mean: Float64Array;
  sd: Float64Array;
}

/** z-scores (population SD) of log1p of each column; columns must be >= 0. A constant column becomes 0. */
export function logStandardise(columns: readonly ArrayLike<number>[]): Standardised {
  const d = columns.length;
  const n = columns[0]?.length ?? 0;
  const data = new Float64Array(n * d);
  const mean = new Float64Array(d);
  const sd = new Float64Array(d);
  columns.forEach((column, j) => {
    if (column.length !== n) throw new RangeError(`column ${j + 1} has ${column.length} values, column 1 ${n}`);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const value = column[i] as number;
      if (!(value >= 0)) throw new RangeError(`column ${j + 1}, row ${i + 1}: log1p scaling needs a value >= 0, got ${value}`);
      const logged = Math.log1p(value);
      data[i * d + j] = logged;
      sum += logged;
    }
    const m = n > 0 ? sum / n : 0;
    let squares = 0;
    for (let i = 0; i < n; i++) squares += ((data[i * d + j] as number) - m) ** 2;
    const s = n > 0 ? Math.sqrt(squares / n) : 0;
    for (let i = 0; i < n; i++) data[i * d + j] = s > 0 ? ((data[i * d + j] as number) - m) / s : 0;
    mean[j] = m;
    sd[j] = s;
  });
  return { data, mean, sd };
}

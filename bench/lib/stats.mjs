// Summaries of repeated measurements: the median, and the 10th and 90th
// percentiles as the spread (robust to the odd GC pause, unlike min/max).

/** The q-quantile (0..1) of `values`, linearly interpolated. */
export function quantile(values, q) {
  if (values.length === 0) throw new Error('no measurements');
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

export function summarize(values) {
  return {
    median: quantile(values, 0.5),
    p10: quantile(values, 0.1),
    p90: quantile(values, 0.9),
    min: Math.min(...values),
    max: Math.max(...values),
    runs: values.length,
  };
}

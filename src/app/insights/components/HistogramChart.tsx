import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HistogramBin } from '../../../workers/analyticsContract';
import { formatNumber } from '../../shared/format';

/** Bins drawn as bars, and the same bins as a table: one component for the churn and the value distributions. */
export function HistogramChart({ bins, label, countLabel, language }: { bins: HistogramBin[]; label: (bin: HistogramBin, last: boolean) => string; countLabel: string; language: string }) {
  const rows = bins.map((bin, i) => ({ name: label(bin, i === bins.length - 1), count: bin.count }));
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" interval="preserveStartEnd" tick={{ fontSize: 11 }} />
        <YAxis allowDecimals={false} />
        <Tooltip formatter={(value) => formatNumber(Number(value), language)} />
        <Bar dataKey="count" name={countLabel} fill="var(--accent)" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function HistogramTable({ bins, label, rangeLabel, countLabel, language }: { bins: HistogramBin[]; label: (bin: HistogramBin, last: boolean) => string; rangeLabel: string; countLabel: string; language: string }) {
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{rangeLabel}</th>
          <th scope="col">{countLabel}</th>
        </tr>
      </thead>
      <tbody>
        {bins.map((bin, i) => (
          <tr key={bin.from}>
            <th scope="row">{label(bin, i === bins.length - 1)}</th>
            <td>{formatNumber(bin.count, language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

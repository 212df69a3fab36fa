/**
 * Charts drawn on the server as plain SVG: the health page shows data only, so it needs no
 * JavaScript. Each chart carries a <title> and a table-like text alternative (aria-label).
 */
const W = 640;
const H = 180;
const PAD = { l: 40, r: 8, t: 10, b: 28 };

export interface Bar {
  readonly label: string;
  readonly values: readonly number[];
}

/** Stacked bars (one colour per series), y from 0 to the largest stack. */
export function BarChart({ title, bars, series, colors, every = 1 }: { title: string; bars: readonly Bar[]; series: readonly string[]; colors: readonly string[]; every?: number }) {
  const max = Math.max(1, ...bars.map((b) => b.values.reduce((s, v) => s + v, 0)));
  const iw = W - PAD.l - PAD.r;
  const ih = H - PAD.t - PAD.b;
  const bw = iw / Math.max(1, bars.length);
  const y = (v: number) => PAD.t + ih - (v / max) * ih;
  const alt = bars
    .filter((b) => b.values.some((v) => v > 0))
    .map((b) => `${b.label}: ${b.values.map((v, i) => `${series[i]} ${v}`).join(', ')}`)
    .join('; ');
  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={`${title}. ${alt || 'No data.'}`}>
        <title>{title}</title>
        <line x1={PAD.l} x2={W - PAD.r} y1={y(0)} y2={y(0)} stroke="#999" />
        <text x={PAD.l - 4} y={y(max) + 4} textAnchor="end" fontSize="10">
          {max}
        </text>
        <text x={PAD.l - 4} y={y(0)} textAnchor="end" fontSize="10">
          0
        </text>
        {bars.map((b, i) => {
          let base = 0;
          return (
            <g key={b.label}>
              {b.values.map((v, s) => {
                const top = y(base + v);
                const h = y(base) - top;
                base += v;
                return v > 0 ? (
                  <rect key={s} x={PAD.l + i * bw + 1} y={top} width={Math.max(1, bw - 2)} height={h} fill={colors[s]}>
                    <title>{`${b.label} ${series[s]}: ${v}`}</title>
                  </rect>
                ) : null;
              })}
              {i % every === 0 ? (
                <text x={PAD.l + i * bw + bw / 2} y={H - 10} textAnchor="middle" fontSize="9">
                  {b.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="hint">
        {series.map((s, i) => (
          <span key={s} style={{ marginRight: '1rem' }}>
            <span style={{ color: colors[i] }}>■</span> {s}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** Lines over the same x labels (gaps where a value is null), y from 0. */
export function LineChart({
  title,
  labels,
  series,
  colors,
  unit,
  every = 1,
}: {
  title: string;
  labels: readonly string[];
  series: readonly { name: string; values: readonly (number | null)[] }[];
  colors: readonly string[];
  unit: string;
  every?: number;
}) {
  const max = Math.max(1, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  const iw = W - PAD.l - PAD.r;
  const ih = H - PAD.t - PAD.b;
  const step = iw / Math.max(1, labels.length - 1);
  const x = (i: number) => PAD.l + i * step;
  const y = (v: number) => PAD.t + ih - (v / max) * ih;
  const path = (values: readonly (number | null)[]) => values.map((v, i) => (v === null ? '' : `${i > 0 && values[i - 1] !== null ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`)).join(' ');
  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={`${title} (${unit}).`}>
        <title>{title}</title>
        <line x1={PAD.l} x2={W - PAD.r} y1={y(0)} y2={y(0)} stroke="#999" />
        <text x={PAD.l - 4} y={y(max) + 4} textAnchor="end" fontSize="10">
          {Math.round(max * 100) / 100}
        </text>
        <text x={PAD.l - 4} y={y(0)} textAnchor="end" fontSize="10">
          0
        </text>
        {series.map((s, k) => (
          <g key={s.name}>
            <path d={path(s.values)} fill="none" stroke={colors[k]} strokeWidth="2" />
            {s.values.map((v, i) =>
              v === null ? null : (
                <circle key={i} cx={x(i)} cy={y(v)} r="2.5" fill={colors[k]}>
                  <title>{`${labels[i]} ${s.name}: ${v} ${unit}`}</title>
                </circle>
              ),
            )}
          </g>
        ))}
        {labels.map((l, i) =>
          i % every === 0 ? (
            <text key={l} x={x(i)} y={H - 10} textAnchor="middle" fontSize="9">
              {l}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption className="hint">
        {series.map((s, i) => (
          <span key={s.name} style={{ marginRight: '1rem' }}>
            <span style={{ color: colors[i] }}>■</span> {s.name} ({unit})
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

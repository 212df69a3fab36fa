'use client';
/**
 * The per-hour series with uPlot (zoom by dragging, values under the cursor) once JavaScript
 * runs. Until then, and without JavaScript, the server-drawn SVG passed as `children` shows:
 * the page never depends on this component to show its data.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import 'uplot/dist/uPlot.min.css';

export interface HourlySeries {
  readonly label: string;
  readonly color: string;
  readonly values: readonly (number | null)[];
}

export function HourlyChart({ title, hours, series, children }: { title: string; hours: readonly string[]; series: readonly HourlySeries[]; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let plot: { destroy(): void } | undefined;
    let cancelled = false;
    void import('uplot').then(({ default: UPlot }) => {
      if (cancelled || !box.current) return;
      const width = box.current.clientWidth || 640;
      plot = new UPlot(
        {
          title,
          width,
          height: 220,
          series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, spanGaps: false }))],
          axes: [{}, {}],
          scales: { x: { time: true } },
        },
        [hours.map((h) => Date.parse(h) / 1000), ...series.map((s) => s.values.map((v) => v))] as never,
        box.current,
      );
      setReady(true);
    });
    return () => {
      cancelled = true;
      plot?.destroy();
    };
  }, [title, hours, series]);
  return (
    <div data-testid="hourly-chart" data-ready={ready}>
      <div ref={box} />
      {ready ? null : children}
    </div>
  );
}

import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  color: string;
  points: { at: string | number; value: number | null }[];
}

interface Props {
  title: string;
  series: ChartSeries[];
  height?: number;
}

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const clockSeconds = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/** Joins series with different timestamps on one x axis (seconds), null where a series has no point. */
function align(series: ChartSeries[]): uPlot.AlignedData {
  const xs = new Set<number>();
  const maps = series.map((s) => {
    const m = new Map<number, number | null>();
    for (const p of s.points) {
      const t = typeof p.at === 'number' ? p.at : Date.parse(p.at) / 1000;
      if (Number.isFinite(t)) {
        xs.add(t);
        m.set(t, p.value);
      }
    }
    return m;
  });
  const x = [...xs].sort((a, b) => a - b);
  return [x, ...maps.map((m) => x.map((t) => m.get(t) ?? null))] as uPlot.AlignedData;
}

// uPlot widens a lone sample to a whole day; a few minutes around it reads better.
function xRange(u: uPlot, min: number | null, max: number | null): uPlot.Range.MinMax {
  const xs = u.data[0];
  if (!xs || xs.length === 0 || min == null || max == null) {
    const now = Date.now() / 1000;
    return [now - 300, now + 60];
  }
  return xs.length === 1 ? [xs[0] - 300, xs[0] + 60] : [min, max];
}

/** A small uPlot time series that follows its container's width. */
export function TimeChart({ title, series, height = 140 }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const shape = series.map((s) => `${s.label}:${s.color}`).join('|');

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: {
        // A single sample still gets a readable few minutes of axis instead of uPlot's years-wide default.
        x: { time: true, range: xRange },
        y: { range: (_u, _min, max) => [0, max && max > 0 ? max * 1.15 : 1] },
      },
      axes: [
        {
          stroke: '#6b7280',
          grid: { stroke: '#eef0f3' },
          ticks: { stroke: '#e5e7eb' },
          space: 72,
          // Seconds only matter on a short span (e.g. the samples this page took in its first minutes).
          values: (u, vals) => {
            const { min, max } = u.scales.x;
            const format = min != null && max != null && max - min < 600 ? clockSeconds : clock;
            return vals.map((v) => (v == null ? '' : format.format(new Date(v * 1000))));
          },
        },
        {
          stroke: '#6b7280',
          grid: { stroke: '#eef0f3' },
          ticks: { stroke: '#e5e7eb' },
          size: 48,
          values: (_u, vals) => vals.map((v) => (v == null ? '' : formatTick(v))),
        },
      ],
      series: [
        {},
        ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, fill: `${s.color}1a`, spanGaps: true, points: { size: 4 } })),
      ],
    };
    plot.current = new uPlot(opts, align(series), el);
    const observer = new ResizeObserver(() => {
      if (plot.current && el.clientWidth > 0) plot.current.setSize({ width: el.clientWidth, height });
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
    // Rebuilt only when the set of series changes; data updates go through setData below.
  }, [shape, height]);

  useEffect(() => {
    plot.current?.setData(align(series));
  }, [series]);

  const empty = series.every((s) => s.points.length === 0);
  return (
    <figure className="chart" aria-label={`${title} chart`}>
      <figcaption>
        <span>{title}</span>
        {series.length > 1 && (
          <span className="legend">
            {series.map((s) => (
              <span key={s.label} className="legend-item">
                <span className="legend-swatch" style={{ background: s.color }} aria-hidden="true" />
                {s.label}
              </span>
            ))}
          </span>
        )}
      </figcaption>
      <div ref={host} className="chart-host" />
      {empty && <div className="chart-empty muted">No data yet</div>}
    </figure>
  );
}

function formatTick(v: number): string {
  if (Math.abs(v) >= 1000) return `${Math.round(v / 100) / 10}k`;
  return `${Math.round(v * 10) / 10}`;
}

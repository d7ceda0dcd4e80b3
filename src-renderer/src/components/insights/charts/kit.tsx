// What every Insights chart shares. The charts are visx 4 (SVG built from small React components),
// picked over Recharts and ECharts for three reasons. Size: only the pieces used are bundled (shape,
// scale, axis, group, responsive and their d3 parts): the whole lazily loaded Insights chunk, screen
// included, is ~42 kB gzipped, where Recharts 3 brings Redux Toolkit, immer and its own d3 copies and
// ECharts is several times larger again. Theming: plain SVG takes its colours from CSS custom
// properties, so light and dark need no JavaScript (ECharts paints a canvas with colours passed in
// code). Accessibility: the markup stays ours, so each SVG is one role="img" labelled by the card's
// plain-text summary, with the exact numbers in a real table beside it (and as CSV).
import { ParentSize } from '@visx/responsive';
import type { ReactNode } from 'react';

/** Series colours: CSS custom properties from insights.css (light and dark variants, AA contrast). */
export const COLOR = {
  escalations: 'var(--chart-escalation)',
  importedEscalations: 'var(--chart-imported)',
  parks: 'var(--chart-park)',
  p50: 'var(--chart-p50)',
  p90: 'var(--chart-p90)',
  threshold: 'var(--chart-threshold)',
  right: 'var(--chart-right)',
  partly: 'var(--chart-partly)',
  wrong: 'var(--chart-wrong)',
  applied: 'var(--chart-applied)',
  worked: 'var(--chart-worked)',
  failed: 'var(--chart-failed)',
  alone: 'var(--chart-alone)',
} as const;

export const AXIS = {
  stroke: 'var(--chart-axis)',
  tickStroke: 'var(--chart-axis)',
  tickLabelProps: { className: 'chart-tick', fontSize: 11 },
} as const;

/** A chart as wide as its card, `height` tall: an SVG labelled by the card's summary. */
export function ChartSvg(props: {
  height: number;
  summaryId: string;
  children: (width: number) => ReactNode;
}) {
  return (
    <ParentSize debounceTime={50} style={{ height: props.height }}>
      {({ width }) =>
        width > 0 ? (
          <svg
            width={width}
            height={props.height}
            role="img"
            aria-labelledby={props.summaryId}
            className="chart-svg"
          >
            {props.children(width)}
          </svg>
        ) : null
      }
    </ParentSize>
  );
}

/** The key to a chart's colours (plain HTML, so it wraps and reads in order). */
export function Legend(props: { items: { label: string; color: string; line?: boolean }[] }) {
  return (
    <ul className="chart-legend" aria-hidden="true">
      {props.items.map((item) => (
        <li key={item.label}>
          <span
            className={`chart-swatch${item.line ? ' chart-swatch-line' : ''}`}
            style={{ background: item.color }}
          />
          {item.label}
        </li>
      ))}
    </ul>
  );
}

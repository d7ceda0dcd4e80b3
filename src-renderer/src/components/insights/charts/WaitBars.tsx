import { AxisBottom } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear, scaleLog } from '@visx/scale';
import { formatDuration } from '../figures';
import { AXIS, COLOR, ChartSvg, Legend } from './kit';

export interface WaitRow {
  label: string;
  p50Ms: number | null;
  p90Ms: number | null;
  /** The overdue limit, drawn as a marker. */
  thresholdMs?: number;
  /** Said at the end of the row: "2 of 9 overdue". */
  note: string;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const LOG_TICKS = [MIN, 5 * MIN, 15 * MIN, HOUR, 4 * HOUR, DAY, 7 * DAY, 30 * DAY];
const MARGIN = { top: 4, right: 118, bottom: 24, left: 64 };
const ROW = 38;
/** Tick labels closer than this (px) to the previous one are left out. */
const TICK_GAP = 44;

/** Round durations for a linear axis: whole minutes, hours or days, whichever suits the longest. */
function linearTicks(longest: number): number[] {
  const unit = longest >= 2 * DAY ? DAY : longest >= 2 * HOUR ? HOUR : MIN;
  return scaleLinear<number>({ domain: [0, longest / unit] })
    .ticks(5)
    .filter((v) => Number.isInteger(v))
    .map((v) => v * unit);
}

/**
 * Median and 90th-percentile durations per row, with each row's overdue limit marked when given.
 * Waits for a claim run from minutes to a day across priorities: those use a log scale; durations of
 * one kind (claim to resolution) read better on a linear one.
 */
export function WaitBars(props: {
  rows: WaitRow[];
  summaryId: string;
  thresholds?: boolean;
  scale: 'log' | 'linear';
}) {
  const { rows } = props;
  const height = MARGIN.top + MARGIN.bottom + ROW * Math.max(1, rows.length);
  const longest = Math.max(
    props.scale === 'log' ? 15 * MIN : MIN,
    ...rows.flatMap((r) => [r.p50Ms ?? 0, r.p90Ms ?? 0, r.thresholdMs ?? 0]),
  );
  return (
    <>
      <Legend
        items={[
          { label: 'Median', color: COLOR.p50 },
          { label: '90th percentile', color: COLOR.p90 },
          ...(props.thresholds ? [{ label: 'Overdue limit', color: COLOR.threshold, line: true }] : []),
        ]}
      />
      <ChartSvg height={height} summaryId={props.summaryId}>
        {(width) => {
          const innerWidth = Math.max(40, width - MARGIN.left - MARGIN.right);
          const innerHeight = height - MARGIN.top - MARGIN.bottom;
          const end = longest * 1.15;
          const log = props.scale === 'log';
          const x = log
            ? scaleLog<number>({ domain: [MIN, end], range: [0, innerWidth], clamp: true })
            : scaleLinear<number>({ domain: [0, end], range: [0, innerWidth] });
          const ticks: number[] = [];
          for (const t of log ? LOG_TICKS.filter((v) => v <= end) : linearTicks(end))
            if (ticks.length === 0 || x(t) - x(ticks.at(-1)!) >= TICK_GAP) ticks.push(t);
          const y = scaleBand<string>({
            domain: rows.map((r) => r.label),
            range: [0, innerHeight],
            padding: 0.25,
          });
          const band = y.bandwidth();
          const barX = (ms: number | null) =>
            ms === null ? 0 : Math.max(2, x(log ? Math.max(ms, MIN) : ms));
          return (
            <Group left={MARGIN.left} top={MARGIN.top}>
              {ticks.map((t) => (
                <line key={t} className="chart-grid" x1={x(t)} x2={x(t)} y1={0} y2={innerHeight} />
              ))}
              {rows.map((row) => {
                const top = y(row.label) ?? 0;
                return (
                  <g key={row.label}>
                    <text
                      className="chart-row-label"
                      x={-8}
                      y={top + band / 2}
                      textAnchor="end"
                      dominantBaseline="middle"
                    >
                      {row.label}
                    </text>
                    {row.p90Ms !== null && (
                      <rect
                        className="chart-bar"
                        x={0}
                        y={top}
                        width={barX(row.p90Ms)}
                        height={band}
                        fill={COLOR.p90}
                      />
                    )}
                    {row.p50Ms !== null && (
                      <rect
                        className="chart-bar"
                        x={0}
                        y={top + band * 0.2}
                        width={barX(row.p50Ms)}
                        height={band * 0.6}
                        fill={COLOR.p50}
                      />
                    )}
                    {row.p50Ms === null && (
                      <text className="chart-note" x={4} y={top + band / 2} dominantBaseline="middle">
                        no durations yet
                      </text>
                    )}
                    {props.thresholds && row.thresholdMs !== undefined && (
                      <line
                        className="chart-threshold"
                        x1={x(row.thresholdMs)}
                        x2={x(row.thresholdMs)}
                        y1={top - 3}
                        y2={top + band + 3}
                        stroke={COLOR.threshold}
                      />
                    )}
                    <text
                      className="chart-note"
                      x={innerWidth + 8}
                      y={top + band / 2}
                      dominantBaseline="middle"
                    >
                      {row.note}
                    </text>
                  </g>
                );
              })}
              <AxisBottom
                top={innerHeight}
                scale={x}
                tickValues={ticks}
                tickFormat={(v) => formatDuration(Number(v))}
                {...AXIS}
              />
            </Group>
          );
        }}
      </ChartSvg>
    </>
  );
}

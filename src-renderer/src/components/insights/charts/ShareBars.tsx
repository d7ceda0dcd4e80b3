import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { percent } from '../figures';
import { ChartSvg, Legend } from './kit';

export interface ShareRow {
  label: string;
  parts: { key: string; label: string; value: number; color: string }[];
  /** Said at the end of the row: "n = 20". */
  note: string;
}

const MARGIN = { top: 4, right: 70, bottom: 4 };
const ROW = 40;

/**
 * Each row a 100% bar split into its parts, the share written in each part wide enough to hold it.
 * Used where the question is "what share": calibration (right / partly / wrong per stated confidence)
 * and who resolved.
 */
export function ShareBars(props: { rows: ShareRow[]; summaryId: string; labelWidth: number }) {
  const { rows } = props;
  const height = MARGIN.top + MARGIN.bottom + ROW * Math.max(1, rows.length);
  const legend = rows[0]?.parts.map((p) => ({ label: p.label, color: p.color })) ?? [];
  return (
    <>
      <Legend items={legend} />
      <ChartSvg height={height} summaryId={props.summaryId}>
        {(width) => {
          const innerWidth = Math.max(40, width - props.labelWidth - MARGIN.right);
          const innerHeight = height - MARGIN.top - MARGIN.bottom;
          const x = scaleLinear<number>({ domain: [0, 1], range: [0, innerWidth] });
          const y = scaleBand<string>({
            domain: rows.map((r) => r.label),
            range: [0, innerHeight],
            padding: 0.25,
          });
          const band = y.bandwidth();
          return (
            <Group left={props.labelWidth} top={MARGIN.top}>
              {rows.map((row) => {
                const top = y(row.label) ?? 0;
                const total = row.parts.reduce((n, p) => n + p.value, 0);
                let at = 0;
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
                    {total === 0 ? (
                      <rect className="chart-empty" x={0} y={top} width={innerWidth} height={band} />
                    ) : (
                      row.parts.map((part) => {
                        const start = at;
                        at += part.value / total;
                        const w = x(at) - x(start);
                        if (w <= 0) return null;
                        return (
                          <g key={part.key}>
                            <rect
                              className="chart-bar"
                              x={x(start)}
                              y={top}
                              width={w}
                              height={band}
                              fill={part.color}
                            />
                            {w > 34 && (
                              <text
                                className="chart-in-bar"
                                x={x(start) + w / 2}
                                y={top + band / 2}
                                textAnchor="middle"
                                dominantBaseline="middle"
                              >
                                {percent(part.value, total)}
                              </text>
                            )}
                          </g>
                        );
                      })
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
            </Group>
          );
        }}
      </ChartSvg>
    </>
  );
}

import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { BarGroup } from '@visx/shape';
import type { InsightsReport } from '../../../../../src-preload/contract';
import { BAND_LABEL } from '../figures';
import { AXIS, COLOR, ChartSvg, Legend } from './kit';

type Band = InsightsReport['fixes']['bands'][number];
const KEYS = ['applied', 'worked', 'failed'] as const;
const MARGIN = { top: 8, right: 8, bottom: 40, left: 34 };
const HEIGHT = 210;

/** Suggested fixes per confidence band: how many were applied, worked and failed, side by side. */
export function FixesChart(props: { report: InsightsReport; summaryId: string }) {
  const { bands } = props.report.fixes;
  const max = Math.max(1, ...bands.map((b) => b.applied));
  return (
    <>
      <Legend
        items={[
          { label: 'Applied', color: COLOR.applied },
          { label: 'Worked', color: COLOR.worked },
          { label: 'Failed', color: COLOR.failed },
        ]}
      />
      <ChartSvg height={HEIGHT} summaryId={props.summaryId}>
        {(width) => {
          const innerWidth = width - MARGIN.left - MARGIN.right;
          const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
          const x0 = scaleBand<string>({
            domain: bands.map((b) => b.band),
            range: [0, innerWidth],
            padding: 0.3,
          });
          const x1 = scaleBand<string>({ domain: [...KEYS], range: [0, x0.bandwidth()], padding: 0.1 });
          const y = scaleLinear<number>({ domain: [0, max], range: [innerHeight, 0], nice: true });
          const bandOf = new Map(bands.map((b) => [b.band, b]));
          return (
            <Group left={MARGIN.left} top={MARGIN.top}>
              {y.ticks(4).map((tick) => (
                <line key={tick} className="chart-grid" x1={0} x2={innerWidth} y1={y(tick)} y2={y(tick)} />
              ))}
              <BarGroup<Band, (typeof KEYS)[number]>
                data={bands}
                keys={[...KEYS]}
                height={innerHeight}
                x0={(b) => b.band}
                x0Scale={x0}
                x1Scale={x1}
                yScale={y}
                color={(key) => COLOR[key]}
              >
                {(groups) =>
                  groups.map((group) => (
                    <Group key={group.index} left={group.x0}>
                      {group.bars.map((bar) =>
                        bar.value > 0 ? (
                          <rect
                            key={bar.key}
                            className="chart-bar"
                            x={bar.x}
                            y={bar.y}
                            width={bar.width}
                            height={bar.height}
                            fill={bar.color}
                          />
                        ) : null,
                      )}
                    </Group>
                  ))
                }
              </BarGroup>
              <AxisLeft
                scale={y}
                numTicks={4}
                tickFormat={(v) => (Number.isInteger(Number(v)) ? String(v) : '')}
                {...AXIS}
              />
              <AxisBottom
                top={innerHeight}
                scale={x0}
                tickFormat={(band) => {
                  const b = bandOf.get(band as Band['band'])!;
                  return `${BAND_LABEL[b.band]} ${b.min}–${b.max}%`;
                }}
                {...AXIS}
              />
              {bands.map((b) => (
                <text
                  key={b.band}
                  className="chart-note"
                  x={(x0(b.band) ?? 0) + x0.bandwidth() / 2}
                  y={innerHeight + 34}
                  textAnchor="middle"
                >
                  {b.suggested} suggested
                </text>
              ))}
            </Group>
          );
        }}
      </ChartSvg>
    </>
  );
}

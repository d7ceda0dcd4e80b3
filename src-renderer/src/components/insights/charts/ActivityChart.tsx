import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { BarStack } from '@visx/shape';
import type { InsightsReport } from '../../../../../src-preload/contract';
import { AXIS, COLOR, ChartSvg, Legend } from './kit';

type Bucket = InsightsReport['activity']['buckets'][number];
const KEYS = ['escalations', 'importedEscalations', 'parks'] as const;
const MARGIN = { top: 8, right: 8, bottom: 26, left: 34 };
const HEIGHT = 210;

const shortDay = (label: string) =>
  new Date(`${label}T12:00:00Z`).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });

/** Escalations (here and imported) and parks per day or week, stacked. */
export function ActivityChart(props: { report: InsightsReport; summaryId: string }) {
  const { buckets } = props.report.activity;
  const imported = props.report.scope === 'team';
  const keys = imported ? KEYS : (['escalations', 'parks'] as const);
  const max = Math.max(1, ...buckets.map((b) => b.escalations + b.importedEscalations + b.parks));
  return (
    <>
      <Legend
        items={[
          { label: imported ? 'Escalations made here' : 'Escalations', color: COLOR.escalations },
          ...(imported ? [{ label: 'Imported from ConnectWise', color: COLOR.importedEscalations }] : []),
          { label: 'Parks', color: COLOR.parks },
        ]}
      />
      <ChartSvg height={HEIGHT} summaryId={props.summaryId}>
        {(width) => {
          const innerWidth = width - MARGIN.left - MARGIN.right;
          const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
          const x = scaleBand<string>({
            domain: buckets.map((b) => b.label),
            range: [0, innerWidth],
            padding: 0.2,
          });
          const y = scaleLinear<number>({ domain: [0, max], range: [innerHeight, 0], nice: true });
          // About one label per 70 px, always the first.
          const every = Math.max(1, Math.ceil(buckets.length / Math.max(1, Math.floor(innerWidth / 70))));
          return (
            <Group left={MARGIN.left} top={MARGIN.top}>
              {y.ticks(4).map((tick) => (
                <line key={tick} className="chart-grid" x1={0} x2={innerWidth} y1={y(tick)} y2={y(tick)} />
              ))}
              <BarStack<Bucket, (typeof keys)[number]>
                data={buckets}
                keys={[...keys]}
                x={(b) => b.label}
                xScale={x}
                yScale={y}
                color={(key) => COLOR[key]}
              >
                {(stacks) =>
                  stacks.map((stack) =>
                    stack.bars.map((bar) =>
                      bar.height > 0 ? (
                        <rect
                          key={`${stack.index}-${bar.index}`}
                          className="chart-bar"
                          x={bar.x}
                          y={bar.y}
                          width={bar.width}
                          height={bar.height}
                          fill={bar.color}
                        />
                      ) : null,
                    ),
                  )
                }
              </BarStack>
              <AxisLeft
                scale={y}
                numTicks={4}
                tickFormat={(v) => (Number.isInteger(Number(v)) ? String(v) : '')}
                {...AXIS}
              />
              <AxisBottom
                top={innerHeight}
                scale={x}
                tickValues={buckets.filter((_, i) => i % every === 0).map((b) => b.label)}
                tickFormat={shortDay}
                {...AXIS}
              />
            </Group>
          );
        }}
      </ChartSvg>
    </>
  );
}

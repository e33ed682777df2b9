// Charts drawn as SVG on the server with visx (so they show without JavaScript and print), each in
// a <figure> with its title, a description read by screen readers, and its data table beside it:
// the table is the chart's content, the drawing a summary of it. Series differ by line style,
// marker shape or fill pattern as well as colour, and every bar carries its value in words.
import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar, LinePath } from '@visx/shape';
import type { ReactNode } from 'react';

interface FigureProps {
  /** Unique on the page: the ids of the title and description derive from it. */
  id: string;
  title: string;
  /** What the chart shows, in a sentence (read by screen readers in place of the drawing). */
  description: string;
  /** The data table; labelled by the figure's caption (`${id}-title`). */
  table: ReactNode;
  /** A legend for charts with more than one series. */
  legend?: { label: string; swatch: 'solid' | 'dashed' | 'hatched' | 'outline' }[];
  children: ReactNode;
  width: number;
  height: number;
}

const SWATCH_CLASS = {
  solid: 'chart__swatch chart__swatch--solid',
  dashed: 'chart__swatch chart__swatch--dashed',
  hatched: 'chart__swatch chart__swatch--hatched',
  outline: 'chart__swatch chart__swatch--outline',
} as const;

function ChartFigure({ id, title, description, table, legend, children, width, height }: FigureProps) {
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart__title">
        {title}
      </figcaption>
      <div className="chart__body">
        <div className="chart__drawing">
          <svg
            viewBox={`0 0 ${width} ${height}`}
            width="100%"
            role="img"
            aria-labelledby={`${id}-svg-title`}
            aria-describedby={`${id}-desc`}
            className="chart__svg"
            preserveAspectRatio="xMinYMin meet"
          >
            <title id={`${id}-svg-title`}>{title}</title>
            <desc id={`${id}-desc`}>{description}</desc>
            <defs>
              <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="6" height="6" className="chart__hatch-ground" />
                <line x1="0" y1="0" x2="0" y2="6" className="chart__hatch-line" />
              </pattern>
            </defs>
            {children}
          </svg>
          {legend ? (
            <ul className="chart__legend">
              {legend.map((entry) => (
                <li key={entry.label}>
                  <span className={SWATCH_CLASS[entry.swatch]} aria-hidden="true" />
                  {entry.label}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <div className="chart__table">{table}</div>
      </div>
    </figure>
  );
}

export interface BarRow {
  key: string;
  label: string;
  value: number;
  /** The value as written beside the bar ("12", "91%"). */
  text: string;
}

interface BarChartProps extends Omit<FigureProps, 'children' | 'width' | 'height' | 'legend'> {
  rows: BarRow[];
  /** The largest value the axis shows (a rate's 1, say); the largest row's value by default. */
  max?: number;
}

const BAR_WIDTH = 560;

/** Horizontal bars, each with its name above it and its value at its end. */
export function BarChart({ rows, max, ...figure }: BarChartProps) {
  const rowHeight = 40;
  const height = Math.max(rowHeight, rows.length * rowHeight) + 8;
  const valueSpace = 72;
  const top = Math.max(max ?? 0, ...rows.map((row) => row.value), 1);
  const x = scaleLinear<number>({ domain: [0, top], range: [0, BAR_WIDTH - valueSpace] });
  return (
    <ChartFigure {...figure} width={BAR_WIDTH} height={height}>
      {rows.map((row, index) => {
        const y = index * rowHeight;
        const length = Math.max(row.value > 0 ? 2 : 0, x(row.value));
        return (
          <Group key={row.key} top={y}>
            <text x={0} y={14} className="chart__label">
              {row.label}
            </text>
            <Bar x={0} y={20} width={length} height={14} className="chart__bar" />
            <text x={length + 6} y={32} className="chart__value">
              {row.text}
            </text>
          </Group>
        );
      })}
    </ChartFigure>
  );
}

export interface LineSeries {
  label: string;
  /** One value per x label; null where there is none (a bucket after today). */
  values: (number | null)[];
  style: 'solid' | 'dashed';
}

interface LineChartProps extends Omit<FigureProps, 'children' | 'width' | 'height' | 'legend'> {
  xLabels: string[];
  series: LineSeries[];
  formatValue: (value: number) => string;
}

const LINE_WIDTH = 640;
const LINE_HEIGHT = 260;
const MARGIN = { top: 12, right: 16, bottom: 40, left: 48 };

/** A trend over the period: one line per series, solid with circles or dashed with squares. */
export function LineChart({ xLabels, series, formatValue, ...figure }: LineChartProps) {
  const innerWidth = LINE_WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = LINE_HEIGHT - MARGIN.top - MARGIN.bottom;
  const indexes = xLabels.map((_, index) => index);
  const top = Math.max(1, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  const x = scaleLinear<number>({ domain: [0, Math.max(1, xLabels.length - 1)], range: [0, innerWidth] });
  const y = scaleLinear<number>({ domain: [0, top], range: [innerHeight, 0], nice: true });
  // Show about eight x labels however many buckets there are.
  const every = Math.max(1, Math.ceil(xLabels.length / 8));
  return (
    <ChartFigure
      {...figure}
      width={LINE_WIDTH}
      height={LINE_HEIGHT}
      legend={series.map((s) => ({ label: s.label, swatch: s.style === 'solid' ? 'solid' : 'dashed' }))}
    >
      <Group left={MARGIN.left} top={MARGIN.top}>
        <AxisLeft
          scale={y}
          numTicks={5}
          tickFormat={(value) => formatValue(Number(value))}
          tickLabelProps={() => ({ className: 'chart__tick', textAnchor: 'end', dx: -4, dy: 4 })}
          axisLineClassName="chart__axis"
          tickClassName="chart__axis"
        />
        <AxisBottom
          top={innerHeight}
          scale={x}
          tickValues={indexes.filter((index) => index % every === 0)}
          tickFormat={(value) => xLabels[Number(value)] ?? ''}
          tickLabelProps={() => ({ className: 'chart__tick', textAnchor: 'middle' })}
          axisLineClassName="chart__axis"
          tickClassName="chart__axis"
        />
        {series.map((s) => {
          const points = s.values.flatMap((value, index) => (value === null ? [] : [{ index, value }]));
          return (
            <Group key={s.label}>
              <LinePath
                data={points}
                x={(point) => x(point.index)}
                y={(point) => y(point.value)}
                className={`chart__line chart__line--${s.style}`}
              />
              {points.map((point) =>
                s.style === 'solid' ? (
                  <circle key={point.index} cx={x(point.index)} cy={y(point.value)} r={3} className="chart__marker chart__marker--solid" />
                ) : (
                  <rect
                    key={point.index}
                    x={x(point.index) - 3}
                    y={y(point.value) - 3}
                    width={6}
                    height={6}
                    className="chart__marker chart__marker--dashed"
                  />
                ),
              )}
            </Group>
          );
        })}
      </Group>
    </ChartFigure>
  );
}

export interface GroupedBarSeries {
  label: string;
  /** One value per group (null where there is nothing to show). */
  values: (number | null)[];
}

interface GroupedBarChartProps extends Omit<FigureProps, 'children' | 'width' | 'height' | 'legend'> {
  groups: string[];
  /** At most three series: solid, hatched, outline. */
  series: GroupedBarSeries[];
  max: number;
  formatValue: (value: number) => string;
}

const GROUPED_HEIGHT = 260;
const SERIES_SWATCHES = ['solid', 'hatched', 'outline'] as const;

/** Vertical bars in groups (an on-time rate, this period and before), each labelled with its value. */
export function GroupedBarChart({ groups, series, max, formatValue, ...figure }: GroupedBarChartProps) {
  const width = LINE_WIDTH;
  const innerWidth = width - MARGIN.left - MARGIN.right;
  const innerHeight = GROUPED_HEIGHT - MARGIN.top - MARGIN.bottom - 16;
  const outer = scaleBand<string>({ domain: groups, range: [0, innerWidth], padding: 0.25 });
  const inner = scaleBand<number>({ domain: series.map((_, index) => index), range: [0, outer.bandwidth()], padding: 0.1 });
  const y = scaleLinear<number>({ domain: [0, max], range: [innerHeight, 0] });
  return (
    <ChartFigure
      {...figure}
      width={width}
      height={GROUPED_HEIGHT}
      legend={series.map((s, index) => ({ label: s.label, swatch: SERIES_SWATCHES[index] ?? 'solid' }))}
    >
      <Group left={MARGIN.left} top={MARGIN.top + 16}>
        <AxisLeft
          scale={y}
          numTicks={5}
          tickFormat={(value) => formatValue(Number(value))}
          tickLabelProps={() => ({ className: 'chart__tick', textAnchor: 'end', dx: -4, dy: 4 })}
          axisLineClassName="chart__axis"
          tickClassName="chart__axis"
        />
        <AxisBottom
          top={innerHeight}
          scale={outer}
          tickLabelProps={() => ({ className: 'chart__tick', textAnchor: 'middle' })}
          axisLineClassName="chart__axis"
          tickClassName="chart__axis"
        />
        {groups.map((group, groupIndex) => (
          <Group key={group} left={outer(group) ?? 0}>
            {series.map((s, index) => {
              const value = s.values[groupIndex] ?? null;
              const barX = inner(index) ?? 0;
              const barHeight = value === null ? 0 : innerHeight - y(value);
              const swatch = SERIES_SWATCHES[index] ?? 'solid';
              return (
                <Group key={s.label}>
                  <Bar
                    x={barX}
                    y={innerHeight - barHeight}
                    width={inner.bandwidth()}
                    height={barHeight}
                    className={`chart__bar chart__bar--${swatch}`}
                    fill={swatch === 'hatched' ? `url(#${figure.id}-hatch)` : undefined}
                  />
                  <text x={barX + inner.bandwidth() / 2} y={innerHeight - barHeight - 4} textAnchor="middle" className="chart__value">
                    {value === null ? '–' : formatValue(value)}
                  </text>
                </Group>
              );
            })}
          </Group>
        ))}
      </Group>
    </ChartFigure>
  );
}

import { createContext, useContext, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { ReliabilityBin, WhatIfPoint } from '@/model/review/review-model';

// Room for the tick labels ("100%" at 11 px is about 31 px wide) and the axis titles beside them, so the
// y-axis title stands clear of its ticks and no label reaches past the edge.
const PAD = { left: 64, right: 24, top: 14, bottom: 42 };
const FONT = 11;
const MIN_WIDTH = 240;

interface Scale {
  width: number;
  height: number;
  x: (v: number) => number;
  y: (v: number) => number;
}

function scaleFor(column: number): Scale {
  const width = Math.max(MIN_WIDTH, Math.floor(column));
  const height = Math.round(Math.min(300, Math.max(200, width * 0.6)));
  return {
    width,
    height,
    x: (v) => PAD.left + v * (width - PAD.left - PAD.right),
    y: (v) => height - PAD.bottom - v * (height - PAD.top - PAD.bottom),
  };
}

const ScaleContext = createContext<Scale>(scaleFor(360));

/** The width of the element's content box, followed as the column it sits in changes (first report included). */
function useWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number | null] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

function Axes({ xLabel, yLabel }: { xLabel: string; yLabel: string }) {
  const { x, y, height } = useContext(ScaleContext);
  return (
    <g fontSize={FONT} fill="currentColor">
      <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(0)} stroke="currentColor" />
      <line x1={x(0)} y1={y(0)} x2={x(0)} y2={y(1)} stroke="currentColor" />
      {[0, 0.25, 0.5, 0.75, 1].map((v) => (
        <g key={v}>
          <text x={x(v)} y={y(0) + 16} textAnchor="middle" className="tick-x">
            {Math.round(v * 100)}%
          </text>
          <text x={x(0) - 6} y={y(v) + 4} textAnchor="end" className="tick-y">
            {Math.round(v * 100)}%
          </text>
        </g>
      ))}
      <text x={(x(0) + x(1)) / 2} y={height - 8} textAnchor="middle" className="axis-title-x">
        {xLabel}
      </text>
      <text
        transform={`translate(${FONT + 4} ${(y(0) + y(1)) / 2}) rotate(-90)`}
        textAnchor="middle"
        className="axis-title-y"
      >
        {yLabel}
      </text>
    </g>
  );
}

/** A titled figure as wide as its column: the SVG, its accessible name and the axes both charts share. */
function ChartFrame({
  title,
  xLabel,
  yLabel,
  children,
}: {
  title: string;
  xLabel: string;
  yLabel: string;
  children: ReactNode;
}) {
  const [ref, column] = useWidth<HTMLElement>();
  const scale = scaleFor(column ?? 360);
  return (
    <figure ref={ref} className="chart-figure">
      <figcaption>{title}</figcaption>
      <ScaleContext.Provider value={scale}>
        <svg
          xmlns="http://www.w3.org/2000/svg"
          viewBox={`0 0 ${scale.width} ${scale.height}`}
          width={scale.width}
          height={scale.height}
          role="img"
          aria-label={title}
          className="chart"
        >
          <Axes xLabel={xLabel} yLabel={yLabel} />
          {children}
        </svg>
      </ScaleContext.Provider>
    </figure>
  );
}

function Bars({ bins }: { bins: ReliabilityBin[] }) {
  const { x, y } = useContext(ScaleContext);
  return (
    <>
      <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} stroke="currentColor" strokeDasharray="4 4" opacity={0.5} />
      {bins.map((bin) =>
        bin.accuracy === null ? null : (
          <rect
            key={bin.from}
            x={x(bin.from) + 1}
            y={y(bin.accuracy)}
            width={x(bin.to) - x(bin.from) - 2}
            height={y(0) - y(bin.accuracy)}
            fill="#2f80ed"
            opacity={0.8}
          >
            <title>{`${Math.round(bin.from * 100)}–${Math.round(bin.to * 100)}%: ${bin.count} fields, ${Math.round(bin.accuracy * 100)}% right`}</title>
          </rect>
        ),
      )}
    </>
  );
}

/** Observed accuracy per confidence bin, against the diagonal of perfect calibration. */
export function ReliabilityChart({
  bins,
  title,
  xLabel,
  yLabel,
}: {
  bins: ReliabilityBin[];
  title: string;
  xLabel: string;
  yLabel: string;
}) {
  return (
    <ChartFrame title={title} xLabel={xLabel} yLabel={yLabel}>
      <Bars bins={bins} />
    </ChartFrame>
  );
}

function WhatIfLines({ points, total, threshold }: { points: WhatIfPoint[]; total: number; threshold: number }) {
  const { x, y } = useContext(ScaleContext);
  const line = (values: [number, number | null][]) =>
    values
      .filter((p): p is [number, number] => p[1] !== null)
      .map(([a, b], i) => `${i ? 'L' : 'M'}${x(a).toFixed(1)},${y(b).toFixed(1)}`)
      .join(' ');
  // Near the right edge the threshold's label goes on the line's left, so "100%" stays inside.
  const left = threshold > 0.85;
  return (
    <>
      <path
        d={line(points.map((p) => [p.threshold, total ? p.toReview / total : 0]))}
        fill="none"
        stroke="#f2994a"
        strokeWidth={2}
      />
      <path
        d={line(points.map((p) => [p.threshold, p.accuracyOfRest]))}
        fill="none"
        stroke="#27ae60"
        strokeWidth={2}
        strokeDasharray="6 3"
      />
      <line x1={x(threshold)} y1={y(0)} x2={x(threshold)} y2={y(1)} stroke="#d92d20" strokeWidth={1.5} />
      <text
        x={x(threshold) + (left ? -4 : 4)}
        y={y(1) + 10}
        textAnchor={left ? 'end' : 'start'}
        fontSize={FONT}
        fill="#d92d20"
        className="threshold-label"
      >
        {Math.round(threshold * 100)}%
      </text>
    </>
  );
}

/** Share of fields sent to review and accuracy of the rest, for every threshold; the current one marked. */
export function WhatIfChart({
  points,
  total,
  threshold,
  title,
  xLabel,
  yLabel,
}: {
  points: WhatIfPoint[];
  total: number;
  threshold: number;
  title: string;
  xLabel: string;
  yLabel: string;
}) {
  return (
    <ChartFrame title={title} xLabel={xLabel} yLabel={yLabel}>
      <WhatIfLines points={points} total={total} threshold={threshold} />
    </ChartFrame>
  );
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The charts side by side in one SVG file, each under its title, at the size they have on screen. */
export function chartsSvg(charts: { title: string; svg: SVGSVGElement }[]): string {
  const gap = 16;
  const titleHeight = 22;
  let left = 0;
  let height = 0;
  const parts = charts.map(({ title, svg }) => {
    const width = svg.width.baseVal.value;
    height = Math.max(height, svg.height.baseVal.value);
    const caption = document.createElementNS(SVG_NS, 'text');
    caption.setAttribute('y', '15');
    caption.setAttribute('font-size', '13');
    caption.setAttribute('font-weight', 'bold');
    caption.textContent = title;
    const part = `<g transform="translate(${left} 0)">${caption.outerHTML}<g transform="translate(0 ${titleHeight})">${svg.outerHTML}</g></g>`;
    left += width + gap;
    return part;
  });
  const width = Math.max(0, left - gap);
  return `<svg xmlns="${SVG_NS}" width="${width}" height="${height + titleHeight}" font-family="sans-serif">${parts.join('')}</svg>`;
}

import type { ReactNode } from 'react';
import type { ReliabilityBin, WhatIfPoint } from '@/model/review/review-model';

const W = 360;
const H = 220;
const PAD = { left: 40, right: 12, top: 12, bottom: 34 };
const x = (v: number) => PAD.left + v * (W - PAD.left - PAD.right);
const y = (v: number) => H - PAD.bottom - v * (H - PAD.top - PAD.bottom);

function Axes({ xLabel, yLabel }: { xLabel: string; yLabel: string }) {
  return (
    <g fontSize="10" fill="currentColor">
      <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(0)} stroke="currentColor" />
      <line x1={x(0)} y1={y(0)} x2={x(0)} y2={y(1)} stroke="currentColor" />
      {[0, 0.25, 0.5, 0.75, 1].map((v) => (
        <g key={v}>
          <text x={x(v)} y={y(0) + 14} textAnchor="middle">
            {Math.round(v * 100)}%
          </text>
          <text x={x(0) - 6} y={y(v) + 3} textAnchor="end">
            {Math.round(v * 100)}%
          </text>
        </g>
      ))}
      <text x={(x(0) + x(1)) / 2} y={H - 4} textAnchor="middle">
        {xLabel}
      </text>
      <text transform={`translate(10 ${(y(0) + y(1)) / 2}) rotate(-90)`} textAnchor="middle">
        {yLabel}
      </text>
    </g>
  );
}

/** The SVG, its accessible name and the axes: what both charts share. */
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
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      role="img"
      aria-label={title}
      className="chart"
    >
      <title>{title}</title>
      <Axes xLabel={xLabel} yLabel={yLabel} />
      {children}
    </svg>
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
    </ChartFrame>
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
  const line = (values: [number, number | null][]) =>
    values
      .filter((p): p is [number, number] => p[1] !== null)
      .map(([a, b], i) => `${i ? 'L' : 'M'}${x(a).toFixed(1)},${y(b).toFixed(1)}`)
      .join(' ');
  return (
    <ChartFrame title={title} xLabel={xLabel} yLabel={yLabel}>
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
      <text x={x(threshold) + 4} y={y(1) + 10} fontSize="10" fill="#d92d20">
        {Math.round(threshold * 100)}%
      </text>
    </ChartFrame>
  );
}

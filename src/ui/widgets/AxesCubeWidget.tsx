import { useMemo, useState } from 'react';
import type { Widget } from '../../lessons/schema';
import {
  flatIndex,
  NORM_METHOD_LABELS,
  NORM_METHODS,
  reducedAxesSentence,
  sharedWith,
  validGroupCounts,
  type CubeIndex,
  type CubeShape,
  type NormMethod,
} from '../../lessons/widgets/normAxes';
import { RUN_COLORS } from '../charts/palette';
import { ChoiceField } from './fields/ChoiceField';
import { RadioField } from './fields/RadioField';
import { WidgetFrame } from './WidgetFrame';

type AxesCubeData = Extract<Widget, { widget: 'axesCube' }>;

/** Small enough to read at 390 px, big enough that every method's group differs from the others'. */
export const CUBE_SHAPE: CubeShape = { n: 2, c: 4, h: 3, w: 3 };

const CELL = 14;
const GAP = 12;
const HIGHLIGHT = RUN_COLORS.A;

function range(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}

/** Which cells are coloured, in words: the values that share the chosen element's statistics. */
function groupText(method: NormMethod, groups: number, anchor: CubeIndex, size: number): string {
  const sample = `sample ${anchor.n + 1}`;
  const channel = `channel ${anchor.c + 1}`;
  const perGroup = CUBE_SHAPE.c / groups;
  const g = Math.floor(anchor.c / perGroup);
  const what = {
    batchNorm: `${channel} of every sample`,
    layerNorm: `every channel of ${sample}`,
    instanceNorm: `${channel} of ${sample} only`,
    groupNorm: `channels ${g * perGroup + 1}–${(g + 1) * perGroup} of ${sample} (group ${g + 1} of ${groups})`,
  }[method];
  return `Coloured: ${what}: ${size} values normalized with one shared mean and variance.`;
}

function SampleGrid({
  n,
  shared,
  anchor,
}: {
  readonly n: number;
  readonly shared: ReadonlySet<number>;
  readonly anchor: CubeIndex;
}) {
  const { c, h, w } = CUBE_SHAPE;
  const width = c * w * CELL + (c - 1) * GAP;
  const height = h * CELL + 16;
  return (
    <figure className="nl-cube__sample">
      <figcaption className="nl-cube__label">Sample {n + 1}</figcaption>
      <svg viewBox={`-1 -1 ${width + 2} ${height + 2}`} className="nl-cube__svg" aria-hidden="true">
        {range(c).map((ch) => {
          const x0 = ch * (w * CELL + GAP);
          return (
            <g key={ch}>
              {range(h).map((y) =>
                range(w).map((x) => {
                  const index = { n, c: ch, h: y, w: x };
                  const on = shared.has(flatIndex(CUBE_SHAPE, index));
                  const isAnchor = n === anchor.n && ch === anchor.c && y === 0 && x === 0;
                  return (
                    <rect
                      key={`${y}-${x}`}
                      data-shared={on ? 'true' : 'false'}
                      x={x0 + x * CELL}
                      y={y * CELL}
                      width={CELL}
                      height={CELL}
                      fill={on ? HIGHLIGHT : '#f2f2f2'}
                      stroke={isAnchor ? '#1f1f1f' : '#ffffff'}
                      strokeWidth={isAnchor ? 2 : 1}
                    />
                  );
                }),
              )}
              <text x={x0 + (w * CELL) / 2} y={h * CELL + 12} textAnchor="middle" fontSize={10}>
                C{ch + 1}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

export function AxesCubeWidget({ widget }: { readonly widget: AxesCubeData }) {
  const [method, setMethod] = useState<NormMethod>('batchNorm');
  const [groups, setGroups] = useState(2);
  const [anchor, setAnchor] = useState<CubeIndex>({ n: 0, c: 0, h: 0, w: 0 });
  const shared = useMemo(
    () => sharedWith(method, CUBE_SHAPE, groups, anchor),
    [method, groups, anchor],
  );
  const { n, c, h, w } = CUBE_SHAPE;
  return (
    <WidgetFrame
      title={widget.title}
      intro={
        <p>
          A batch of activations of shape (N, C, H, W) = ({n}, {c}, {h}, {w}): {n} samples, each
          with {c} channels of {h}×{w} pixels. Pick a normalization to colour the values that share
          one mean and variance with the outlined value.
        </p>
      }
    >
      <div className="nl-widget__controls">
        <RadioField
          label="Normalization"
          hint="Each one reduces over different axes."
          value={method}
          choices={NORM_METHODS.map((m) => ({ value: m, label: NORM_METHOD_LABELS[m] }))}
          onChange={setMethod}
        />
        {method === 'groupNorm' ? (
          <ChoiceField
            label="Groups G"
            hint={`GroupNorm splits the ${c} channels into G groups; G must divide ${c}.`}
            value={groups}
            choices={validGroupCounts(c).map((g) => ({ value: g, label: String(g) }))}
            onChange={setGroups}
          />
        ) : null}
        <ChoiceField
          label="Outlined sample"
          hint="Whose statistics to colour."
          value={anchor.n}
          choices={range(n).map((i) => ({ value: i, label: `Sample ${i + 1}` }))}
          onChange={(sample) => setAnchor((a) => ({ ...a, n: sample }))}
        />
        <ChoiceField
          label="Outlined channel"
          hint="The outlined value's channel."
          value={anchor.c}
          choices={range(c).map((i) => ({ value: i, label: `Channel ${i + 1}` }))}
          onChange={(channel) => setAnchor((a) => ({ ...a, c: channel }))}
        />
      </div>
      <p className="nl-widget__reading">{reducedAxesSentence(method, CUBE_SHAPE, groups)}</p>
      <div
        className="nl-cube"
        role="img"
        aria-label={groupText(method, groups, anchor, shared.size)}
      >
        {range(n).map((sample) => (
          <SampleGrid key={sample} n={sample} shared={shared} anchor={anchor} />
        ))}
      </div>
      <p className="nl-widget__note" aria-hidden="true">
        {groupText(method, groups, anchor, shared.size)}
      </p>
    </WidgetFrame>
  );
}

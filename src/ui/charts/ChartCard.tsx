import { useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { downloadFile } from '../../export/exportClient';
import { ChartViewContext, FullScreenContext, useChartView } from '../present/chartView';
import {
  CHART_ID_ATTRIBUTE,
  leaveFullScreenChart,
  toggleFullScreenChart,
  useFullScreenChart,
} from '../present/fullScreenChart';
import { useShortcuts } from '../shortcuts/useShortcuts';
import { ChartErrorBoundary } from './ChartErrorBoundary';
import { chartPng, chartTable, fileStem, PNG_SCALE } from './exporting/chartFiles';
import { toCsv, type ChartData } from './exporting/chartTable';
import { SceneRegistryContext, type SceneRegistry } from './exporting/sceneRegistry';
import { Heading, subLevel, type HeadingLevel } from './Heading';
import './charts.css';
import { formatCount } from '../../lab/formatNumber';

/**
 * What a chart takes besides its data, as every chart names it: its heading (each has its own
 * default title) and what it says while it has nothing to draw.
 */
export interface ChartOptions {
  readonly title?: string | undefined;
  readonly headingLevel?: HeadingLevel | undefined;
  readonly emptyMessage?: string | undefined;
}

/** A chart's own title and empty-state sentence: what it says where its ChartOptions say nothing. */
export interface ChartText {
  readonly title: string;
  readonly emptyMessage: string;
}

const DEFAULT_HEADING_LEVEL: HeadingLevel = 3;

/** The level of a chart's own sub-headings: one below its title's. */
export function chartSubLevel(options: ChartOptions): HeadingLevel {
  return subLevel(options.headingLevel ?? DEFAULT_HEADING_LEVEL);
}

/** A card titled directly (lesson and widget charts that take no ChartOptions). */
interface TitledCard {
  readonly title: string;
  readonly headingLevel?: HeadingLevel | undefined;
  /** When set, the chart has nothing to show yet and this says what will appear. */
  readonly emptyMessage?: string | undefined;
}

/** A card for a chart that takes ChartOptions: the page's options first, then the chart's own text. */
interface OptionsCard {
  readonly options: ChartOptions;
  readonly text: ChartText;
  /** True while the chart has nothing to show: the card then says what will appear. */
  readonly empty: boolean;
}

function cardHeading(props: TitledCard | OptionsCard): TitledCard {
  if (!('options' in props)) return props;
  const { options, text, empty } = props;
  return {
    title: options.title ?? text.title,
    headingLevel: options.headingLevel,
    emptyMessage: empty ? (options.emptyMessage ?? text.emptyMessage) : undefined,
  };
}

export type ChartCardProps = (TitledCard | OptionsCard) & {
  /** A short visible caption: what the chart shows and how to read it. */
  readonly description?: ReactNode;
  /** The text a screen reader gets in place of the picture. */
  readonly summary: string;
  /** Toggles that change the view (log scale, which layers). */
  readonly controls?: ReactNode;
  /** Set while new data is being computed. */
  readonly busy?: boolean | undefined;
  /**
   * What the chart plots, for its CSV, when it draws without a scene (SVG charts): canvas plots give
   * theirs through the scene registry.
   */
  readonly data?: ChartData | undefined;
  readonly children?: ReactNode;
};

/**
 * The frame every chart shares: heading, caption, controls, the picture inside an error boundary,
 * and a visually hidden summary the figure is described by. Every chart can fill the screen (its
 * "Full screen" button, or F): it is laid over the window where it stands, so it keeps drawing while
 * runs train, and Escape or the same button brings it back.
 */
export function ChartCard(props: ChartCardProps) {
  const { description, summary, controls, busy, data, children } = props;
  const { title, headingLevel = DEFAULT_HEADING_LEVEL, emptyMessage } = cardHeading(props);
  const headingId = useId();
  const summaryId = useId();
  const chartId = useId();
  const full = useFullScreenChart((s) => s.chartId === chartId);
  const view = useChartView();
  const { presenting } = view;
  // A chart filling the screen is there to be seen from afar: it draws as presenter mode does.
  const fullView = useMemo(() => ({ ...view, presenting: true }), [view]);
  const empty = emptyMessage !== undefined;
  const figureRef = useRef<HTMLElement>(null);
  const scenes = useRef<SceneRegistry>(new Map()).current;
  const [saved, setSaved] = useState('');
  const downloadPng = async (): Promise<void> => {
    const figure = figureRef.current;
    if (!figure) return;
    try {
      const png = await chartPng(figure, scenes);
      const name = `${fileStem(title)}.png`;
      downloadFile(new Uint8Array(await png.blob.arrayBuffer()), name, 'image/png');
      setSaved(
        `Saved ${name}: ${formatCount(png.width)} × ${formatCount(png.height)} pixels (${PNG_SCALE}× the chart on screen).`,
      );
    } catch (error) {
      setSaved(`The picture could not be made: ${(error as Error).message}`);
    }
  };
  const downloadCsv = (): void => {
    const figure = figureRef.current;
    if (!figure) return;
    const table = chartTable(figure, scenes, title, data);
    if (table.rows.length === 0) {
      setSaved('This chart has no plotted data to download yet.');
      return;
    }
    const name = `${fileStem(title)}.csv`;
    downloadFile(new TextEncoder().encode(toCsv(table)), name, 'text/csv');
    const rows = table.rows.length;
    setSaved(
      `Saved ${name}: ${table.header.length} columns (${table.header[0]} first), ${formatCount(rows)} row${rows === 1 ? '' : 's'}.`,
    );
  };
  useShortcuts(
    [
      {
        keys: ['Escape'],
        label: 'Esc',
        description: 'Bring a full-screen chart back into the page',
        group: 'Charts',
        run: leaveFullScreenChart,
      },
    ],
    full,
  );
  const classes = [
    'nl-chart',
    full ? 'nl-chart--full' : '',
    full && !presenting ? 'nl-present' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <figure
      ref={figureRef}
      className={classes}
      aria-labelledby={headingId}
      aria-describedby={summaryId}
      aria-busy={busy ? true : undefined}
      {...{ [CHART_ID_ATTRIBUTE]: chartId }}
    >
      <div className="nl-chart__head">
        <Heading level={headingLevel} id={headingId} className="nl-chart__title">
          {title}
        </Heading>
        <div className="nl-chart__tools">
          <button
            type="button"
            className="nl-chart__tool"
            aria-label={full ? `Leave full screen: ${title}` : `Full screen: ${title}`}
            aria-pressed={full}
            onClick={() => toggleFullScreenChart(chartId)}
          >
            {full ? 'Leave full screen' : 'Full screen'}
          </button>
          {empty ? null : (
            <>
              <button
                type="button"
                className="nl-chart__tool"
                aria-label={`Download PNG: ${title}`}
                onClick={() => void downloadPng()}
              >
                Download PNG
              </button>
              <button
                type="button"
                className="nl-chart__tool"
                aria-label={`Download CSV: ${title}`}
                onClick={downloadCsv}
              >
                Download CSV
              </button>
            </>
          )}
        </div>
      </div>
      {/* Only once something was saved: an empty status line in every chart would make each quiz,
          prediction or widget that holds a chart announce two statuses. */}
      {saved ? (
        <p className="nl-chart__saved" role="status">
          {saved}
        </p>
      ) : null}
      {description ? <div className="nl-chart__description">{description}</div> : null}
      {controls ? <div className="nl-chart__controls">{controls}</div> : null}
      {empty ? (
        <p id={summaryId} className="nl-chart__empty">
          {emptyMessage}
        </p>
      ) : (
        <>
          <FullScreenContext.Provider value={full}>
            <ChartViewContext.Provider value={full ? fullView : view}>
              <SceneRegistryContext.Provider value={scenes}>
                <ChartErrorBoundary title={title}>{children}</ChartErrorBoundary>
              </SceneRegistryContext.Provider>
            </ChartViewContext.Provider>
          </FullScreenContext.Provider>
          <p id={summaryId} className="nl-visually-hidden">
            {summary}
          </p>
        </>
      )}
    </figure>
  );
}

import { useEffect, useId, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { loadOwnData } from '../../../data/ownDataStore';
import type { OwnDataOptions } from '../../../engine/data/ownData';
import {
  DRAW_EXTENT,
  drawnClassName,
  drawnData,
  drawnPointsProblem,
  MAX_DRAWN_CLASSES,
  MAX_DRAWN_POINTS,
  nearestPoint,
  pointsOfData,
  type DrawnPoint,
} from '../../../lab/drawnPoints';
import { useAppStore } from '../../../store/appStore';
import { markerPath, markerShape } from '../../charts/markers';
import { classColor } from '../../charts/palette';
import { OwnDataOptionsFields } from './OwnDataOptionsFields';
import { OwnDataSummaryText } from './OwnDataSummaryText';

/** Drawn points sit where the built-in sets do, so they are not standardized unless asked. */
const DRAWN_OPTIONS: OwnDataOptions = { validationFraction: 0.2, standardize: false };
const SIDE = 240;
/** How far an arrow key moves the keyboard cursor, in plane units. */
const KEY_STEP = 0.1;

const toScreen = (v: number) => ((v + DRAW_EXTENT) / (2 * DRAW_EXTENT)) * SIDE;
const round = (v: number) => Math.round(v * 1000) / 1000;

type Tool = number | 'erase';

/**
 * Draw a 2-D dataset: the learner places points of each class on the plane (click, or the arrow
 * keys and Enter), erases them, and trains every "drawn points" run on them.
 */
export function DrawPointsPanel() {
  const toolsId = useId();
  const summary = useAppStore((s) => s.ownData.drawn);
  const storage = useAppStore((s) => s.ownDataStatus);
  const [points, setPoints] = useState<DrawnPoint[]>([]);
  const [classes, setClasses] = useState(2);
  const [tool, setTool] = useState<Tool>(0);
  const [cursor, setCursor] = useState({ x: 0, y: 0 });
  const [problem, setProblem] = useState<string>();
  const [saved, setSaved] = useState(true);
  const options = summary?.options ?? DRAWN_OPTIONS;

  // The stored points come back to be edited (after a reload too).
  const fingerprint = summary?.fingerprint;
  useEffect(() => {
    if (fingerprint === undefined) return;
    let current = true;
    void loadOwnData('drawn')
      .then((record) => {
        if (!current || !record) return;
        const stored = pointsOfData(record.data);
        setPoints(stored);
        setClasses((n) => Math.max(n, ...stored.map((p) => p.c + 1)));
        setSaved(true);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [fingerprint]);

  const act = (x: number, y: number) => {
    setSaved(false);
    if (tool === 'erase') {
      const i = nearestPoint(points, x, y);
      if (i >= 0) setPoints(points.filter((_, j) => j !== i));
    } else if (points.length < MAX_DRAWN_POINTS) {
      setPoints([...points, { x: round(x), y: round(y), c: tool }]);
    }
  };

  const onClick = (event: MouseEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * 2 * DRAW_EXTENT - DRAW_EXTENT;
    const y = DRAW_EXTENT - ((event.clientY - box.top) / box.height) * 2 * DRAW_EXTENT;
    setCursor({ x, y });
    act(x, y);
  };

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-KEY_STEP, 0],
      ArrowRight: [KEY_STEP, 0],
      ArrowUp: [0, KEY_STEP],
      ArrowDown: [0, -KEY_STEP],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      const clamp = (v: number) => Math.max(-DRAW_EXTENT, Math.min(DRAW_EXTENT, round(v)));
      setCursor({ x: clamp(cursor.x + move[0]), y: clamp(cursor.y + move[1]) });
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      act(cursor.x, cursor.y);
    }
  };

  const train = async () => {
    try {
      await useAppStore.getState().useOwnData('drawn', drawnData(points), options);
      setSaved(true);
      setProblem(undefined);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  const counts = Array.from({ length: classes }, (_, c) => points.filter((p) => p.c === c).length);
  const notReady = drawnPointsProblem(points);
  const toolName = tool === 'erase' ? 'the eraser' : drawnClassName(tool);

  return (
    <div className="nl-own-data" role="group" aria-label="Your own data">
      <OwnDataSummaryText id="drawn" summary={summary} storage={storage} />
      <fieldset className="nl-draw-tools">
        <legend id={toolsId}>Draw with</legend>
        {Array.from({ length: classes }, (_, c) => (
          <label key={c} className="nl-draw-tool">
            <input type="radio" name={toolsId} checked={tool === c} onChange={() => setTool(c)} />
            <svg width="12" height="12" aria-hidden="true">
              <path d={markerPath(markerShape(c), 6, 6, 5)} fill={classColor(c)} />
            </svg>
            {drawnClassName(c)}
          </label>
        ))}
        <label className="nl-draw-tool">
          <input
            type="radio"
            name={toolsId}
            checked={tool === 'erase'}
            onChange={() => setTool('erase')}
          />
          Eraser
        </label>
        <button
          type="button"
          className="nl-button nl-button--quiet"
          disabled={classes >= MAX_DRAWN_CLASSES}
          onClick={() => {
            setTool(classes);
            setClasses(classes + 1);
          }}
        >
          Add a class
        </button>
      </fieldset>
      <svg
        className="nl-draw-plane"
        role="application"
        aria-label={`Drawing plane: click to place a point with ${toolName}, or move the cross with the arrow keys and press Enter`}
        aria-describedby={`${toolsId}-count`}
        tabIndex={0}
        width={SIDE}
        height={SIDE}
        viewBox={`0 0 ${SIDE} ${SIDE}`}
        onClick={onClick}
        onKeyDown={onKeyDown}
      >
        <rect width={SIDE} height={SIDE} fill="#fff" stroke="#999" />
        <line x1={SIDE / 2} x2={SIDE / 2} y1={0} y2={SIDE} stroke="#ddd" />
        <line y1={SIDE / 2} y2={SIDE / 2} x1={0} x2={SIDE} stroke="#ddd" />
        {points.map((p, i) => (
          <path
            key={i}
            d={markerPath(markerShape(p.c), toScreen(p.x), SIDE - toScreen(p.y), 4)}
            fill={classColor(p.c)}
            stroke="#1f1f1f"
            strokeWidth={0.75}
          />
        ))}
        <g className="nl-draw-plane__cursor" stroke="#1f1f1f">
          <line
            x1={toScreen(cursor.x) - 6}
            x2={toScreen(cursor.x) + 6}
            y1={SIDE - toScreen(cursor.y)}
            y2={SIDE - toScreen(cursor.y)}
          />
          <line
            x1={toScreen(cursor.x)}
            x2={toScreen(cursor.x)}
            y1={SIDE - toScreen(cursor.y) - 6}
            y2={SIDE - toScreen(cursor.y) + 6}
          />
        </g>
      </svg>
      <p className="nl-note" id={`${toolsId}-count`} aria-live="polite">
        {points.length} point{points.length === 1 ? '' : 's'}:{' '}
        {counts.map((n, c) => `${n} of ${drawnClassName(c)}`).join(', ')}.
        {points.length >= MAX_DRAWN_POINTS ? ` That is the most the plane takes.` : ''}
      </p>
      <div className="nl-button-row">
        <button
          type="button"
          className="nl-button nl-button--primary"
          disabled={notReady !== undefined || saved}
          aria-describedby={notReady ? `${toolsId}-why` : undefined}
          onClick={() => void train()}
        >
          Train on these points
        </button>
        <button
          type="button"
          className="nl-button nl-button--quiet"
          disabled={points.length === 0}
          onClick={() => {
            setPoints([]);
            setSaved(false);
          }}
        >
          Clear the plane
        </button>
      </div>
      {notReady ? (
        <p className="nl-note" id={`${toolsId}-why`}>
          {notReady}
        </p>
      ) : null}
      {problem ? (
        <div className="nl-message nl-message--error" role="alert">
          <p>{problem}</p>
        </div>
      ) : null}
      {summary ? (
        <OwnDataOptionsFields id="drawn" options={options} onProblem={setProblem} />
      ) : null}
    </div>
  );
}

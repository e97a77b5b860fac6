import { useEffect, useId, useRef, useState, type PointerEvent } from 'react';
import { digitAtResolution, mnistStyleDigit } from '../../../engine/data/mnistStyle';
import { datasetInfo } from '../../../lab/datasets';
import { useAppStore } from '../../../store/appStore';
import type { LabRun } from '../../../store/labRun';
import { ChartErrorBoundary } from '../../charts/ChartErrorBoundary';
import { LayerStrip } from './LayerStrip';
import { formatCount } from '../../../lab/formatNumber';

/** The pad's drawing surface in canvas pixels; the ink is 10 % of it wide, as a pen stroke in MNIST. */
const PAD = 280;
const STROKE = 22;
/** While training, the digit is sent through the network again at most this often. */
const LIVE_MS = 300;

/** The ink of the pad (its alpha channel) in [0, 1]. */
function readInk(canvas: HTMLCanvasElement): Float32Array {
  const context = canvas.getContext('2d');
  if (!context) return new Float32Array(PAD * PAD);
  const { data } = context.getImageData(0, 0, PAD, PAD);
  const ink = new Float32Array(PAD * PAD);
  for (let i = 0; i < ink.length; i++) ink[i] = data[4 * i + 3]! / 255;
  return ink;
}

/** The bytes the network sees, drawn large: black ink on white, as the pad. */
function InputPreview({ pixels, side }: { pixels: Uint8Array; side: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context) return;
    const image = context.createImageData(side, side);
    for (let i = 0; i < side * side; i++) {
      const v = 255 - pixels[i]!;
      image.data.set([v, v, v, 255], 4 * i);
    }
    context.putImageData(image, 0, 0);
  }, [pixels, side]);
  return (
    <canvas
      ref={ref}
      className="nl-digit-pad__input"
      width={side}
      height={side}
      role="img"
      aria-label={`Your digit as the network sees it: ${side}×${side} pixels, centred by its centre of mass as MNIST's digits are`}
    />
  );
}

/**
 * Draw a digit: on an MNIST run, the learner's digit is prepared as MNIST's were (fitted into 20×20,
 * centred by its centre of mass in 28×28, halved for 14×14) and sent through the run's current
 * network; the prediction, the class probabilities and each layer's activations come back live
 * while it trains.
 */
export function DigitPad({ run }: { readonly run: LabRun }) {
  const titleId = useId();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<{ x: number; y: number } | undefined>(undefined);
  const [digit, setDigit] = useState<Uint8Array>();
  const side = datasetInfo(run.settings.dataset).sampleShape[1] === 14 ? 14 : 28;
  const input = digit ? digitAtResolution(digit, side) : undefined;
  const { inference, ready, id: runId } = run;

  // Sent now, and again whenever the weights have moved on (at most every LIVE_MS).
  const sentStep = useRef(-1);
  const sentInput = useRef<Uint8Array | undefined>(undefined);
  const step = run.step;
  useEffect(() => {
    if (!input || !ready) return;
    const send = () => {
      if (sentInput.current === input && sentStep.current === step) return;
      sentInput.current = input;
      sentStep.current = step;
      useAppStore.getState().inferRun(runId, input);
    };
    if (sentInput.current !== input) {
      send();
      return;
    }
    const timer = setTimeout(send, LIVE_MS);
    return () => clearTimeout(timer);
  }, [input, ready, runId, step]);

  const point = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) / box.width) * PAD,
      y: ((event.clientY - box.top) / box.height) * PAD,
    };
  };
  const stroke = (to: { x: number; y: number }) => {
    const context = canvas.current?.getContext('2d');
    const from = drawing.current;
    if (!context || !from) return;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.lineWidth = STROKE;
    context.strokeStyle = '#000';
    context.beginPath();
    context.moveTo(from.x, from.y);
    context.lineTo(to.x, to.y);
    context.stroke();
    drawing.current = to;
  };
  const finish = () => {
    if (!drawing.current || !canvas.current) return;
    drawing.current = undefined;
    setDigit(mnistStyleDigit(readInk(canvas.current), PAD, PAD));
  };
  const clear = () => {
    canvas.current?.getContext('2d')?.clearRect(0, 0, PAD, PAD);
    setDigit(undefined);
    sentInput.current = undefined;
  };

  const answer = input && inference ? inference : undefined;
  const classNames = run.dataset?.classNames ?? [];
  return (
    <section className="nl-panel nl-digit-pad" aria-labelledby={titleId}>
      <ChartErrorBoundary title="Draw a digit">
        <h3 id={titleId} className="nl-chart__title">
          Draw a digit
        </h3>
        <p className="nl-note">
          Draw a digit with the mouse, a pen or a finger. It is prepared as MNIST’s digits were and
          sent through this run’s current network, again and again while it trains.
        </p>
        <div className="nl-digit-pad__row">
          <canvas
            ref={canvas}
            className="nl-digit-pad__canvas"
            width={PAD}
            height={PAD}
            role="application"
            aria-label="Drawing pad for a digit"
            onPointerDown={(event) => {
              event.currentTarget.setPointerCapture(event.pointerId);
              drawing.current = point(event);
              stroke(drawing.current);
            }}
            onPointerMove={(event) => {
              if (drawing.current) stroke(point(event));
            }}
            onPointerUp={finish}
            onPointerCancel={finish}
          />
          {input ? <InputPreview pixels={input} side={side} /> : null}
        </div>
        <button
          type="button"
          className="nl-button nl-button--quiet"
          disabled={!digit}
          onClick={clear}
        >
          Clear the pad
        </button>
        <p className="nl-digit-pad__prediction" role="status">
          {!input
            ? 'Nothing drawn yet.'
            : answer
              ? `The network predicts ${classNames[answer.prediction] ?? answer.prediction} (${(answer.probabilities[answer.prediction]! * 100).toFixed(0)}%) at step ${formatCount(answer.step)}.`
              : 'Asking the network…'}
        </p>
        {answer ? (
          <>
            <ul className="nl-digit-pad__probabilities" aria-label="Class probabilities">
              {[...answer.probabilities].map((p, c) => (
                <li key={c}>
                  <span className="nl-digit-pad__class">{classNames[c] ?? c}</span>
                  <span className="nl-digit-pad__bar" aria-hidden="true">
                    <span style={{ width: `${(p * 100).toFixed(1)}%` }} />
                  </span>
                  <span className="nl-digit-pad__percent">{(p * 100).toFixed(1)}%</span>
                </li>
              ))}
            </ul>
            <h4 className="nl-digit-pad__layers-title">Each layer’s activations for your digit</h4>
            <ol className="nl-digit-pad__layers">
              {answer.layers.map((layer) => (
                <li key={layer.name}>
                  <LayerStrip layer={layer} />
                </li>
              ))}
            </ol>
          </>
        ) : null}
      </ChartErrorBoundary>
    </section>
  );
}

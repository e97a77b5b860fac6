import { useMemo } from 'react';
import type { Widget } from '../../lessons/schema';
import { sourceExcerpt } from '../../lessons/widgets/engineSource';
import { ENGINE_SOURCES, PYTHON_TWINS } from './engineSources';
import { WidgetFrame } from './WidgetFrame';

type EngineSourceData = Extract<Widget, { widget: 'engineSource' }>;

export interface EngineSourceWidgetProps {
  readonly widget: EngineSourceData;
  /** The bundled engine sources; tests pass their own. */
  readonly sources?: Readonly<Record<string, string>>;
}

/** The engine's code for a layer, with line numbers, to read beside the formula in the lesson text. */
export function EngineSourceWidget({ widget, sources = ENGINE_SOURCES }: EngineSourceWidgetProps) {
  const excerpt = useMemo(
    () => sourceExcerpt(sources, { file: widget.file, from: widget.from, to: widget.to }),
    [sources, widget.file, widget.from, widget.to],
  );
  if (!excerpt.ok) {
    return (
      <WidgetFrame title={widget.title} intro={null}>
        <p className="nl-widget__error" role="alert">
          This code excerpt cannot be shown: {excerpt.message}
        </p>
      </WidgetFrame>
    );
  }
  const python = widget.python === undefined ? undefined : PYTHON_TWINS[widget.python];
  const last = excerpt.firstLine + excerpt.lines.length - 1;
  const digits = String(last).length;
  return (
    <WidgetFrame
      title={widget.title}
      intro={
        <p>
          The engine's own code that trains your networks: <code>{excerpt.path}</code>, lines{' '}
          {excerpt.firstLine}–{last}.
        </p>
      }
    >
      <div className={python === undefined ? undefined : 'nl-source-pair'}>
        <figure className="nl-source-pair__item">
          {python === undefined ? null : <figcaption>The engine, in TypeScript</figcaption>}
          <pre
            className="nl-source"
            tabIndex={0}
            aria-label={`${excerpt.path}, lines ${excerpt.firstLine} to ${last}`}
          >
            <code>
              {excerpt.lines.map((line, i) => (
                <span key={i} className="nl-source__line">
                  <span className="nl-source__number" aria-hidden="true">
                    {String(excerpt.firstLine + i).padStart(digits, ' ')}
                  </span>
                  {line === '' ? '\n' : `${line}\n`}
                </span>
              ))}
            </code>
          </pre>
        </figure>
        {python === undefined ? null : (
          <figure className="nl-source-pair__item">
            <figcaption>
              The same layer from scratch in Python (<code>{python.path}</code>), which the test
              suite checks against <code>torch.nn.BatchNorm1d</code> in train and eval mode
            </figcaption>
            <pre className="nl-source" tabIndex={0} aria-label={`${python.path}, Python`}>
              <code>
                {python.text.split('\n').map((line, i) => (
                  <span key={i} className="nl-source__line">
                    {line === '' ? '\n' : `${line}\n`}
                  </span>
                ))}
              </code>
            </pre>
          </figure>
        )}
      </div>
    </WidgetFrame>
  );
}

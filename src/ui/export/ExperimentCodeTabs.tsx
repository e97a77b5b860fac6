import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ExportRun } from '../../export/exportBundle';
import { ExportButton } from './ExportButton';
import { PytorchCode } from './PytorchCode';

export interface ExperimentCodeTabsProps {
  /** The runs as they are set now, with their labels. */
  readonly runs: () => readonly (ExportRun & { readonly label: string })[];
  /** The zip's name. */
  readonly name: string;
  /** The experiment itself: kept mounted while the PyTorch tab shows, so training goes on. */
  readonly children: ReactNode;
}

const TABS = ['Experiment', 'PyTorch'] as const;

/** An experiment and, on a tab beside it, its PyTorch code, with the Export to PyTorch button. */
export function ExperimentCodeTabs({ runs, name, children }: ExperimentCodeTabsProps) {
  const baseId = useId();
  const [selected, setSelected] = useState(0);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, at: number): void => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const next = (at + 1) % TABS.length;
    setSelected(next);
    tabRefs.current[next]?.focus();
  };
  return (
    <div className="nl-experiment-code">
      <div className="nl-experiment-code__bar">
        <div role="tablist" aria-label="Experiment or PyTorch code" className="nl-tabs">
          {TABS.map((tab, i) => (
            <button
              key={tab}
              ref={(el) => {
                tabRefs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${i}`}
              aria-selected={i === selected}
              aria-controls={`${baseId}-panel-${i}`}
              tabIndex={i === selected ? 0 : -1}
              className="nl-tabs__tab"
              onClick={() => setSelected(i)}
              onKeyDown={(event) => onKeyDown(event, i)}
            >
              {tab}
            </button>
          ))}
        </div>
        <ExportButton runs={runs} name={name} />
      </div>
      {/* The PyTorch code is written only while its tab is open. */}
      {[children, selected === 1 ? <PytorchCode runs={runs()} /> : null].map((content, i) => (
        <div
          key={TABS[i]}
          role="tabpanel"
          id={`${baseId}-panel-${i}`}
          aria-labelledby={`${baseId}-tab-${i}`}
          hidden={selected !== i}
        >
          {content}
        </div>
      ))}
    </div>
  );
}

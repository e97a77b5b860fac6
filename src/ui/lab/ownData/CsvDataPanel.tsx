import { useId, useState } from 'react';
import { CsvError } from '../../../data/csv/csvError';
import { MAX_FEATURES, MAX_ROWS } from '../../../data/csv/csvLimits';
import type { CsvTable } from '../../../data/csv/csvTable';
import { ownDataFromCsv } from '../../../data/csv/ownDataFromCsv';
import type { OwnDataOptions } from '../../../engine/data/ownData';
import { useAppStore } from '../../../store/appStore';
import { readCsvInWorker, type CsvReader } from '../../../worker/csvClient';
import { SelectField } from '../fields/SelectField';
import { DEFAULT_OWN_OPTIONS, OwnDataOptionsFields } from './OwnDataOptionsFields';
import { OwnDataSummaryText } from './OwnDataSummaryText';
import { formatCount } from '../../../lab/formatNumber';

let reader: CsvReader = readCsvInWorker;
/** Tests read files in place instead of in a worker. */
export function setCsvReader(next: CsvReader | undefined): void {
  reader = next ?? readCsvInWorker;
}

function problemText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * "Use your own data": a CSV file read in a worker, checked, and kept in this browser. A file that
 * cannot be used is explained (line, column, what was expected) and changes nothing: the runs keep
 * the data they had.
 */
export function CsvDataPanel() {
  const inputId = useId();
  const summary = useAppStore((s) => s.ownData.csv);
  const storage = useAppStore((s) => s.ownDataStatus);
  const [table, setTable] = useState<CsvTable>();
  const [labelColumn, setLabelColumn] = useState(0);
  const [reading, setReading] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const options = summary?.options ?? DEFAULT_OWN_OPTIONS;

  /** Checks the table with this label column and, when it is good, trains every csv run on it. */
  const apply = async (next: CsvTable, column: number, chosen: OwnDataOptions) => {
    try {
      const data = ownDataFromCsv(next, column);
      await useAppStore.getState().useOwnData('csv', data, chosen, column);
      setProblem(undefined);
    } catch (error) {
      setProblem(problemText(error));
    }
  };

  const choose = async (file: File) => {
    setReading(file.name);
    setProblem(undefined);
    try {
      const next = await reader(file, file.name);
      const column = next.columns.length - 1;
      setTable(next);
      setLabelColumn(column);
      await apply(next, column, options);
    } catch (error) {
      setProblem(
        error instanceof CsvError
          ? error.message
          : `${file.name} could not be read: ${problemText(error)}`,
      );
    } finally {
      setReading(undefined);
    }
  };

  return (
    <div className="nl-own-data" role="group" aria-label="Your own data">
      <OwnDataSummaryText id="csv" summary={summary} storage={storage} />
      <div className="nl-field">
        <label className="nl-field__label" htmlFor={inputId}>
          CSV file
        </label>
        <input
          id={inputId}
          type="file"
          className="nl-input nl-input--file"
          accept=".csv,.tsv,.txt,text/csv,text/plain"
          aria-describedby={`${inputId}-hint`}
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Cleared, so choosing the same file again (after fixing it) reads it again.
            event.target.value = '';
            if (file) void choose(file);
          }}
        />
        <p className="nl-field__hint" id={`${inputId}-hint`}>
          A column of numbers per feature and a label column; the first line may name the columns.
          Up to {formatCount(MAX_ROWS)} rows and {MAX_FEATURES} features. The file stays in this
          browser.
        </p>
      </div>
      {reading ? (
        <p className="nl-note" role="status">
          Reading {reading}…
        </p>
      ) : null}
      {problem ? (
        <div className="nl-message nl-message--error" role="alert">
          <p className="nl-message__title">This file cannot be used</p>
          <p>{problem}</p>
          <p>
            {summary
              ? `Nothing changed: the runs keep training on ${summary.name}.`
              : 'Nothing changed. Fix the file and choose it again.'}
          </p>
        </div>
      ) : null}
      {table ? (
        <SelectField
          label="Label column"
          hint="The column that holds each row's class; every other column is a feature."
          value={String(labelColumn)}
          choices={table.columns.map((c, j) => ({
            value: String(j),
            label: `${j + 1}: ${c.name}`,
          }))}
          onChange={(value) => {
            const column = Number(value);
            setLabelColumn(column);
            void apply(table, column, options);
          }}
        />
      ) : null}
      {summary ? <OwnDataOptionsFields id="csv" options={options} onProblem={setProblem} /> : null}
    </div>
  );
}

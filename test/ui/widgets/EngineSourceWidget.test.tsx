// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EngineSourceWidget } from '../../../src/ui/widgets/EngineSourceWidget';
import { ENGINE_SOURCES } from '../../../src/ui/widgets/engineSources';

afterEach(cleanup);

const widget = {
  widget: 'engineSource',
  title: 'BatchNorm in our engine',
  file: 'layers/batchNorm.ts',
} as const;

describe('EngineSourceWidget', () => {
  it('bundles every engine source file', () => {
    expect(Object.keys(ENGINE_SOURCES)).toContain('/src/engine/layers/batchNorm.ts');
    expect(ENGINE_SOURCES['/src/engine/layers/linear.ts']).toContain('export class Linear');
  });

  it('shows the lines between the markers with their line numbers', () => {
    const source = ENGINE_SOURCES['/src/engine/layers/batchNorm.ts']!.split('\n');
    const first = source.findIndex((l) => l.includes('forward(')) + 1;
    const last = source.findIndex((l, i) => i >= first - 1 && l.includes('backward(')) + 1;
    render(<EngineSourceWidget widget={{ ...widget, from: 'forward(', to: 'backward(' }} />);
    const code = screen.getByRole('region', { name: 'BatchNorm in our engine' });
    expect(code).toHaveTextContent(`src/engine/layers/batchNorm.ts, lines ${first}–${last}.`);
    const pre = screen.getByLabelText(`src/engine/layers/batchNorm.ts, lines ${first} to ${last}`);
    const lines = pre.querySelectorAll('.nl-source__line');
    expect(lines).toHaveLength(last - first + 1);
    expect(lines[0]!.querySelector('.nl-source__number')).toHaveTextContent(String(first));
    expect(lines[0]).toHaveTextContent(source[first - 1]!.trim());
    expect(pre).toHaveAttribute('tabindex', '0'); // scrollable by keyboard
  });

  it('shows the from-scratch Python twin beside the engine source when the lesson asks for it', () => {
    render(<EngineSourceWidget widget={{ ...widget, python: 'batchNorm1d' }} />);
    const python = screen.getByLabelText('src/export/scratch/batch_norm_1d.py, Python');
    expect(python).toHaveTextContent('class BatchNorm1d(nn.Module):');
    expect(python).toHaveTextContent('var = x.var(dim=0, unbiased=False)');
    expect(screen.getByText('The engine, in TypeScript')).toBeInTheDocument();
    expect(screen.getByText(/checks against/)).toHaveTextContent('torch.nn.BatchNorm1d');
  });

  it('explains a missing file inline', () => {
    render(<EngineSourceWidget widget={{ ...widget, file: 'layers/batchnorm2.ts' }} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      /^This code excerpt cannot be shown: There is no engine file src\/engine\/layers\/batchnorm2\.ts\. Files in that folder: .*layers\/batchNorm\.ts/,
    );
  });

  it('explains a missing marker inline', () => {
    render(<EngineSourceWidget widget={{ ...widget, from: 'function doesNotExist' }} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The start marker “function doesNotExist” does not occur in src/engine/layers/batchNorm.ts.',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { exportSetupOf } from '../../src/export/exportSetup';
import { trainNotebook } from '../../src/export/notebook';
import { ExportRefusal } from '../../src/export/python/refusal';
import { trainScript } from '../../src/export/python/trainScript';
import { DEFAULT_RUN_SETTINGS, type LabRunSettings } from '../../src/lab/labSettings';
import { loadTrack } from '../../src/lessons/loadTrack';
import { runSettings } from '../../src/lessons/runSettings';

const script = (settings: Partial<LabRunSettings>) =>
  trainScript(exportSetupOf({ ...DEFAULT_RUN_SETTINGS, ...settings }, { title: 'Lab run A' }));

describe('trainScript', () => {
  it('is idiomatic PyTorch: an nn.Module with the app layer names, nn.init, train and eval modes', () => {
    const text = script({ norm: 'batchNorm', depth: 2, init: 'kaimingNormal' });
    expect(text).toContain('class Net(nn.Module):');
    expect(text).toContain('self.fc1 = nn.Linear(2, 32, bias=False)');
    expect(text).toContain('self.norm1 = nn.BatchNorm1d(32)');
    expect(text).toContain('x = self.act1(self.norm1(self.fc1(x)))');
    expect(text).toContain('nn.init.kaiming_normal_(w, a=0, mode="fan_in", nonlinearity="relu")');
    expect(text).toContain('torch.optim.SGD(model.parameters(), lr=0.03, momentum=0.9)');
    expect(text).toContain('model.train()');
    expect(text).toContain('model.eval()');
    expect(text).toContain('with torch.no_grad():');
    expect(text).not.toMatch(/matplotlib|pandas/);
  });

  it('writes the CNN block for the placement and skip the run uses', () => {
    const text = script({
      dataset: 'mnist14',
      architecture: 'cnn',
      depth: 2,
      width: 8,
      norm: 'groupNorm',
      groups: 2,
      placement: 'after',
      residual: false,
    });
    expect(text).toContain('class Block(nn.Module):');
    expect(text).toContain('self.bn1 = nn.GroupNorm(2, channels)');
    expect(text).toContain('self.block2 = Block(8)');
    expect(text).not.toContain('out = out + x');
    expect(script({ dataset: 'mnist14', architecture: 'cnn', residual: true })).toContain(
      'out = out + x  # the skip connection',
    );
  });

  it('writes the custom init formula out with its fan and distribution', () => {
    const text = script({
      init: 'custom',
      initDistribution: 'uniform',
      initFanMode: 'fanAvg',
      initGain: 2,
      initMultiplier: 0.5,
    });
    expect(text).toContain('std = 0.5 * 2.0 / math.sqrt((fan_in + fan_out) / 2)');
    expect(text).toContain('nn.init.uniform_(w, -math.sqrt(3) * std, math.sqrt(3) * std)');
  });

  it('refuses, with a sentence, what it cannot express the same way', () => {
    const setup = exportSetupOf(DEFAULT_RUN_SETTINGS, { title: 'Lab run A' });
    const odd = {
      ...setup,
      config: { ...setup.config, model: { ...setup.config.model, activation: 'swish' } },
    } as unknown as typeof setup;
    expect(() => trainScript(odd)).toThrow(ExportRefusal);
    expect(() => trainScript(odd)).toThrow(
      "The PyTorch export cannot express the activation 'swish' the same way; it knows relu, leakyRelu, tanh, sigmoid, gelu.",
    );
  });
});

describe("the PyTorch tab of every lesson's experiments", () => {
  it('writes train.py for every run of every experiment of lessons 1-8, with eval mode and no_grad', () => {
    const written: string[] = [];
    for (const lesson of loadTrack().lessons) {
      for (const segment of lesson.segments) {
        if (segment.kind !== 'experiment') continue;
        const experiment = segment.data;
        experiment.runs.forEach((run, index) => {
          const where = `${lesson.meta.id}/${segment.id}, run '${run.label}'`;
          const setup = exportSetupOf(runSettings(experiment, index), {
            title: where,
            steps: experiment.steps,
            validationEvery: experiment.validationEvery,
          });
          let text = '';
          expect(() => (text = trainScript(setup)), where).not.toThrow();
          expect(text, where).toContain('model.eval()');
          expect(text, where).toContain('torch.no_grad()');
          written.push(where);
        });
      }
    }
    // Every lesson has experiments; the advanced track's too.
    const lessons = new Set(written.map((w) => w.split('/')[0]));
    expect(lessons.size).toBe(loadTrack().lessons.length);
  });
});

describe('trainNotebook', () => {
  it('holds the same code as train.py, one cell per section, as nbformat 4.5', () => {
    const setup = exportSetupOf(DEFAULT_RUN_SETTINGS, { title: 'Lab run A' });
    const notebook = JSON.parse(trainNotebook(setup)) as {
      nbformat: number;
      nbformat_minor: number;
      cells: { id: string; cell_type: string; source: string[] }[];
    };
    expect([notebook.nbformat, notebook.nbformat_minor]).toEqual([4, 5]);
    const code = notebook.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join(''));
    const script = trainScript(setup);
    for (const cell of code.slice(1, -1)) expect(script).toContain(cell);
    expect(code[code.length - 1]).toContain('losses = train(1000)');
    expect(new Set(notebook.cells.map((c) => c.id)).size).toBe(notebook.cells.length);
  });
});

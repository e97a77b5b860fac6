import { memo } from 'react';
import { ACTIVATIONS, NORM_KINDS, NORM_PLACEMENTS } from '../../engine/model/spec';
import { groupChoices } from '../../lab/coherence';
import { datasetInfo, LAB_DATASETS } from '../../lab/datasets';
import {
  ARCHITECTURES,
  CUSTOM_DISTRIBUTIONS,
  CUSTOM_FAN_MODES,
  LAB_INIT_KINDS,
  OPTIMIZERS,
  VALIDATION_MODES,
  type LabRunSettings,
  type SettingKey,
} from '../../lab/labSettings';
import {
  ACTIVATION_LABELS,
  ARCHITECTURE_LABELS,
  FAN_MODE_LABELS,
  INIT_LABELS,
  NORM_LABELS,
  OPTIMIZER_LABELS,
  PLACEMENT_LABELS,
  VALIDATION_LABELS,
} from '../../lab/labels';
import { CNN_LIMITS, SETTINGS_TABLE } from '../../lab/settingsTable';
import { DATASET_IDS } from '../../lab/datasets';
import { CheckboxField } from './fields/CheckboxField';
import { LearningRateField } from './fields/LearningRateField';
import { NumberField } from './fields/NumberField';
import { SelectField } from './fields/SelectField';

export interface SettingsFormProps {
  readonly settings: LabRunSettings;
  readonly onChange: <K extends SettingKey>(key: K, value: LabRunSettings[K]) => void;
}

const limits = (
  key:
    | 'noise'
    | 'depth'
    | 'width'
    | 'initGain'
    | 'initMultiplier'
    | 'batchSize'
    | 'seed'
    | 'learningRate',
) => {
  const field = SETTINGS_TABLE[key];
  return { min: field.min ?? 0, max: field.max ?? 0 };
};

/** Every setting of one run, grouped as a learner thinks about them: data, network, norm, init, training. */
export const SettingsForm = memo(function SettingsForm({
  settings: s,
  onChange,
}: SettingsFormProps) {
  const data = datasetInfo(s.dataset);
  const cnn = s.architecture === 'cnn';
  const depthMax = cnn ? CNN_LIMITS.maxDepth : limits('depth').max;
  const widthMax = cnn ? CNN_LIMITS.maxWidth : limits('width').max;

  return (
    <div className="nl-settings">
      <fieldset className="nl-fieldset">
        <legend>Data</legend>
        <SelectField
          label="Dataset"
          hint={data.hint}
          value={s.dataset}
          options={DATASET_IDS.map((id) => ({ value: id, label: LAB_DATASETS[id].label }))}
          onChange={(v) => onChange('dataset', v)}
        />
        {data.kind === 'points' ? (
          <NumberField
            label="Noise"
            hint="How far points scatter from the clean shape (0 to 0.5)."
            value={s.noise}
            {...limits('noise')}
            step={0.05}
            onChange={(v) => onChange('noise', v)}
          />
        ) : null}
      </fieldset>

      <fieldset className="nl-fieldset">
        <legend>Network</legend>
        <SelectField
          label="Architecture"
          hint="MLP: fully connected layers. CNN: a small ResNet-like convolutional network, for MNIST."
          value={s.architecture}
          options={ARCHITECTURES.map((a) => ({
            value: a,
            label: ARCHITECTURE_LABELS[a],
            disabledReason: a === 'cnn' && data.kind !== 'image' ? 'MNIST only' : undefined,
          }))}
          onChange={(v) => onChange('architecture', v)}
        />
        <NumberField
          label={cnn ? 'Residual blocks' : 'Hidden layers'}
          hint={
            cnn
              ? `Blocks of two 3×3 convolutions after the first one (1 to ${depthMax}).`
              : `Fully connected hidden layers (1 to ${depthMax}). Deep plain networks show vanishing signals.`
          }
          value={s.depth}
          min={1}
          max={depthMax}
          integer
          onChange={(v) => onChange('depth', v)}
        />
        <NumberField
          label={cnn ? 'Channels' : 'Units per layer'}
          hint={
            cnn
              ? `Feature maps of every convolution (2 to ${widthMax}).`
              : `Neurons in each hidden layer (2 to ${widthMax}).`
          }
          value={s.width}
          min={2}
          max={widthMax}
          integer
          onChange={(v) => onChange('width', v)}
        />
        <SelectField
          label="Activation"
          hint="The nonlinearity after each layer. Tanh and Sigmoid saturate; ReLU units can die."
          value={s.activation}
          options={ACTIVATIONS.map((a) => ({ value: a, label: ACTIVATION_LABELS[a] }))}
          onChange={(v) => onChange('activation', v)}
        />
        {cnn ? (
          <CheckboxField
            label="Residual connections"
            hint="Adds each block's input to its output (y = x + F(x)), a direct path for gradients."
            checked={s.residual}
            onChange={(v) => onChange('residual', v)}
          />
        ) : null}
      </fieldset>

      <fieldset className="nl-fieldset">
        <legend>Normalization</legend>
        <SelectField
          label="Normalization"
          hint="BatchNorm normalizes with batch statistics; LayerNorm, GroupNorm and InstanceNorm work within each sample."
          value={s.norm}
          options={NORM_KINDS.map((n) => ({
            value: n,
            label: NORM_LABELS[n],
            disabledReason: n === 'instanceNorm' && !cnn ? 'CNN only' : undefined,
          }))}
          onChange={(v) => onChange('norm', v)}
        />
        {s.norm === 'groupNorm' ? (
          <SelectField
            label="Groups"
            hint={`GroupNorm splits the ${cnn ? 'channels' : 'units'} into groups; the count must divide ${s.width}.`}
            value={String(s.groups)}
            options={groupChoices(s.width).map((g) => ({ value: String(g), label: String(g) }))}
            onChange={(v) => onChange('groups', Number(v))}
          />
        ) : null}
        {s.norm !== 'none' ? (
          <SelectField
            label="Norm placement"
            hint="Before: Linear → Norm → activation, as in the BatchNorm paper. After: Linear → activation → Norm."
            value={s.placement}
            options={NORM_PLACEMENTS.map((p) => ({ value: p, label: PLACEMENT_LABELS[p] }))}
            onChange={(v) => onChange('placement', v)}
          />
        ) : null}
      </fieldset>

      <fieldset className="nl-fieldset">
        <legend>Initialization</legend>
        <SelectField
          label="Weight init"
          hint="How the weights start. Kaiming suits the ReLU family, Xavier suits Tanh. No gain rescues a deep Sigmoid stack (its slope is at most ¼): normalize it. Orthogonal keeps every direction's length."
          value={s.init}
          options={LAB_INIT_KINDS.map((k) => ({ value: k, label: INIT_LABELS[k] }))}
          onChange={(v) => onChange('init', v)}
        />
        {s.init === 'custom' ? (
          <>
            <SelectField
              label="Distribution"
              hint="Normal: std = multiplier × gain / √fan. Uniform: bound = multiplier × gain × √(3 / fan)."
              value={s.initDistribution}
              options={CUSTOM_DISTRIBUTIONS.map((d) => ({
                value: d,
                label: d === 'normal' ? 'Normal' : 'Uniform',
              }))}
              onChange={(v) => onChange('initDistribution', v)}
            />
            <SelectField
              label="Fan mode"
              hint="Fan in keeps the forward signal steady, fan out the backward gradients."
              value={s.initFanMode}
              options={CUSTOM_FAN_MODES.map((f) => ({ value: f, label: FAN_MODE_LABELS[f] }))}
              onChange={(v) => onChange('initFanMode', v)}
            />
            <NumberField
              label="Gain"
              hint="√2 ≈ 1.414 for ReLU, 5/3 for Tanh, 1 for linear. PyTorch also gives Sigmoid 1, a convention rather than a derivation."
              value={s.initGain}
              {...limits('initGain')}
              onChange={(v) => onChange('initGain', v)}
            />
            <NumberField
              label="Multiplier"
              hint="Scales the whole spread: try 0.1 (too small) or 10 (too large)."
              value={s.initMultiplier}
              {...limits('initMultiplier')}
              onChange={(v) => onChange('initMultiplier', v)}
            />
          </>
        ) : null}
      </fieldset>

      <fieldset className="nl-fieldset">
        <legend>Training</legend>
        <SelectField
          label="Optimizer"
          hint="SGD with momentum 0.9 steps in proportion to each gradient, so uniformly tiny gradients (Xavier on a deep ReLU stack) barely move it. Adam divides each weight's step by that weight's typical gradient, which rescues such a net, but not one whose signal is gone."
          value={s.optimizer}
          options={OPTIMIZERS.map((o) => ({ value: o, label: OPTIMIZER_LABELS[o] }))}
          onChange={(v) => onChange('optimizer', v)}
        />
        <LearningRateField
          value={s.learningRate}
          {...limits('learningRate')}
          hint="Step size, 0.0001 to 10 (the slider is logarithmic). Too large and training diverges."
          onChange={(v) => onChange('learningRate', v)}
        />
        <NumberField
          label="Batch size"
          hint="Samples per step (1 to 512). BatchNorm needs more than one."
          value={s.batchSize}
          {...limits('batchSize')}
          integer
          onChange={(v) => onChange('batchSize', v)}
        />
        <NumberField
          label="Seed"
          hint="Fixes the initial weights and the data order: same seed, same run."
          value={s.seed}
          {...limits('seed')}
          integer
          onChange={(v) => onChange('seed', v)}
        />
        <SelectField
          label="Validation mode"
          hint="Eval mode uses BatchNorm's running statistics, as at test time; train mode shows what forgetting model.eval() does."
          value={s.validationMode}
          options={VALIDATION_MODES.map((m) => ({ value: m, label: VALIDATION_LABELS[m] }))}
          onChange={(v) => onChange('validationMode', v)}
        />
      </fieldset>
    </div>
  );
});

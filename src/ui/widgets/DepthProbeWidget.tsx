import { useMemo, useState } from 'react';
import { calculateGain } from '../../engine/init/gain';
import { PROBE_BATCH_SIZE, PROBE_SETTINGS, type ProbeChoiceSetting } from '../../lab/probeSettings';
import {
  choiceFromWidget,
  probeInitScheme,
  probeOptions,
  readDepthProbe,
  type DepthProbeChoice,
  type DepthProbeWidget as DepthProbeWidgetData,
} from '../../lessons/widgets/depthProbeSetup';
import { DepthProbePanel } from '../charts/DepthProbePanel';
import { formatNumber } from '../charts/format';
import { ChoiceField } from './fields/ChoiceField';
import { RangeField } from './fields/RangeField';
import { probeReadingText, probeSettingText } from './depthProbeText';
import { useDepthProbe } from '../useDepthProbe';
import { WidgetFrame } from './WidgetFrame';
import { keyField } from '../lab/fields/keyField';

/** The init's weight std for this width, as the hint under the init menu. */
function initHint(choice: DepthProbeChoice): string {
  const scheme = probeInitScheme(choice.init, choice.activation);
  const n = choice.width;
  switch (scheme.kind) {
    case 'kaimingNormal': {
      const gain = calculateGain(scheme.nonlinearity, scheme.a);
      return `Weights ~ N(0, std²) with std = gain / √fan_in = ${formatNumber(gain)} / √${n} = ${formatNumber(gain / Math.sqrt(n))}.`;
    }
    case 'xavierNormal':
      return `Weights ~ N(0, std²) with std = √(2 / (fan_in + fan_out)) = √(2 / ${2 * n}) = ${formatNumber(Math.sqrt(1 / n))}.`;
    case 'pytorchDefault':
      return `Weights ~ U(−b, b) with b = 1/√fan_in = ${formatNumber(1 / Math.sqrt(n))} (std ${formatNumber(1 / Math.sqrt(3 * n))}).`;
    case 'zeros':
      return 'Every weight is 0.';
    case 'normal':
      return `Weights ~ N(0, ${formatNumber(scheme.std)}²), whatever the width: the fan is ignored.`;
    default:
      return '';
  }
}

type MenuName = 'activation' | 'init' | 'norm';

/** The probe's menus, in the order the widget shows them, each with its setting from PROBE_SETTINGS. */
const MENU_SETTINGS: { readonly [K in MenuName]: ProbeChoiceSetting<DepthProbeChoice[K]> } = {
  activation: PROBE_SETTINGS.activation,
  init: PROBE_SETTINGS.init,
  norm: PROBE_SETTINGS.norm,
};
const MENUS = Object.keys(MENU_SETTINGS) as MenuName[];

export function DepthProbeWidget({ widget }: { readonly widget: DepthProbeWidgetData }) {
  const [choice, setChoice] = useState<DepthProbeChoice>(() => choiceFromWidget(widget));
  const { measured, busy, error } = useDepthProbe(choice, probeOptions);
  const change = (patch: Partial<DepthProbeChoice>) => setChoice((c) => ({ ...c, ...patch }));

  const reading = useMemo(
    () =>
      measured
        ? probeReadingText(readDepthProbe(measured.result), measured.request.depth)
        : undefined,
    [measured],
  );
  return (
    <WidgetFrame
      title={widget.title}
      intro={
        <p>
          An untrained network of Linear({choice.width}, {choice.width}) layers, each followed by
          the normalization and the activation
          {choice.residual ? ' and added to its own input (a skip connection)' : ''}, with{' '}
          {PROBE_BATCH_SIZE} random N(0, 1) inputs. Move the controls: the charts follow at once.
        </p>
      }
    >
      <div className="nl-widget__controls">
        <RangeField
          label={PROBE_SETTINGS.depth.label}
          hint={PROBE_SETTINGS.depth.hint}
          value={choice.depth}
          min={PROBE_SETTINGS.depth.min}
          max={PROBE_SETTINGS.depth.max}
          valueText={`${choice.depth} ${choice.depth === 1 ? 'layer' : 'layers'}`}
          onChange={(depth) => change({ depth })}
        />
        {MENUS.map((name) => (
          <ChoiceField
            key={name}
            label={MENU_SETTINGS[name].label}
            hint={name === 'init' ? initHint(choice) : MENU_SETTINGS[name].hint}
            choices={MENU_SETTINGS[name].choices}
            {...keyField(choice, setChoice, name)}
          />
        ))}
        <ChoiceField
          label={PROBE_SETTINGS.residual.label}
          hint={PROBE_SETTINGS.residual.hint}
          value={choice.residual ? 'skip' : 'plain'}
          choices={PROBE_SETTINGS.residual.choices.map((c) => ({
            value: c.value ? 'skip' : 'plain',
            label: c.label,
          }))}
          onChange={(connections) => change({ residual: connections === 'skip' })}
        />
      </div>
      {reading ? (
        <p className="nl-widget__reading" aria-live="polite">
          {reading}
        </p>
      ) : null}
      <DepthProbePanel
        title="Activation std and gradient norm per layer"
        headingLevel={4}
        result={measured?.result}
        loading={busy}
        error={error}
        setting={measured ? probeSettingText(measured.request) : probeSettingText(choice)}
      />
    </WidgetFrame>
  );
}

import type { Widget } from '../../lessons/schema';
import { AxesCubeWidget } from './AxesCubeWidget';
import { DepthProbeWidget } from './DepthProbeWidget';
import { DepthSweepWidget } from './DepthSweepWidget';
import { EngineSourceWidget } from './EngineSourceWidget';
import { InitBuilderWidget } from './InitBuilderWidget';
import { LossContoursWidget } from './LossContoursWidget';
import { WidgetErrorBoundary } from './WidgetErrorBoundary';

function widgetFor(widget: Widget) {
  switch (widget.widget) {
    case 'depthProbe':
      return <DepthProbeWidget widget={widget} />;
    case 'lossContours':
      return <LossContoursWidget widget={widget} />;
    case 'axesCube':
      return <AxesCubeWidget widget={widget} />;
    case 'engineSource':
      return <EngineSourceWidget widget={widget} />;
    case 'initBuilder':
      return <InitBuilderWidget widget={widget} />;
    case 'depthSweep':
      return <DepthSweepWidget widget={widget} />;
  }
}

/** Renders a lesson's `:::widget` block; a widget that fails shows an error in its place only. */
export function WidgetView({ widget }: { readonly widget: Widget }) {
  return <WidgetErrorBoundary title={widget.title}>{widgetFor(widget)}</WidgetErrorBoundary>;
}

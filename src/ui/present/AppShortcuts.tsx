import { ShortcutHelp } from '../shortcuts/ShortcutList';
import { useShortcuts } from '../shortcuts/useShortcuts';
import {
  chartForKey,
  leaveFullScreenChart,
  toggleFullScreenChart,
  useFullScreenChart,
} from './fullScreenChart';

/**
 * The shortcuts of every page, mounted once by the app shell: "?" lists every shortcut in force, "F"
 * fills the screen with a chart (the focused one, else the first of a presented view or the page).
 */
export function AppShortcuts() {
  useShortcuts([
    {
      keys: ['f', 'F'],
      label: 'F',
      description:
        'Fill the screen with the chart that has focus (else the first chart); again to leave',
      group: 'Charts',
      enabled: () => chartForKey() !== null,
      run: () => {
        if (useFullScreenChart.getState().chartId !== null) return leaveFullScreenChart();
        const id = chartForKey();
        if (id !== null) toggleFullScreenChart(id);
      },
    },
  ]);
  return <ShortcutHelp />;
}

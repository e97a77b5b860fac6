import type { ReactNode } from 'react';
import { formatNumber, formatStep } from './format';

/** Tooltip value formatters for recharts, whose values arrive untyped. */
export function tooltipNumber(value: unknown): string {
  return typeof value === 'number' ? formatNumber(value) : String(value ?? '');
}

export function tooltipStepLabel(label: ReactNode): ReactNode {
  return typeof label === 'number' ? `Step ${formatStep(label)}` : label;
}

import { createContext, useContext } from 'react';
import type { SettingKey } from '../../../lab/labSettings';
import type { LabMystery } from '../../../lessons/mystery';

export interface LabMysteryValue {
  readonly mystery: LabMystery;
  /** The mystery's settings the learner has not revealed yet: shown nowhere in the Lab. */
  readonly hidden: ReadonlySet<SettingKey>;
  readonly reveal: (key: SettingKey) => void;
}

/** The mystery network the Lab holds, when it was opened from a lesson's mystery practice. */
export const LabMysteryContext = createContext<LabMysteryValue | undefined>(undefined);

export function useLabMysteryContext(): LabMysteryValue | undefined {
  return useContext(LabMysteryContext);
}

/** The settings the Lab must not show right now (none outside a mystery). */
export function useHiddenLabSettings(): ReadonlySet<SettingKey> {
  return useContext(LabMysteryContext)?.hidden ?? NOTHING_HIDDEN;
}

const NOTHING_HIDDEN: ReadonlySet<SettingKey> = new Set();

import { createContext, useContext } from 'react';
import type { PlotScene } from '../plotScene';

/** A scene as it was last drawn on a canvas, at that size in CSS pixels. */
export interface DrawnScene {
  readonly scene: PlotScene;
  readonly width: number;
  readonly height: number;
}

/**
 * The scenes drawn in one chart card, by canvas: the card's downloads redraw them at twice the size
 * (the canvases themselves may belong to the chart worker and cannot be read back) and read their
 * data for the CSV. ChartCard provides one; useSceneCanvas fills it.
 */
export type SceneRegistry = Map<HTMLCanvasElement, DrawnScene>;

export const SceneRegistryContext = createContext<SceneRegistry | null>(null);

export function useSceneRegistry(): SceneRegistry | null {
  return useContext(SceneRegistryContext);
}

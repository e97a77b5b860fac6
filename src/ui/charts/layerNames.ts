/** "act1 · ReLU"; just the name when the label adds nothing. */
export function layerTitle(name: string, label: string): string {
  return label === '' || label === name ? name : `${name} · ${label}`;
}

/** A weight's layer: 'block1.conv1.weight' → 'block1.conv1'; other parameters keep their full name. */
export function paramLayerName(paramName: string): string {
  return paramName.endsWith('.weight') ? paramName.slice(0, -'.weight'.length) : paramName;
}

import type { Rng } from '../rng';
import { computeFans } from './fans';
import type { Shape } from '../tensor';

/**
 * Thin QR of a tall m×n (m ≥ n) row-major float64 matrix by Householder reflections, returning the
 * m×n factor Q with its columns multiplied by sign(diag R). That product is the unique Q whose R
 * has a positive diagonal, so it does not depend on the QR algorithm or its sign conventions, and
 * it makes Q Haar-distributed when A is Gaussian (Mezzadri, arXiv:math-ph/0609050). `a` is overwritten.
 */
export function signCorrectedQ(a: Float64Array, m: number, n: number): Float64Array {
  if (m < n) throw new Error(`signCorrectedQ: needs a tall matrix (m ≥ n), got ${m}×${n}`);
  const v = new Float64Array(m * n); // column k holds reflector k in rows k..m−1
  const tau = new Float64Array(n);
  const rDiag = new Float64Array(n);
  const w = new Float64Array(n);

  for (let k = 0; k < n; k++) {
    let norm2 = 0;
    for (let i = k; i < m; i++) norm2 += a[i * n + k]! * a[i * n + k]!;
    const alpha = a[k * n + k]!;
    const norm = Math.sqrt(norm2);
    if (norm === 0) continue; // H_k = I, R[k,k] = 0
    // H x = β e₁ with β = −sign(α)‖x‖, the sign that avoids cancellation in v₀ = α − β
    const beta = alpha >= 0 ? -norm : norm;
    rDiag[k] = beta;
    for (let i = k; i < m; i++) v[i * n + k] = a[i * n + k]!;
    v[k * n + k] = alpha - beta;
    const vv = norm2 - alpha * alpha + (alpha - beta) * (alpha - beta);
    const t = (tau[k] = 2 / vv);
    // A[k:, k+1:] −= τ v (vᵀ A[k:, k+1:]), row by row for contiguous access
    w.fill(0, k + 1);
    for (let i = k; i < m; i++) {
      const vi = v[i * n + k]!;
      const row = i * n;
      for (let j = k + 1; j < n; j++) w[j]! += vi * a[row + j]!;
    }
    for (let i = k; i < m; i++) {
      const tvi = t * v[i * n + k]!;
      const row = i * n;
      for (let j = k + 1; j < n; j++) a[row + j]! -= tvi * w[j]!;
    }
  }

  // Q = H₀ H₁ … H_{n−1} [I; 0], applied right to left; H_k leaves columns j < k untouched.
  const q = new Float64Array(m * n);
  for (let i = 0; i < n; i++) q[i * n + i] = 1;
  for (let k = n - 1; k >= 0; k--) {
    const t = tau[k]!;
    if (t === 0) continue;
    w.fill(0, k);
    for (let i = k; i < m; i++) {
      const vi = v[i * n + k]!;
      const row = i * n;
      for (let j = k; j < n; j++) w[j]! += vi * q[row + j]!;
    }
    for (let i = k; i < m; i++) {
      const tvi = t * v[i * n + k]!;
      const row = i * n;
      for (let j = k; j < n; j++) q[row + j]! -= tvi * w[j]!;
    }
  }

  // Q·diag(sign(R)). torch.sign(0) would zero a column; R[k,k] = 0 has probability 0 for a
  // Gaussian matrix, and keeping the column (sign 1) at least leaves Q orthonormal.
  for (let i = 0; i < m; i++) {
    const row = i * n;
    for (let j = 0; j < n; j++) if (rDiag[j]! < 0) q[row + j] = -q[row + j]!;
  }
  return q;
}

/**
 * torch.nn.init.orthogonal_: flatten the weight to [rows = shape[0], cols = the rest], draw it
 * N(0, 1), take Q of its QR (of the transpose when rows < cols, then transpose back), times gain.
 * The result has orthonormal rows (rows ≤ cols) or orthonormal columns (rows ≥ cols), scaled by gain.
 */
export function fillOrthogonal(out: Float32Array, shape: Shape, gain: number, rng: Rng): void {
  computeFans(shape); // validates: rank ≥ 2, positive sizes
  const rows = shape[0]!;
  const cols = out.length / rows;
  const transpose = rows < cols;
  const m = transpose ? cols : rows;
  const n = transpose ? rows : cols;
  const a = new Float64Array(m * n);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const z = rng.normal();
      if (transpose) a[j * n + i] = z;
      else a[i * n + j] = z;
    }
  }
  const q = signCorrectedQ(a, m, n);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      out[i * cols + j] = gain * (transpose ? q[j * n + i]! : q[i * n + j]!);
    }
  }
}

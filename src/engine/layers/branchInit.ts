// No imports: the Lab's settings (and so the home page) read this list without the layers' code.

/**
 * Ways to start a residual network so that each block is (close to) the identity, which lets very deep
 * networks train, with or without normalization:
 * - 'standard': nothing special.
 * - 'zeroGamma': the γ of the branch's last norm starts at 0 (Goyal et al. 2017, arXiv:1706.02677).
 * - 'fixup': no normalization; scalar biases before each weight layer and activation, a scalar
 *   multiplier at the end of the branch, the branch's last weight layer zero and its others scaled by
 *   L^(-1/(2m-2)) for L branches of m layers (Zhang et al. 2019, arXiv:1901.09321).
 * - 'skipInit': a learned scalar α = 0 multiplies the branch (De & Smith 2020, arXiv:2002.10444).
 * - 'reZero': the same α = 0, without normalization and without the activation after the sum, so the
 *   block is exactly x + α·F(x) (Bachlechner et al. 2020, arXiv:2003.04887).
 * The block builds the structure; `initializeModel` sets the weights each one needs.
 */
export const BRANCH_INITS = ['standard', 'zeroGamma', 'fixup', 'skipInit', 'reZero'] as const;
export type BranchInit = (typeof BRANCH_INITS)[number];

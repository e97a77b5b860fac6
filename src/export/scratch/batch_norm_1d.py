import torch
from torch import nn


class BatchNorm1d(nn.Module):
    """Batch normalization of [N, C] feature vectors, written out from scratch.

    It computes what torch.nn.BatchNorm1d(C) computes (eps 1e-5, momentum 0.1, a learned scale γ
    and shift β, running statistics for eval mode); autograd derives the backward pass.
    """

    def __init__(self, num_features, eps=1e-5, momentum=0.1):
        super().__init__()
        self.eps = eps
        self.momentum = momentum
        self.weight = nn.Parameter(torch.ones(num_features))  # γ
        self.bias = nn.Parameter(torch.zeros(num_features))  # β
        self.register_buffer("running_mean", torch.zeros(num_features))
        self.register_buffer("running_var", torch.ones(num_features))

    def forward(self, x):
        if self.training:
            # Normalize with this batch's own statistics, per feature (over dim 0, the batch).
            mean = x.mean(dim=0)
            var = x.var(dim=0, unbiased=False)  # the biased variance: divided by N
            with torch.no_grad():
                # The running averages move 10% of the way; the variance they track is the
                # unbiased one (divided by N − 1), as PyTorch's is.
                n = x.shape[0]
                self.running_mean.mul_(1 - self.momentum).add_(self.momentum * mean)
                self.running_var.mul_(1 - self.momentum).add_(self.momentum * var * n / (n - 1))
        else:
            # Eval mode: the running statistics, so a sample's output does not depend on its batch.
            mean, var = self.running_mean, self.running_var
        x_hat = (x - mean) / torch.sqrt(var + self.eps)
        return self.weight * x_hat + self.bias

"""The digits classifier shared by train.py and export.py."""
import torch
from torch import nn


class DigitsMLP(nn.Module):
    """A 784-hidden-10 perceptron over 28x28 images flattened to 784 values."""

    def __init__(self, hidden: int = 128, dropout: float = 0.0, classes: int = 10):
        super().__init__()
        self.layers = nn.Sequential(
            nn.Linear(28 * 28, hidden),
            nn.ReLU(),
            nn.Dropout(dropout),
            nn.Linear(hidden, classes),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.layers(x.reshape(x.shape[0], -1))

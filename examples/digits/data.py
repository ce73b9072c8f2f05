"""Digits drawn from a 5x7 bitmap font, deterministic from a seed: no download, no data files.

Each sample is a digit glyph scaled to 15x21 pixels, placed at a random offset in a 28x28 image,
with random stroke intensity and Gaussian noise. Enough variety that the model must learn shapes.
"""
import torch

GLYPHS = {
    0: ["01110", "10001", "10011", "10101", "11001", "10001", "01110"],
    1: ["00100", "01100", "00100", "00100", "00100", "00100", "01110"],
    2: ["01110", "10001", "00001", "00010", "00100", "01000", "11111"],
    3: ["11111", "00010", "00100", "00010", "00001", "10001", "01110"],
    4: ["00010", "00110", "01010", "10010", "11111", "00010", "00010"],
    5: ["11111", "10000", "11110", "00001", "00001", "10001", "01110"],
    6: ["00110", "01000", "10000", "11110", "10001", "10001", "01110"],
    7: ["11111", "00001", "00010", "00100", "01000", "01000", "01000"],
    8: ["01110", "10001", "10001", "01110", "10001", "10001", "01110"],
    9: ["01110", "10001", "10001", "01111", "00001", "00010", "01100"],
}


def _glyph(digit: int) -> torch.Tensor:
    rows = [[float(c) for c in row] for row in GLYPHS[digit]]
    small = torch.tensor(rows)
    return small.repeat_interleave(3, dim=0).repeat_interleave(3, dim=1)  # 21 x 15


def make_digits(count: int, seed: int, noise: float = 0.3):
    """Returns (images [count, 28, 28], labels [count]) for the given seed."""
    generator = torch.Generator().manual_seed(seed)
    glyphs = torch.stack([_glyph(d) for d in range(10)])
    labels = torch.randint(0, 10, (count,), generator=generator)
    images = torch.zeros(count, 28, 28)
    rows = torch.randint(0, 28 - 21 + 1, (count,), generator=generator)
    cols = torch.randint(0, 28 - 15 + 1, (count,), generator=generator)
    intensity = 0.6 + 0.4 * torch.rand(count, generator=generator)
    for i in range(count):
        r, c = int(rows[i]), int(cols[i])
        images[i, r:r + 21, c:c + 15] = glyphs[labels[i]] * intensity[i]
    images += noise * torch.randn(count, 28, 28, generator=generator)
    return images, labels

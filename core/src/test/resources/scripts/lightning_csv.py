# A loop that logs as Lightning's CSVLogger does: lightning_logs/version_N/metrics.csv, a header of every metric
# name, training and validation rows of one step written with empty cells for the other's columns.
import csv
import os

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(4, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
x = torch.randn(128, 4)
y = x @ torch.tensor([[1.0], [-2.0], [0.5], [3.0]])
version = 0
while os.path.exists(f"lightning_logs/version_{version}"):
    version += 1
os.makedirs(f"lightning_logs/version_{version}")
rows = []
for step in range(30):
    loss = nn.functional.mse_loss(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    rows.append({"epoch": 0, "step": step, "train_loss": loss.item(), "val_loss": ""})
    if step % 10 == 9:
        rows.append({"epoch": 0, "step": step, "train_loss": "", "val_loss": loss.item() * 1.1})
with open(f"lightning_logs/version_{version}/metrics.csv", "w", newline="") as handle:
    writer = csv.DictWriter(handle, fieldnames=["epoch", "step", "train_loss", "val_loss"])
    writer.writeheader()
    writer.writerows(rows)

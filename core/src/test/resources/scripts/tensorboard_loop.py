# A loop that logs as PyTorch's SummaryWriter does (runs/<name>/events.out.tfevents.<time>.<host>.<pid>.0, one event
# per add_scalar), through an independent writer of the format, since the tensorboard package is not installed here.
import os
import socket
import sys
import time

import torch
from torch import nn

sys.path.insert(0, os.environ["TFEVENTS_DIR"])
from tfevents import EventWriter  # noqa: E402

torch.manual_seed(0)
model = nn.Linear(4, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
x = torch.randn(128, 4)
y = x @ torch.tensor([[1.0], [-2.0], [0.5], [3.0]])
run = os.path.join("runs", sys.argv[1] if len(sys.argv) > 1 else "exp1")
os.makedirs(run, exist_ok=True)
name = f"events.out.tfevents.{int(time.time())}.{socket.gethostname()}.{os.getpid()}.0"
writer = EventWriter(os.environ["TFEVENTS_DESCRIPTORS"], os.path.join(run, name))
for step in range(40):
    loss = nn.functional.mse_loss(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    writer.add_scalar("Loss/train", loss.item(), step)
    if step % 10 == 9:
        writer.add_scalar("Loss/val", loss.item() * 1.1, step)
writer.close()

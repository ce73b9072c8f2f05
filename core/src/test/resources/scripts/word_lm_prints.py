# A training loop in the shape of pytorch/examples' word_language_model: it only prints its progress,
# "| epoch N | batch/batches batches | lr | ms/batch | loss L | ppl P", and knows nothing of mlexp.
import math
import time

import torch
from torch import nn

torch.manual_seed(0)
vocab, hidden = 50, 32
model = nn.Sequential(nn.Embedding(vocab, hidden), nn.Flatten(), nn.Linear(hidden * 8, vocab))
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
data = torch.randint(0, vocab, (64, 9))
for batch in range(1, 41):
    started = time.time()
    inputs, targets = data[:, :8], data[:, 8]
    loss = nn.functional.cross_entropy(model(inputs), targets)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if batch % 5 == 0:
        print("| epoch   1 | {:5d}/{:5d} batches | lr {:02.2f} | ms/batch {:5.2f} | loss {:5.2f} | ppl {:8.2f}".format(
            batch, 40, 0.5, (time.time() - started) * 1000, loss.item(), math.exp(loss.item())), flush=True)

"""Trains the digits classifier.

    python3 train.py --config configs/base.yaml [--max-steps 50] [--save model-trained.pt]

Writes one JSON line per step (step, loss, accuracy, samples_per_sec) to the file named by
$MLEXP_METRICS when it is set, and a final line with eval_accuracy on held-out digits.
"""
import argparse
import json
import os
import sys
import time

import torch
import yaml
from torch import nn

from data import make_digits
from model import DigitsMLP


def load_config(path):
    with open(path, encoding="utf-8") as handle:
        config = yaml.safe_load(handle)
    for key in ("seed", "lr", "batch_size", "epochs"):
        if key not in config:
            sys.exit(f"{path}: missing required key '{key}'")
    return config


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", required=True)
    parser.add_argument("--max-steps", type=int, default=None)
    parser.add_argument("--save", default=None, help="write the trained weights here")
    args = parser.parse_args()

    config = load_config(args.config)
    torch.manual_seed(config["seed"])
    torch.set_num_threads(int(os.environ.get("MLEXP_THREADS", "2")))
    data = config.get("data", {})
    model_config = config.get("model", {})

    images, labels = make_digits(data.get("train_size", 4096), config["seed"], data.get("noise", 0.3))
    eval_images, eval_labels = make_digits(data.get("eval_size", 1024), config["seed"] + 1, data.get("noise", 0.3))
    model = DigitsMLP(model_config.get("hidden", 128), model_config.get("dropout", 0.0))
    optimizer = torch.optim.Adam(model.parameters(), lr=config["lr"])
    loss_fn = nn.CrossEntropyLoss()

    metrics_path = os.environ.get("MLEXP_METRICS")
    metrics = open(metrics_path, "a", encoding="utf-8") if metrics_path else None
    batch_size = config["batch_size"]
    total_steps = config["epochs"] * (len(images) // batch_size)
    if args.max_steps is not None:
        total_steps = min(total_steps, args.max_steps)

    step = 0
    generator = torch.Generator().manual_seed(config["seed"])
    model.train()
    while step < total_steps:
        order = torch.randperm(len(images), generator=generator)
        for start in range(0, len(images) - batch_size + 1, batch_size):
            if step >= total_steps:
                break
            began = time.perf_counter()
            batch = order[start:start + batch_size]
            logits = model(images[batch])
            loss = loss_fn(logits, labels[batch])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            step += 1
            elapsed = max(time.perf_counter() - began, 1e-9)
            accuracy = (logits.argmax(dim=1) == labels[batch]).float().mean().item()
            record = {"step": step, "loss": round(loss.item(), 6), "accuracy": round(accuracy, 6),
                      "samples_per_sec": round(batch_size / elapsed, 1)}
            if metrics:
                metrics.write(json.dumps(record) + "\n")
                metrics.flush()
            if step == 1 or step % 10 == 0 or step == total_steps:
                print(f"step {step}/{total_steps} loss {loss.item():.4f} accuracy {accuracy:.3f}", flush=True)

    model.eval()
    with torch.no_grad():
        eval_accuracy = (model(eval_images).argmax(dim=1) == eval_labels).float().mean().item()
    print(f"eval accuracy {eval_accuracy:.3f}", flush=True)
    if metrics:
        metrics.write(json.dumps({"step": step, "eval_accuracy": round(eval_accuracy, 6)}) + "\n")
        metrics.close()
    if args.save:
        torch.save(model.state_dict(), args.save)


if __name__ == "__main__":
    main()

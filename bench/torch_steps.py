"""The peer of mlexp's embedded engine: Python PyTorch training the same TorchScript model.

    /usr/bin/python3 bench/torch_steps.py MODEL --shape 64,784 --classes 10 --steps 100 --threads 2

Same work per step as the embedded engine: forward, cross-entropy, backward, Adam, the loss read back
and the batch accuracy. Prints one JSON line per step, {"step": N, "seconds": S}, like metrics.jsonl.
"""
import argparse
import json
import time

import torch


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("model")
    parser.add_argument("--shape", default="64,784")
    parser.add_argument("--classes", type=int, default=10)
    parser.add_argument("--steps", type=int, default=100)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--lr", type=float, default=0.001)
    parser.add_argument("--no-optimize", action="store_true", help="turn the graph executor optimiser off")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    if args.no_optimize:
        torch._C._set_graph_executor_optimize(False)  # as the embedded engine runs TorchScript
    torch.manual_seed(0)
    shape = [int(d) for d in args.shape.split(",")]
    prototypes = torch.randn(args.classes, *shape[1:])
    batches = []
    for _ in range(min(args.steps, 16)):
        labels = torch.randint(0, args.classes, (shape[0],))
        batches.append((prototypes[labels] + torch.randn(*shape), labels))

    model = torch.jit.load(args.model)
    model.train()
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    for step in range(1, args.steps + 1):
        inputs, labels = batches[(step - 1) % len(batches)]
        began = time.perf_counter()
        optimizer.zero_grad()
        logits = model(inputs)
        loss = torch.nn.functional.cross_entropy(logits, labels)
        loss.backward()
        optimizer.step()
        loss_value = loss.item()
        accuracy = (logits.argmax(dim=1) == labels).sum().item() / shape[0]
        seconds = time.perf_counter() - began
        print(json.dumps({"step": step, "seconds": seconds, "loss": loss_value, "accuracy": accuracy}))


if __name__ == "__main__":
    main()

"""Writes model.pt: the untrained DigitsMLP as TorchScript, for mlexp's embedded smoke engine.

    python3 export.py [--config configs/base.yaml] [--out model.pt]

The embedded engine (DJL, no Python) loads this file and trains it for a few steps on synthetic
batches of shape [64, 784] with 10 classes, the shape declared in .mlexp.yml.
"""
import argparse

import torch
import yaml

from model import DigitsMLP


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", default="configs/base.yaml")
    parser.add_argument("--out", default="model.pt")
    args = parser.parse_args()
    with open(args.config, encoding="utf-8") as handle:
        config = yaml.safe_load(handle)
    torch.manual_seed(config["seed"])
    model = DigitsMLP(config.get("model", {}).get("hidden", 128), 0.0)
    scripted = torch.jit.script(model)
    scripted.save(args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Golden fixtures for the Swift model tests, computed by the repository's PyTorch reference.

Builds one LLaMA decoder block, one ViT encoder block and the whole model in its llava, pilot1 and
pilot2 variants from `reference/pilot_tiny.py` (the PyTorch implementation of pilot-tiny), at
reduced widths so the files stay small, runs forward and backward (the blocks with every parameter
trainable), and writes inputs, parameters, outputs and gradients as pilot tensor archives (the HDF5
layout `HDF5Store` reads: float32 datasets under groups, root attributes `pilot_format`,
`pilot_format_version`, `pilot_tensor_count`, and `config` as JSON).

    python3 -m venv /tmp/torchref && /tmp/torchref/bin/pip install torch numpy h5py
    make fixtures PYTHON=/tmp/torchref/bin/python     # or: /tmp/torchref/bin/python scripts/make_golden_fixtures.py

The Swift tests read the committed files and need no torch.
"""
import argparse
import json
import sys
from pathlib import Path

import h5py
import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "reference"))
import pilot_tiny  # noqa: E402  (reference/pilot_tiny.py of this repository)

TINY = pilot_tiny.PILOT_TINY


def write_archive(path, tensors, config):
    tmp = path.with_suffix(".tmp")
    with h5py.File(tmp, "w") as f:
        for name, t in sorted(tensors.items()):
            data = t.detach().to(torch.float32).numpy()
            options = dict(compression="gzip", fletcher32=True) if data.ndim > 0 else {}
            f.create_dataset(name, data=data, **options)
        f.attrs["pilot_format"] = "pilot-tensor-archive"
        f.attrs["pilot_format_version"] = np.int64(1)
        f.attrs["pilot_tensor_count"] = np.int64(len(tensors))
        f.attrs["config"] = json.dumps(config, sort_keys=True)
        f.attrs["generator"] = "scripts/make_golden_fixtures.py, torch " + torch.__version__
    tmp.replace(path)
    print(f"wrote {path} ({len(tensors)} tensors)")


def run_block(block, x, forward):
    """Forward + backward with a random upstream gradient; returns the tensors of a fixture."""
    for p in block.parameters():
        p.requires_grad_(True)
    x = x.clone().requires_grad_(True)
    y = forward(x)
    dy = torch.randn_like(y)
    y.backward(dy)
    out = {"input/x": x, "input/dy": dy, "output/y": y, "grad/x": x.grad}
    for name, p in block.named_parameters():
        out["params/" + name] = p
        out["grad/params/" + name] = p.grad
    return out


def llama_fixture(seed):
    torch.manual_seed(seed)
    width, heads, mlp, rank, alpha = 64, 4, 176, 4, 8
    block = pilot_tiny.LlamaBlock(width, heads, mlp, TINY.rms_norm_eps, rank, alpha)
    with torch.no_grad():  # LoRA B starts at zero in the model; make the adapter path visible here
        for lin in (block.q, block.k, block.v, block.o):
            lin.lora_B.normal_(0, 0.05)
        block.attn_norm.uniform_(0.5, 1.5)
        block.mlp_norm.uniform_(0.5, 1.5)
    B, T = 2, 10
    cos, sin = pilot_tiny.rotary_tables(T, width // heads, TINY.rope_theta)
    x = torch.randn(B, T, width)
    tensors = run_block(block, x, lambda x: block(x, cos, sin))
    config = dict(width=width, heads=heads, mlp=mlp, eps=TINY.rms_norm_eps, lora_rank=rank, lora_alpha=alpha,
                  rope_theta=TINY.rope_theta, batch=B, tokens=T)
    return tensors, config


def vit_fixture(seed):
    torch.manual_seed(seed)
    d, h, m, eps = 32, 4, 128, TINY.layer_norm_eps
    block = pilot_tiny.ViTBlock(d, h, m, eps)
    with torch.no_grad():
        block.ln1.weight.uniform_(0.5, 1.5); block.ln1.bias.normal_(0, 0.1)
        block.ln2.weight.uniform_(0.5, 1.5); block.ln2.bias.normal_(0, 0.1)
    B, T = 2, 16
    x = torch.randn(B, T, d)
    tensors = run_block(block, x, block)
    return tensors, dict(width=d, heads=h, mlp=m, eps=eps, batch=B, tokens=T)


# A reduced pilot-tiny for the whole-model fixtures (images stay 32x32: 16 visual tokens).
SMALL = pilot_tiny.Config(vision_width=32, vision_layers=2, vision_heads=4, vision_mlp=64, vocabulary=64, width=64,
                          layers=2, heads=4, mlp=176, connector_hidden=48, lora_rank=4, lora_alpha=8)
TEXT, ANSWER = 12, 4


def model_fixture(variant, seed):
    """A whole reduced pilot-tiny (vision, connector, LLM) in one variant: loss and trainable gradients."""
    torch.manual_seed(seed)
    c = SMALL
    m = pilot_tiny.MultimodalModel(c, variant)
    with torch.no_grad():  # make LoRA and every connector path matter in the fixture
        for n, p in m.named_parameters():
            if n.endswith("lora_B"):
                p.normal_(0, 0.05)
    B = 2
    img = torch.randn(B, 3, c.image_size, c.image_size)
    text = torch.randint(0, c.vocabulary, (B, TEXT))
    loss = m(img, text, ANSWER)
    loss.total.backward()
    tensors = {"input/images": img, "input/text": text.float(), "output/loss": loss.total.reshape(())}
    if loss.auxiliary:
        tensors["output/aux"] = sum(loss.auxiliary.values()).detach().reshape(())
    for n, p in m.named_parameters():  # the reference's names are the Swift model's
        tensors["params/" + n] = p.detach()
        if p.requires_grad:
            tensors["grad/" + n] = p.grad
    config = dict(variant=variant, batch=B, text=TEXT, answer=ANSWER, vision_width=c.vision_width,
                  vision_layers=c.vision_layers, vision_heads=c.vision_heads, vision_mlp=c.vision_mlp,
                  vocabulary=c.vocabulary, width=c.width, layers=c.layers, heads=c.heads, mlp=c.mlp,
                  connector_hidden=c.connector_hidden, lora_rank=c.lora_rank, lora_alpha=c.lora_alpha)
    return tensors, config


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(ROOT / "Tests" / "ModelsTests" / "Fixtures"))
    a = ap.parse_args()
    pilot_tiny.ATTENTION = "manual"
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    write_archive(out / "llama_block.h5", *llama_fixture(0))
    write_archive(out / "vit_block.h5", *vit_fixture(1))
    for i, variant in enumerate(pilot_tiny.VARIANTS):
        write_archive(out / f"model_{variant}.h5", *model_fixture(variant, 10 + i))


if __name__ == "__main__":
    main()

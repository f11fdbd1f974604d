#!/usr/bin/env python3
"""Golden fixtures for the Swift model tests, computed by the independent PyTorch reference.

Builds one LLaMA decoder block and one ViT encoder block from `../shared/bench/torch_reference.py`
(the PyTorch implementation of pilot-tiny), at reduced widths so the files stay small, runs forward
and backward with every parameter trainable, and writes inputs, parameters, outputs and gradients as
pilot tensor archives (the HDF5 layout `HDF5Store` reads: float32 datasets under groups, root
attributes `pilot_format`, `pilot_format_version`, `pilot_tensor_count`, and `config` as JSON).

    python3 -m venv /tmp/torchref && /tmp/torchref/bin/pip install torch numpy h5py
    /tmp/torchref/bin/python scripts/make_golden_fixtures.py

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


def llama_fixture(ref, seed):
    torch.manual_seed(seed)
    c = dict(ref.CFG, d=64, heads=4, mlp=176, lora_r=4, lora_alpha=8)
    block = ref.LlamaBlock(c)
    with torch.no_grad():  # LoRA B starts at zero in the model; make the adapter path visible here
        for lin in (block.q, block.k, block.v, block.o):
            lin.lora_B.normal_(0, 0.05)
        block.attn_norm.uniform_(0.5, 1.5)
        block.mlp_norm.uniform_(0.5, 1.5)
    B, T = 2, 10
    hd = c["d"] // c["heads"]
    cos, sin = ref.rope_tables(T, hd, c["rope_theta"])
    x = torch.randn(B, T, c["d"])
    tensors = run_block(block, x, lambda x: block(x, cos, sin))
    config = dict(width=c["d"], heads=c["heads"], mlp=c["mlp"], eps=c["rms_eps"], lora_rank=c["lora_r"],
                  lora_alpha=c["lora_alpha"], rope_theta=c["rope_theta"], batch=B, tokens=T)
    return tensors, config


def vit_fixture(ref, seed):
    torch.manual_seed(seed)
    d, h, m, eps = 32, 4, 128, ref.CFG["ln_eps"]
    block = ref.ViTBlock(d, h, m, eps)
    with torch.no_grad():
        block.ln1.weight.uniform_(0.5, 1.5); block.ln1.bias.normal_(0, 0.1)
        block.ln2.weight.uniform_(0.5, 1.5); block.ln2.bias.normal_(0, 0.1)
    B, T = 2, 16
    x = torch.randn(B, T, d)
    tensors = run_block(block, x, block)
    return tensors, dict(width=d, heads=h, mlp=m, eps=eps, batch=B, tokens=T)


SMALL = dict(v_width=32, v_layers=2, v_heads=4, v_mlp=64, vocab=64, d=64, layers=2, heads=4, mlp=176,
             conn_hidden=48, lora_r=4, lora_alpha=8, n_text=12, n_ans=4)


def model_fixture(ref, variant, seed):
    """A whole reduced pilot-tiny (vision, connector, LLM) in one variant: loss and trainable gradients."""
    torch.manual_seed(seed)
    c = dict(ref.CFG, **SMALL)
    m = ref.TinyLLaVA(c, variant)
    with torch.no_grad():  # make LoRA and every connector path matter in the fixture
        for n, p in m.named_parameters():
            if n.endswith("lora_B"):
                p.normal_(0, 0.05)
    B = 2
    img = torch.randn(B, 3, c["img"], c["img"])
    text = torch.randint(0, c["vocab"], (B, c["n_text"]))
    loss = m(img, text)
    aux = getattr(m.connector, "aux", None)
    loss.backward()
    tensors = {"input/images": img, "input/text": text.float(), "output/loss": loss.reshape(())}
    if aux is not None:
        tensors["output/aux"] = aux.detach().reshape(())
    for n, p in m.named_parameters():
        ours = n if n.startswith(("vision.", "connector.")) else "llm." + n
        value = p.detach().squeeze(0) if n == "vision.pos" else p.detach()
        tensors["params/" + ours] = value
        if p.requires_grad:
            tensors["grad/" + ours] = p.grad
    config = dict(variant=variant, batch=B, text=c["n_text"], answer=c["n_ans"], vision_width=c["v_width"],
                  vision_layers=c["v_layers"], vision_heads=c["v_heads"], vision_mlp=c["v_mlp"], vocabulary=c["vocab"],
                  width=c["d"], layers=c["layers"], heads=c["heads"], mlp=c["mlp"], connector_hidden=c["conn_hidden"],
                  lora_rank=c["lora_r"], lora_alpha=c["lora_alpha"])
    return tensors, config


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reference", default=str(ROOT.parent / "shared" / "bench"),
                    help="folder holding torch_reference.py")
    ap.add_argument("--out", default=str(ROOT / "Tests" / "ModelsTests" / "Fixtures"))
    a = ap.parse_args()
    sys.path.insert(0, a.reference)
    import torch_reference as ref  # noqa: E402
    ref.ATTN_IMPL = "manual"
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    write_archive(out / "llama_block.h5", *llama_fixture(ref, 0))
    write_archive(out / "vit_block.h5", *vit_fixture(ref, 1))
    for i, variant in enumerate(("llava", "pilot1", "pilot2")):
        write_archive(out / f"model_{variant}.h5", *model_fixture(ref, variant, 10 + i))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Benchmark and sanity checks of the PyTorch reference of pilot-tiny (`pilot_tiny.py` beside this file).

`pilot bench model --vs-torch PYTHON` runs, for each variant, batch size and thread count,

    PYTHON reference/bench.py --mode bench --variant V --threads N --batches B --iters I --json FILE [--compile]

and reads `results.B<B>.{train,eval,gen_kv}.ex_per_s` from FILE (Sources/Bench/TorchReference.swift);
standard output is informational. The work measured is that of `pilot bench model`
(Sources/Bench/ModelBenchmark.swift): random weights, synthetic batches of 16 visual + 48 text
tokens with the loss on the last 16; a training step is vision forward, connector, LLM forward and
backward and AdamW (lr 2e-4) over the trainable parameters; eval is the same forward without
backward; generation decodes 16 tokens greedily after a 32-token prompt with a KV cache. Each figure
is the median of the timed samples taken after untimed warm-up runs, as the Swift side measures.

    python3 -m venv /tmp/torchref && /tmp/torchref/bin/pip install torch numpy h5py
    /tmp/torchref/bin/python reference/bench.py --mode check      # gradients, KV cache, frozen weights; exit 1 on failure
    /tmp/torchref/bin/python reference/bench.py --variant llava --threads 2 --batches 16 [--compile]
"""
import argparse
import gc
import json
import math
import os
import platform
import statistics
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pilot_tiny  # noqa: E402
from pilot_tiny import PILOT_TINY, VARIANTS, MultimodalModel  # noqa: E402

TEXT_TOKENS, ANSWER_TOKENS, PROMPT_TOKENS = 48, 16, 32  # ModelBenchmark.textTokens, answerTokens, promptTokens
LEARNING_RATE = 2e-4


def build(variant, seed=0):
    """pilot-tiny with random weights and AdamW (torch's defaults, weight decay 0.01) over its trainable parameters."""
    torch.manual_seed(seed)
    model = MultimodalModel(PILOT_TINY, variant)
    optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=LEARNING_RATE)
    return model, optimizer


def make_batches(b, count=4, seed=1):
    """`count` batches of random images [b, 3, 32, 32] and random text ids [b, 48]."""
    g = torch.Generator().manual_seed(seed + b)
    size = PILOT_TINY.image_size
    return [(torch.randn(b, 3, size, size, generator=g),
             torch.randint(0, PILOT_TINY.vocabulary, (b, TEXT_TOKENS), generator=g)) for _ in range(count)]


def llava_training_flops(c=PILOT_TINY):
    """Matrix FLOPs (2·m·n·k) of one llava training example, as `ModelBenchmark.trainingFLOPsPerExample()`
    counts them: attention dense, the head at the answer positions only, frozen weights get no weight
    gradient; element-wise work (norms, softmax, GELU, rotary, AdamW) not counted."""
    tv, dv, dh = c.visual_tokens, c.vision_width, c.connector_hidden
    t, d, f, v, r, answers = tv + TEXT_TOKENS, c.width, c.mlp, c.vocabulary, c.lora_rank, ANSWER_TOKENS
    vision = 2 * tv * c.patch_values * dv + c.vision_layers * (
        2 * tv * dv * 3 * dv + 2 * tv * dv * dv + 2 * 2 * tv * dv * c.vision_mlp + 2 * 2 * tv * tv * dv)
    connector_forward = 2 * tv * (dv * dh + dh * d)
    connector_backward = connector_forward + 2 * tv * dh * d  # weight gradients, input gradient of fc2
    lora = 2 * t * (d * r + r * d)
    block_forward = 4 * 2 * t * d * d + 4 * lora + 2 * 2 * t * t * d + 3 * 2 * t * d * f
    block_backward = 4 * 2 * t * d * d + 2 * 4 * lora + 2 * 2 * 2 * t * t * d + 3 * 2 * t * d * f
    llm_forward = c.layers * block_forward + 2 * answers * d * v
    llm_backward = 2 * answers * d * v + c.layers * block_backward
    return vision + connector_forward + llm_forward + connector_backward + llm_backward


def cpu_ticks():
    """(busy ticks of the whole machine, ticks of this process), for how much CPU others used meanwhile."""
    try:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
        with open("/proc/self/stat") as f:
            own = f.read().rsplit(")", 1)[1].split()
        return v[0] + v[1] + v[2] + v[5] + v[6], int(own[11]) + int(own[12])
    except (OSError, IndexError, ValueError):
        return 0, 0


def measure(work, warmup, iterations):
    """Times `work` `iterations` times after `warmup` untimed runs -> the samples' summary in seconds,
    with the CPU share other processes took meanwhile (`foreign_cpu_share`: 0 on a quiet machine)."""
    for _ in range(warmup):
        work()
    gc.collect()
    gc.disable()
    samples = []
    busy0, own0 = cpu_ticks()
    start = time.perf_counter()
    try:
        for _ in range(iterations):
            t0 = time.perf_counter()
            work()
            samples.append(time.perf_counter() - t0)
    finally:
        gc.enable()
    wall = time.perf_counter() - start
    busy1, own1 = cpu_ticks()
    foreign = max(0, (busy1 - busy0) - (own1 - own0)) / os.sysconf("SC_CLK_TCK")
    return dict(n=len(samples), median=statistics.median(samples), min=min(samples), max=max(samples),
                mean=statistics.fmean(samples), foreign_cpu_share=foreign / (wall * (os.cpu_count() or 1)))


def mode_bench(a):
    model, optimizer = build(a.variant)
    forward = torch.compile(model) if a.compile else model  # torch.compile: training and eval only
    flops = llava_training_flops() if a.variant == "llava" else None
    out = dict(params=pilot_tiny.parameter_counts(model), flops_per_example=flops)
    for b in a.batches:
        batches = make_batches(b)
        r = out[f"B{b}"] = {}
        step = [0]

        def next_batch():
            step[0] += 1
            return batches[step[0] % len(batches)]

        def report(key, seconds, unit):
            r[key] = dict(seconds=seconds, ex_per_s=b / seconds["median"], **unit)
            print(f"[{a.variant} {a.threads} thread(s){' compiled' if a.compile else ''}] B={b} {key}: median "
                  f"{seconds['median'] * 1e3:.2f} ms, {b / seconds['median']:.1f} ex/s "
                  f"(others' CPU share {seconds['foreign_cpu_share']:.0%})", flush=True)

        if "train" in a.parts:
            def train():
                images, text = next_batch()
                optimizer.zero_grad(set_to_none=True)
                forward(images, text, ANSWER_TOKENS).total.backward()
                optimizer.step()
            s = measure(train, a.warmup, a.iters)
            report("train", s, dict(tok_per_s=b * (PILOT_TINY.visual_tokens + TEXT_TOKENS) / s["median"],
                                    gflops_per_s=None if flops is None else flops * b / s["median"] / 1e9))
        if "eval" in a.parts:
            def evaluate():
                images, text = next_batch()
                with torch.no_grad():
                    forward(images, text, ANSWER_TOKENS)
            s = measure(evaluate, a.warmup, a.iters)
            report("eval", s, dict(tok_per_s=b * (PILOT_TINY.visual_tokens + TEXT_TOKENS) / s["median"]))
        images, text = batches[0]
        prompt = text[:, :PROMPT_TOKENS]
        for part, key, cache in (("gen", "gen_kv", True), ("gen_nocache", "gen_nocache", False)):
            if part in a.parts:
                s = measure(lambda: model.generate(images, prompt, ANSWER_TOKENS, use_cache=cache), a.gen_warmup, a.gen_iters)
                report(key, s, dict(new_tok_per_s=b * ANSWER_TOKENS / s["median"]))
    return out


def mode_check(a):
    """Sanity checks of every variant (not timed); each result's `ok` says whether it passed."""
    results = {}
    for variant in VARIANTS:
        model, optimizer = build(variant)
        (images, text), = make_batches(4, count=1)
        r = results[variant] = dict(params=pilot_tiny.parameter_counts(model))
        loss = model(images, text, ANSWER_TOKENS)
        loss.total.backward()
        r["initial_lm_loss"], r["ln_vocabulary"] = loss.language_model.item(), math.log(PILOT_TINY.vocabulary)
        r["auxiliary"] = {k: v.item() for k, v in loss.auxiliary.items()}
        r["gradients_exactly_on_trainable"] = all((p.grad is not None) == p.requires_grad for p in model.parameters())
        optimizer.zero_grad(set_to_none=True)
        with torch.no_grad():
            fused = model(images, text, ANSWER_TOKENS).total.item()
            pilot_tiny.ATTENTION = "manual"
            manual = model(images, text, ANSWER_TOKENS).total.item()
            pilot_tiny.ATTENTION = "sdpa"
        r["loss_sdpa_minus_manual"] = fused - manual
        prompt = text[:, :PROMPT_TOKENS]
        r["kv_cache_generation_equal"] = bool(torch.equal(model.generate(images, prompt, ANSWER_TOKENS, use_cache=False),
                                                          model.generate(images, prompt, ANSWER_TOKENS, use_cache=True)))
        with torch.no_grad():  # logits of cached one-token steps against those of one full forward
            visual, _ = model.visual_tokens(images, auxiliary=False)
            full = model.llm.logits(model.llm.hidden(torch.cat([visual, model.llm.embed(text)], 1)))
            caches = [pilot_tiny.LayerCache() for _ in model.llm.layers]
            nv = visual.shape[1]
            h = model.llm.hidden(torch.cat([visual, model.llm.embed(prompt)], 1), 0, caches)
            stepped = [model.llm.logits(h[:, -1])]
            for j in range(PROMPT_TOKENS, TEXT_TOKENS - 1):
                stepped.append(model.llm.logits(model.llm.hidden(model.llm.embed(text[:, j:j + 1]), nv + j, caches)[:, -1]))
            r["kv_logits_max_abs_diff"] = (torch.stack(stepped, 1) - full[:, nv + PROMPT_TOKENS - 1:nv + TEXT_TOKENS - 1]).abs().max().item()
        frozen = {n: p.detach().clone() for n, p in model.named_parameters() if not p.requires_grad}
        losses = []
        for _ in range(40):  # overfit the batch
            optimizer.zero_grad(set_to_none=True)
            loss = model(images, text, ANSWER_TOKENS).total
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
        r["overfit_losses_first_last"] = [losses[0], losses[-1]]
        r["frozen_unchanged"] = all(torch.equal(p, frozen[n]) for n, p in model.named_parameters() if n in frozen)
        r["ok"] = (r["gradients_exactly_on_trainable"] and abs(r["loss_sdpa_minus_manual"]) < 1e-4
                   and r["kv_cache_generation_equal"] and r["kv_logits_max_abs_diff"] < 1e-4
                   and losses[-1] < 0.8 * losses[0] and r["frozen_unchanged"])
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mode", choices=["bench", "check"], default="bench")
    ap.add_argument("--variant", choices=VARIANTS, default="llava")
    ap.add_argument("--threads", type=int, default=1, help="torch.set_num_threads")
    ap.add_argument("--batches", default="8,16,32", help="comma-separated batch sizes")
    ap.add_argument("--parts", default="train,eval,gen", help="comma-separated: train, eval, gen (KV cache), gen_nocache")
    ap.add_argument("--iters", type=int, default=20, help="timed training steps and eval forwards")
    ap.add_argument("--warmup", type=int, default=5, help="untimed training steps and eval forwards first")
    ap.add_argument("--gen-iters", type=int, default=8, help="timed generation calls")
    ap.add_argument("--gen-warmup", type=int, default=2, help="untimed generation calls first")
    ap.add_argument("--attention", choices=["sdpa", "manual"], default="sdpa")
    ap.add_argument("--compile", action="store_true", help="torch.compile the model for training and eval")
    ap.add_argument("--json", help="also write the results here")
    a = ap.parse_args()
    a.batches = [int(x) for x in a.batches.split(",")]
    a.parts = a.parts.split(",")
    torch.set_num_threads(a.threads)
    pilot_tiny.ATTENTION = a.attention
    meta = dict(torch=torch.__version__, python=platform.python_version(), threads=torch.get_num_threads(),
                mode=a.mode, variant=a.variant, attention=a.attention, compile=a.compile, iters=a.iters,
                warmup=a.warmup, gen_iters=a.gen_iters, gen_warmup=a.gen_warmup, cpu=platform.processor(), argv=sys.argv)
    results = mode_check(a) if a.mode == "check" else mode_bench(a)
    text = json.dumps(dict(meta=meta, results=results), indent=1)
    if a.json:
        with open(a.json, "w") as f:
            f.write(text)
    if a.mode == "check":
        print(text)
        failed = [v for v, r in results.items() if not r["ok"]]
        if failed:
            sys.exit(f"check failed for {', '.join(failed)}")


if __name__ == "__main__":
    main()

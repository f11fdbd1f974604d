"""pilot-tiny in PyTorch: the project's reference implementation of the Swift model (Sources/Models).

An independent implementation (eager PyTorch, CPU, float32) of the same model, used for two things:
the golden fixtures the Swift tests compare against (`scripts/make_golden_fixtures.py`) and the
speed comparison of `pilot bench model --vs-torch` (`reference/bench.py`).

The model (sizes in `Config`, the defaults being pilot-tiny):
  * vision: a ViT on 32x32 RGB images, patch 8 -> 16 patch tokens (no CLS token), width 128, 4
    pre-LayerNorm blocks of 4 heads, MLP 512 with exact (erf) GELU, learned positions, final
    LayerNorm. The patch embedding is a Linear(3*8*8 -> 128) over (channel, row, column)-ordered
    patches, equal to a stride-8 convolution. Frozen.
  * connector, one of three variants:
      - "llava":  one MLP adapter 128 -> 256 -> GELU -> 256 (LLaVA's connector; the baselines);
      - "pilot1": Pilot stage 1, task + client adapter of that shape, summed, with a difference loss;
      - "pilot2": Pilot stage 2, the cross-task mixture of adapters (CT-MoA) with its router losses.
  * language model: a LLaMA decoder, vocabulary 512, width 256, 4 layers of 4 heads (head 64),
    RMSNorm (eps 1e-6), rotary positions (theta 1e4, rotate-half), SwiGLU MLP 688, no biases,
    untied embedding and head, final RMSNorm. Frozen but for LoRA (rank 8, alpha 16) on q, k, v, o,
    initialised as PEFT does (A Kaiming-uniform, B zero).
  * loss: cross-entropy of the last `answer_tokens` text tokens only, each predicted from the
    position before it; the final norm and head run at those positions only. Plus the connector's
    weighted auxiliary losses.

Parameter names are the Swift model's (`MultimodalModel.visitParameters`), e.g.
`vision.blocks.0.qkv.weight`, `connector.task.0.fc1.bias`, `llm.layers.3.q.lora_A`, `llm.norm`,
so a state dict of this module and a Swift checkpoint name the same tensors alike. Initial values
are drawn afresh for every adapter, where Swift's Pilot connectors start from copies of a trained
one (pilot1's two adapters, pilot2's experts and cross-task adapters): the golden fixtures carry
their values, and speed does not depend on them.
"""
import math
from dataclasses import dataclass
from typing import Dict, List, NamedTuple, Optional

import torch
import torch.nn as nn
import torch.nn.functional as F

VARIANTS = ("llava", "pilot1", "pilot2")

ATTENTION = "sdpa"
"""How attention is computed: "sdpa" (torch's fused `scaled_dot_product_attention`, what the
benchmark times) or "manual" (softmax(QKᵀ/√d)·V written out with plain matmuls, what the golden
fixtures use)."""


@dataclass(frozen=True)
class Config:
    """Sizes of the model; the field names are those of the Swift `ModelConfig`, in snake case."""
    image_size: int = 32
    patch_size: int = 8
    vision_width: int = 128
    vision_layers: int = 4
    vision_heads: int = 4
    vision_mlp: int = 512
    layer_norm_eps: float = 1e-5
    connector_hidden: int = 256
    vocabulary: int = 512
    width: int = 256
    layers: int = 4
    heads: int = 4
    mlp: int = 688
    rms_norm_eps: float = 1e-6
    rope_theta: float = 10000.0
    max_sequence: int = 96
    lora_rank: int = 8
    lora_alpha: float = 16
    tasks: int = 3  # CT-MoA experts in "pilot2": the client's own task and the two others

    @property
    def visual_tokens(self) -> int:
        return (self.image_size // self.patch_size) ** 2

    @property
    def patch_values(self) -> int:
        return 3 * self.patch_size ** 2

    @property
    def head_dim(self) -> int:
        return self.width // self.heads


PILOT_TINY = Config()


# ----------------------------------------------------------------------------- shared pieces
def attention(q, k, v, causal):
    """Multi-head attention. q: [B, H, Tq, hd], k and v: [B, H, Tk, hd] -> [B, H, Tq, hd].

    `causal` masks later keys; it is only asked for when Tq == Tk (training, or a prefill into an
    empty cache), where torch's top-left aligned causal mask is the right one."""
    if causal:
        assert q.shape[-2] == k.shape[-2], "causal attention with a cache: only a prefill into an empty cache"
    if ATTENTION == "sdpa":
        return F.scaled_dot_product_attention(q, k, v, is_causal=causal)
    scores = torch.matmul(q, k.transpose(-1, -2)) * (1.0 / math.sqrt(q.shape[-1]))
    if causal:
        t = q.shape[-2]
        later = torch.ones(t, t, dtype=torch.bool).triu_(1)
        scores = scores.masked_fill(later, float("-inf"))
    return torch.matmul(torch.softmax(scores, dim=-1), v)


def rotary_tables(positions, head_dim, theta):
    """cos and sin tables [positions, head_dim] of rotary embeddings (rotate-half convention)."""
    inverse = 1.0 / (theta ** (torch.arange(0, head_dim, 2, dtype=torch.float32) / head_dim))
    angles = torch.outer(torch.arange(positions, dtype=torch.float32), inverse)
    both = torch.cat([angles, angles], dim=-1)
    return both.cos(), both.sin()


def apply_rotary(x, cos, sin):
    """x: [B, H, T, hd] rotated by the tables' rows for its T positions ([T, hd] each)."""
    half = x.shape[-1] // 2
    rotated = torch.cat([-x[..., half:], x[..., :half]], dim=-1)
    return x * cos + rotated * sin


class MLPAdapter(nn.Module):
    """fc2(gelu(fc1(x))): LLaVA's connector, and the shape of every Pilot adapter (fc1, fc2 with biases)."""

    def __init__(self, inputs, hidden, outputs):
        super().__init__()
        self.fc1 = nn.Linear(inputs, hidden)
        self.fc2 = nn.Linear(hidden, outputs)

    def forward(self, x):
        return self.fc2(F.gelu(self.fc1(x)))


# ----------------------------------------------------------------------------- vision
class ViTBlock(nn.Module):
    """Pre-LayerNorm encoder block: x + proj(attention(qkv(ln1(x)))), then + fc2(gelu(fc1(ln2(x))))."""

    def __init__(self, width, heads, mlp, eps):
        super().__init__()
        self.heads = heads
        self.ln1 = nn.LayerNorm(width, eps=eps)
        self.qkv = nn.Linear(width, 3 * width)
        self.proj = nn.Linear(width, width)
        self.ln2 = nn.LayerNorm(width, eps=eps)
        self.fc1 = nn.Linear(width, mlp)
        self.fc2 = nn.Linear(mlp, width)

    def forward(self, x):  # x: [B, T, width]
        b, t, d = x.shape
        qkv = self.qkv(self.ln1(x)).view(b, t, 3, self.heads, d // self.heads)
        q, k, v = qkv.permute(2, 0, 3, 1, 4).unbind(0)  # each [B, H, T, hd]
        a = attention(q, k, v, causal=False)
        x = x + self.proj(a.transpose(1, 2).reshape(b, t, d))
        return x + self.fc2(F.gelu(self.fc1(self.ln2(x))))


class VisionEncoder(nn.Module):
    """The CLIP-ViT analog: patch embedding, learned positions, encoder blocks, final LayerNorm."""

    def __init__(self, c: Config):
        super().__init__()
        self.patch = c.patch_size
        self.patch_embed = nn.Linear(c.patch_values, c.vision_width)
        self.pos = nn.Parameter(torch.randn(c.visual_tokens, c.vision_width) * 0.02)
        self.blocks = nn.ModuleList(ViTBlock(c.vision_width, c.vision_heads, c.vision_mlp, c.layer_norm_eps)
                                    for _ in range(c.vision_layers))
        self.ln_f = nn.LayerNorm(c.vision_width, eps=c.layer_norm_eps)

    def patchify(self, images):
        """[B, 3, H, W] -> [B, tokens, 3*p*p], patches in row-major order, values ordered (c, py, px)."""
        b, ch, h, w = images.shape
        p = self.patch
        x = images.reshape(b, ch, h // p, p, w // p, p).permute(0, 2, 4, 1, 3, 5)
        return x.reshape(b, (h // p) * (w // p), ch * p * p)

    def forward(self, images):  # [B, 3, H, W] -> [B, tokens, vision_width]
        x = self.patch_embed(self.patchify(images)) + self.pos
        for block in self.blocks:
            x = block(x)
        return self.ln_f(x)


# ----------------------------------------------------------------------------- connectors
# Each connector maps vision features [B, tokens, vision_width] to language tokens [B, tokens, width]
# and returns its weighted auxiliary losses by name (none when `auxiliary` is False).

class LLaVAConnector(MLPAdapter):
    """LLaVA's connector: one MLP adapter, trainable, no auxiliary loss (parameters fc1, fc2)."""

    def __init__(self, c: Config):
        super().__init__(c.vision_width, c.connector_hidden, c.width)

    def connect(self, z, auxiliary=True):
        return self(z), {}


class PilotStage1Connector(nn.Module):
    """Pilot stage 1: H = A_t(Z) + A_c(Z), both adapters trainable (parameters task.*, client.*).

    Difference loss, weight 0.1 (the per-token form, Swift's `DifferenceForm.tokenGram`): per sample,
    every token row of H_t and H_c L2-normalised, ||N_tᵀ N_c||²_F, averaged over the batch. The norms
    are differentiated through (F.normalize), as Swift's `detachNorm: false`."""

    difference_weight = 0.1

    def __init__(self, c: Config):
        super().__init__()
        self.task = MLPAdapter(c.vision_width, c.connector_hidden, c.width)
        self.client = MLPAdapter(c.vision_width, c.connector_hidden, c.width)

    def connect(self, z, auxiliary=True):
        ht, hc = self.task(z), self.client(z)
        if not auxiliary:
            return ht + hc, {}
        nt = F.normalize(ht, dim=-1, eps=1e-6)
        nc = F.normalize(hc, dim=-1, eps=1e-6)
        difference = (nt.transpose(1, 2) @ nc).pow(2).sum(dim=(1, 2)).mean()
        return ht + hc, {"difference": self.difference_weight * difference}


class CTMoAConnector(nn.Module):
    """Pilot stage 2, the cross-task mixture of adapters (parameters task.j, cross.j, client, router).

    Expert 0 is the client's own task adapter (trainable); expert j >= 1 is another task's adapter
    (frozen) with a parallel cross-task adapter (trainable): y_j = E_j(Z) + C_j(Z). A dense softmax
    router Linear(vision_width -> tasks, no bias) weighs them, and the frozen stage-1 client adapter
    is added: out = A_c(Z) + sum_j w_j * y_j. Auxiliary losses: load balance 0.1 * n * sum_e f_e P_e
    (f_e: share of tokens whose top-1 expert is e, P_e: mean router probability) and router z-loss
    0.01 * mean(logsumexp(logits)²)."""

    balance_weight, z_loss_weight = 0.1, 0.01

    def __init__(self, c: Config):
        super().__init__()
        adapter = lambda: MLPAdapter(c.vision_width, c.connector_hidden, c.width)  # noqa: E731
        self.task = nn.ModuleList(adapter() for _ in range(c.tasks))
        self.cross = nn.ModuleList(adapter() for _ in range(c.tasks - 1))
        self.client = adapter()
        self.router = nn.Linear(c.vision_width, c.tasks, bias=False)
        for frozen in list(self.task)[1:] + [self.client]:
            frozen.requires_grad_(False)

    def connect(self, z, auxiliary=True):
        logits = self.router(z)
        weights = torch.softmax(logits, dim=-1)  # [B, tokens, tasks]
        out = self.client(z)
        for j, expert in enumerate(self.task):
            y = expert(z) if j == 0 else expert(z) + self.cross[j - 1](z)
            out = out + y * weights[..., j:j + 1]
        if not auxiliary:
            return out, {}
        n = weights.shape[-1]
        share = F.one_hot(weights.argmax(-1), n).float().mean(dim=(0, 1))  # f_e
        probability = weights.mean(dim=(0, 1))  # P_e
        z_loss = torch.logsumexp(logits, dim=-1).pow(2).mean()
        return out, {"load_balance": self.balance_weight * n * (share * probability).sum(),
                     "router_z": self.z_loss_weight * z_loss}


CONNECTORS = {"llava": LLaVAConnector, "pilot1": PilotStage1Connector, "pilot2": CTMoAConnector}


# ----------------------------------------------------------------------------- language model
class LoRALinear(nn.Module):
    """Bias-free linear layer with a low-rank update: y = x Wᵀ + (alpha / r) (x Aᵀ) Bᵀ.

    W [out, in] ~ N(0, 0.02²); A [r, in] Kaiming-uniform; B [out, r] zero (parameters weight, lora_A, lora_B)."""

    def __init__(self, inputs, outputs, rank, alpha):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(outputs, inputs) * 0.02)
        self.lora_A = nn.Parameter(torch.empty(rank, inputs))
        nn.init.kaiming_uniform_(self.lora_A, a=math.sqrt(5))
        self.lora_B = nn.Parameter(torch.zeros(outputs, rank))
        self.scale = alpha / rank

    def forward(self, x):
        return F.linear(x, self.weight) + F.linear(F.linear(x, self.lora_A), self.lora_B) * self.scale


class LayerCache:
    """Keys and values [B, H, t, hd] of one decoder layer for the positions decoded so far."""

    def __init__(self):
        self.k = self.v = None

    def extend(self, k, v):
        """Appends the newest positions' keys and values; returns all of them."""
        if self.k is not None:
            k, v = torch.cat([self.k, k], dim=2), torch.cat([self.v, v], dim=2)
        self.k, self.v = k, v
        return k, v


class LlamaBlock(nn.Module):
    """LLaMA decoder block: RMSNorm, causal attention with rotary positions and LoRA on q, k, v, o,
    then RMSNorm and a SwiGLU MLP down(silu(gate(h)) * up(h)), each with a residual; no biases."""

    def __init__(self, width, heads, mlp, eps, lora_rank, lora_alpha):
        super().__init__()
        self.heads, self.eps = heads, eps
        self.attn_norm = nn.Parameter(torch.ones(width))
        self.q, self.k, self.v, self.o = (LoRALinear(width, width, lora_rank, lora_alpha) for _ in range(4))
        self.mlp_norm = nn.Parameter(torch.ones(width))
        self.gate = nn.Linear(width, mlp, bias=False)
        self.up = nn.Linear(width, mlp, bias=False)
        self.down = nn.Linear(mlp, width, bias=False)

    def forward(self, x, cos, sin, cache: Optional[LayerCache] = None):
        """x: [B, T, width] at the positions whose rotary rows are cos, sin ([T, hd]); with `cache`, the
        keys and values of earlier positions are attended to and these positions' are appended."""
        b, t, d = x.shape
        split = lambda y: y.view(b, t, self.heads, d // self.heads).transpose(1, 2)  # noqa: E731
        h = F.rms_norm(x, (d,), self.attn_norm, self.eps)
        q, k, v = split(self.q(h)), split(self.k(h)), split(self.v(h))
        q, k = apply_rotary(q, cos, sin), apply_rotary(k, cos, sin)
        if cache is not None:
            k, v = cache.extend(k, v)
        a = attention(q, k, v, causal=t > 1)
        x = x + self.o(a.transpose(1, 2).reshape(b, t, d))
        h = F.rms_norm(x, (d,), self.mlp_norm, self.eps)
        return x + self.down(F.silu(self.gate(h)) * self.up(h))


class LanguageModel(nn.Module):
    """The Vicuna analog: embedding N(0, 0.02²), LLaMA blocks, final RMSNorm, untied bias-free head
    (parameters embed.weight, layers.i.*, norm, head.weight)."""

    def __init__(self, c: Config):
        super().__init__()
        self.eps = c.rms_norm_eps
        self.embed = nn.Embedding(c.vocabulary, c.width)
        nn.init.normal_(self.embed.weight, std=0.02)
        self.layers = nn.ModuleList(LlamaBlock(c.width, c.heads, c.mlp, c.rms_norm_eps, c.lora_rank, c.lora_alpha)
                                    for _ in range(c.layers))
        self.norm = nn.Parameter(torch.ones(c.width))
        self.head = nn.Linear(c.width, c.vocabulary, bias=False)
        cos, sin = rotary_tables(c.max_sequence, c.head_dim, c.rope_theta)
        self.register_buffer("cos", cos, persistent=False)
        self.register_buffer("sin", sin, persistent=False)

    def hidden(self, x, start=0, caches: Optional[List[LayerCache]] = None):
        """Runs every block over x [B, T, width] at positions start..start+T-1 -> [B, T, width]."""
        t = x.shape[1]
        cos, sin = self.cos[start:start + t], self.sin[start:start + t]
        for i, layer in enumerate(self.layers):
            x = layer(x, cos, sin, None if caches is None else caches[i])
        return x

    def logits(self, h):
        """Final norm and head: [..., width] -> [..., vocabulary]."""
        return self.head(F.rms_norm(h, (h.shape[-1],), self.norm, self.eps))


# ----------------------------------------------------------------------------- the whole model
class Loss(NamedTuple):
    """What a training forward returns: the total (LM + auxiliaries), the LM cross-entropy and
    each weighted auxiliary loss by name."""
    total: torch.Tensor
    language_model: torch.Tensor
    auxiliary: Dict[str, torch.Tensor]


class MultimodalModel(nn.Module):
    """pilot-tiny: vision encoder -> connector -> language model (parameters vision.*, connector.*, llm.*).

    Trainable: the connector (in "pilot2" only the own task adapter, the cross-task adapters and the
    router) and the LoRA adapters; the encoder and the language model's base weights are frozen."""

    def __init__(self, c: Config = PILOT_TINY, variant="llava"):
        super().__init__()
        if variant not in CONNECTORS:
            raise ValueError(f"variant must be one of {', '.join(VARIANTS)}, got {variant!r}")
        self.config, self.variant = c, variant
        self.vision = VisionEncoder(c)
        self.connector = CONNECTORS[variant](c)
        self.llm = LanguageModel(c)
        self.vision.requires_grad_(False)
        self.llm.requires_grad_(False)
        for name, p in self.llm.named_parameters():
            if name.endswith((".lora_A", ".lora_B")):
                p.requires_grad_(True)

    def visual_tokens(self, images, auxiliary=True):
        """Images [B, 3, H, W] -> language tokens [B, visual_tokens, width] and the connector's auxiliary losses."""
        with torch.no_grad():  # the encoder is frozen: record no graph for it
            features = self.vision(images)
        return self.connector.connect(features, auxiliary)

    def forward(self, images, text, answer_tokens) -> Loss:
        """The training loss of images [B, 3, H, W] and text ids [B, T]: cross-entropy of the last
        `answer_tokens` text tokens, each predicted from the position before it, plus the auxiliaries."""
        tokens, auxiliary = self.visual_tokens(images)
        h = self.llm.hidden(torch.cat([tokens, self.llm.embed(text)], dim=1))
        end = h.shape[1]  # visual + text positions
        logits = self.llm.logits(h[:, end - answer_tokens - 1:end - 1])  # only the positions the loss reads
        lm = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), text[:, -answer_tokens:].reshape(-1))
        total = lm
        if auxiliary:
            total = lm + sum(auxiliary.values())
        return Loss(total, lm, auxiliary)

    @torch.no_grad()
    def generate(self, images, prompt, new_tokens, use_cache=True):
        """Greedy decoding of `new_tokens` tokens after prompts [B, P] -> [B, new_tokens] (no end token)."""
        visual, _ = self.visual_tokens(images, auxiliary=False)
        if not use_cache:  # the whole sequence again for every token
            ids = prompt
            for _ in range(new_tokens):
                h = self.llm.hidden(torch.cat([visual, self.llm.embed(ids)], dim=1))
                ids = torch.cat([ids, self.llm.logits(h[:, -1]).argmax(-1, keepdim=True)], dim=1)
            return ids[:, prompt.shape[1]:]
        caches = [LayerCache() for _ in self.llm.layers]
        x, position, out = torch.cat([visual, self.llm.embed(prompt)], dim=1), 0, []
        for _ in range(new_tokens):
            h = self.llm.hidden(x, start=position, caches=caches)
            position += x.shape[1]
            out.append(self.llm.logits(h[:, -1]).argmax(-1, keepdim=True))
            x = self.llm.embed(out[-1])
        return torch.cat(out, dim=1)


def parameter_counts(model: MultimodalModel):
    """Every parameter, the trainable ones, and the totals of the groups Swift's `ParameterCount` reports."""
    named = list(model.named_parameters())
    count = lambda keep: sum(p.numel() for n, p in named if keep(n))  # noqa: E731
    lora = lambda n: n.startswith("llm.") and ".lora_" in n  # noqa: E731
    return dict(total=count(lambda n: True), trainable=sum(p.numel() for _, p in named if p.requires_grad),
                vision=count(lambda n: n.startswith("vision.")), connector=count(lambda n: n.startswith("connector.")),
                llm_base=count(lambda n: n.startswith("llm.") and not lora(n)), llm_adapters=count(lora))

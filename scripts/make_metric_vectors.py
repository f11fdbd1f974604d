#!/usr/bin/env python3
"""Reference vectors for the Swift `Metrics` tests, computed by pycocoevalcap and pycocotools.

CIDEr-D and BLEU-1..4 come from pycocoevalcap's own `Cider` and `Bleu(4)` scorers; IoU comes from
`pycocotools.mask.iou` (boxes converted from corners to [x, y, w, h], iscrowd 0). Captions are
tokenised with `caption_tokenize` below, the same rules as the Swift `CaptionTokenizer`, instead of
pycocoevalcap's Java PTBTokenizer, so that both sides score identical tokens. Box strings are parsed
with `parse_box` below, the same grammar as Swift's `BoundingBox(parsing:)`; a string that does not
parse is recorded with IoU null (scored as wrong).

    python3 -m venv /tmp/torchref && /tmp/torchref/bin/pip install pycocoevalcap pycocotools numpy
    /tmp/torchref/bin/python scripts/make_metric_vectors.py

It writes Tests/MetricsTests/Fixtures/metric_vectors.json; the Swift tests need no Python.
"""
import json
import math
import random
import re
from importlib.metadata import version
from pathlib import Path

import numpy as np
from pycocoevalcap.bleu.bleu import Bleu
from pycocoevalcap.cider.cider import Cider
from pycocotools import mask as mask_utils

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "Tests" / "MetricsTests" / "Fixtures" / "metric_vectors.json"

# Characters the PTB tokenizer turns into the tokens pycocoevalcap drops (its PUNCTUATIONS list).
PUNCTUATION = "'\"`.?!,:;-(){}"

NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
BOX = re.compile(r"\[\s*(" + NUMBER + r")\s*,\s*(" + NUMBER + r")\s*,\s*(" + NUMBER + r")\s*,\s*(" + NUMBER + r")\s*\]")


def caption_tokenize(caption):
    """Lower-case, split on whitespace, strip PUNCTUATION from both ends of each word, drop empty words."""
    words = (word.strip(PUNCTUATION) for word in caption.lower().split())
    return " ".join(word for word in words if word)


def parse_box(text):
    """Four finite decimal numbers in brackets, whitespace allowed around them; else None."""
    match = BOX.fullmatch(text.strip())
    if match is None:
        return None
    corners = [float(group) for group in match.groups()]
    return corners if all(math.isfinite(c) for c in corners) else None


def caption_corpus(name, predictions, references):
    """Scores one corpus with pycocoevalcap; ids keep their order, as pycocoevalcap iterates them."""
    assert predictions.keys() == references.keys()
    res = {i: [caption_tokenize(p)] for i, p in predictions.items()}
    gts = {i: [caption_tokenize(r) for r in refs] for i, refs in references.items()}
    cider, cider_per_item = Cider().compute_score(gts, res)
    bleu, bleu_per_order = Bleu(4).compute_score(gts, res, verbose=0)
    ids = list(predictions)
    return {
        "name": name,
        "predictions": predictions,
        "references": references,
        "tokenized_predictions": {i: res[i][0] for i in ids},
        "tokenized_references": gts,
        "cider": {"score": float(cider), "per_item": {i: float(s) for i, s in zip(ids, cider_per_item)}},
        "bleu": {"score": [float(s) for s in bleu],
                 "per_item": {i: [float(bleu_per_order[k][n]) for k in range(4)] for n, i in enumerate(ids)}},
    }


COCO_LIKE = {
    "1": ("A man riding a wave on top of a surfboard.",
          ["A man riding a wave on top of a surfboard.", "A surfer rides a large wave in the ocean.",
           "A person on a surfboard riding a wave.", "Surfer in a wetsuit riding a big wave.",
           "A man surfing on a wave in the sea."]),
    "2": ("Two dogs are playing with a red frisbee in the park",
          ["Two dogs play with a frisbee on the grass.", "A pair of dogs chase a red frisbee.",
           "Dogs playing fetch in a park.", "Two brown dogs running after a frisbee.",
           "Two dogs fighting over a red flying disc in a park."]),
    "3": ("A plate of food with broccoli and meat.",
          ["A white plate topped with meat and broccoli.", "A plate of food with rice, broccoli and chicken.",
           "Broccoli, beef and rice on a dinner plate.", "A meal of meat and vegetables on a plate.",
           "A close up of a plate of food."]),
    "4": ("a red double decker bus driving down a city street",
          ["A red double-decker bus drives down the street.", "A double decker bus on a city street.",
           "A big red bus driving past some buildings.", "A red bus is parked on the side of the road.",
           "The double decker bus is going down the road."]),
    "5": ("A cat sitting on a laptop keyboard!",
          ["A cat is sitting on the keyboard of a laptop.", "A gray cat lying on an open laptop.",
           "A kitten sits on a computer keyboard.", "The cat is sleeping on the laptop (again).",
           "Cat laying on top of a laptop computer."]),
    "6": ("A kitchen with wooden cabinets and a stove.",
          ["A kitchen with wood cabinets and a white stove.", "A small kitchen with a stove and a sink.",
           "An empty kitchen with wooden cupboards.", "A kitchen has brown cabinets, a stove and a fridge.",
           "A clean kitchen with an oven and cabinets."]),
}


def random_corpus(seed, images, vocabulary):
    """Captions drawn from a small vocabulary, so n-grams repeat across images and idf is non-trivial."""
    rng = random.Random(seed)

    def sentence(low, high):
        return " ".join(rng.choice(vocabulary) for _ in range(rng.randint(low, high)))

    predictions, references = {}, {}
    for n in range(images):
        image = f"img{n:03d}"
        refs = [sentence(1, 12) for _ in range(rng.randint(1, 5))]
        if rng.random() < 0.4:  # a hypothesis that copies a piece of a reference
            words = rng.choice(refs).split()
            start = rng.randrange(len(words))
            predictions[image] = " ".join(words[start:start + rng.randint(1, 10)])
        else:
            predictions[image] = sentence(0, 14)
        references[image] = refs
    return predictions, references


def caption_corpora():
    corpora = [caption_corpus("coco-like captions with punctuation and capitals",
                              {i: p for i, (p, _) in COCO_LIKE.items()}, {i: r for i, (_, r) in COCO_LIKE.items()})]
    corpora.append(caption_corpus("repeated words", {
        "a": "dog dog dog dog dog dog",
        "b": "a a a a a cat",
        "c": "the the the red car red car",
    }, {
        "a": ["a dog runs on the beach", "a dog and a dog"],
        "b": ["a cat on a mat", "a black cat"],
        "c": ["the red car", "a red car parked by the road", "the car is red"],
    }))
    corpora.append(caption_corpus("hypotheses shorter than four words", {
        "a": "dog",
        "b": "a dog",
        "c": "a red car",
        "d": "two cats sleeping",
    }, {
        "a": ["a dog on the grass", "dog"],
        "b": ["a dog", "a small dog sitting"],
        "c": ["a red car", "a red car on the road"],
        "d": ["two cats sleeping on a couch", "cats sleeping"],
    }))
    corpora.append(caption_corpus("an empty hypothesis and one that is only punctuation", {
        "a": "",
        "b": "... !",
        "c": "a man riding a horse",
    }, {
        "a": ["a man riding a horse on a beach", "a horse"],
        "b": ["people walking on the street"],
        "c": ["a man riding a brown horse", "a person on a horse"],
    }))
    corpora.append(caption_corpus("a single reference per image", {
        "x": "a woman holding an umbrella in the rain",
        "y": "a bowl of fruit on a table",
        "z": "a train at the station",
        "w": "a giraffe standing next to a tree",
    }, {
        "x": ["a woman with an umbrella walks in the rain"],
        "y": ["a bowl of apples and bananas on a wooden table"],
        "z": ["a red train pulling into the station"],
        "w": ["a tall giraffe eating leaves from a tree"],
    }))
    corpora.append(caption_corpus("hypothesis identical to its only reference", {
        "p": "a man throwing a frisbee in a park",
        "q": "a plate of spaghetti with meatballs",
        "r": "a yellow school bus parked outside",
    }, {
        "p": ["a man throwing a frisbee in a park"],
        "q": ["a plate of spaghetti with meatballs"],
        "r": ["a yellow school bus parked outside"],
    }))
    corpora.append(caption_corpus("hypotheses much longer than the references", {
        "a": "a dog " + "that is running very fast across the big green field with a ball " * 3,
        "b": "a cat " + "sitting on a windowsill looking outside at the birds and the trees " * 2,
        "c": "a bus",
    }, {
        "a": ["a dog running", "a dog in a field"],
        "b": ["a cat", "a cat by a window"],
        "c": ["a city bus", "a bus on the street"],
    }))
    corpora.append(caption_corpus("a one-image corpus (idf is log 1 = 0)", {
        "only": "a man riding a wave on a surfboard",
    }, {
        "only": ["a man riding a wave on top of a surfboard", "a surfer riding a wave"],
    }))
    corpora.append(caption_corpus("closest reference length ties and equal lengths", {
        "a": "one two three four five",
        "b": "one two three four five six",
        "c": "alpha beta gamma",
    }, {
        "a": ["one two three four", "one two three four five six"],
        "b": ["one two three four five", "one two three four five six seven"],
        "c": ["alpha beta gamma", "delta"],
    }))
    corpora.append(caption_corpus("an n-gram in every image's references (idf 0)", {
        "a": "a photo of a dog",
        "b": "a photo of a cat",
        "c": "a photo of a bird",
    }, {
        "a": ["a photo of a dog on grass", "a photo of a puppy"],
        "b": ["a photo of a cat asleep", "a photo of a kitten"],
        "c": ["a photo of a bird in flight", "a photo of a parrot"],
    }))
    vocabulary = ["a", "the", "dog", "cat", "man", "red", "on", "of", "with", "street", "table", "sitting",
                  "two", "is", "in", "green", "car", "Car,", "ball.", "Café", "runs"]
    corpora.append(caption_corpus("mixed: seeded random corpus of 40 images", *random_corpus(7, 40, vocabulary)))
    corpora.append(caption_corpus("mixed: seeded random corpus of 12 images, tiny vocabulary",
                                  *random_corpus(11, 12, ["a", "b", "c"])))
    return corpora


IOU_CASES = [
    ("partial overlap", "[0, 0, 10, 10]", [5, 5, 15, 15]),
    ("IoU exactly 0.5", "[0, 0, 10, 10]", [0, 0, 10, 5]),
    ("IoU just below 0.5", "[0, 0, 10, 10]", [0, 0, 10, 4.999]),
    ("prediction contains reference", "[0, 0, 10, 10]", [2, 2, 8, 8]),
    ("reference contains prediction", "[3, 4, 5, 6]", [0, 0, 10, 10]),
    ("identical boxes", "[12.5, 7.25, 40.75, 99.0]", [12.5, 7.25, 40.75, 99.0]),
    ("touching edges", "[0, 0, 10, 10]", [10, 0, 20, 10]),
    ("touching corners", "[0, 0, 10, 10]", [10, 10, 20, 20]),
    ("disjoint", "[0, 0, 1, 1]", [5, 5, 6, 6]),
    ("normalised coordinates", "[0.12, 0.3, 0.56, 0.78]", [0.1, 0.25, 0.6, 0.8]),
    ("negative coordinates", "[-5, -5, 5, 5]", [-2, -8, 8, 2]),
    ("pixel coordinates", "[103.4, 220.9, 388.1, 471.6]", [98.0, 231.5, 401.2, 466.3]),
    ("thin sliver overlap", "[0, 0, 100, 1]", [50, 0, 150, 1]),
    ("zero-width prediction", "[5, 0, 5, 10]", [0, 0, 10, 10]),
    ("zero-height reference", "[0, 0, 10, 10]", [0, 5, 10, 5]),
    ("both zero-area, same point", "[3, 3, 3, 3]", [3, 3, 3, 3]),
    ("reversed corners in prediction", "[10, 10, 0, 0]", [0, 0, 10, 10]),
    ("reversed x only", "[10, 0, 0, 10]", [0, 0, 10, 10]),
    ("reversed corners in both", "[10, 10, 0, 0]", [10, 10, 0, 0]),
    ("no spaces", "[1,2,30,40]", [0, 0, 20, 20]),
    ("extra whitespace everywhere", "  [ 1 ,  2 ,30 , 40 ]  ", [0, 0, 20, 20]),
    ("tabs and newlines", "[\t1,\n2, 30,\t40]\n", [0, 0, 20, 20]),
    ("exponents, signs and bare points", "[1., +2.0, 3e1, 4E1]", [0, 0, 20, 20]),
    ("leading point", "[.5, .5, 10.5, 10.5]", [0, 0, 10, 10]),
    ("unparseable: empty", "", [0, 0, 10, 10]),
    ("unparseable: no brackets", "0, 0, 10, 10", [0, 0, 10, 10]),
    ("unparseable: missing closing bracket", "[0, 0, 10, 10", [0, 0, 10, 10]),
    ("unparseable: three numbers", "[0, 0, 10]", [0, 0, 10, 10]),
    ("unparseable: five numbers", "[0, 0, 10, 10, 1]", [0, 0, 10, 10]),
    ("unparseable: trailing comma", "[0, 0, 10, 10,]", [0, 0, 10, 10]),
    ("unparseable: empty slot", "[0, , 10, 10]", [0, 0, 10, 10]),
    ("unparseable: words", "[a, b, c, d]", [0, 0, 10, 10]),
    ("unparseable: nan", "[0, 0, 10, nan]", [0, 0, 10, 10]),
    ("unparseable: inf", "[0, 0, inf, 10]", [0, 0, 10, 10]),
    ("unparseable: overflow to infinity", "[0, 0, 1e999, 10]", [0, 0, 10, 10]),
    ("unparseable: hex", "[0x0, 0, 10, 10]", [0, 0, 10, 10]),
    ("unparseable: text before", "The box is [0, 0, 10, 10]", [0, 0, 10, 10]),
    ("unparseable: full stop after", "[0, 0, 10, 10].", [0, 0, 10, 10]),
    ("unparseable: nested brackets", "[[0, 0, 10, 10]]", [0, 0, 10, 10]),
    ("unparseable: spaces instead of commas", "[0 0 10 10]", [0, 0, 10, 10]),
    ("unparseable: lone sign", "[-, 0, 10, 10]", [0, 0, 10, 10]),
    ("unparseable: dangling exponent", "[1e, 0, 10, 10]", [0, 0, 10, 10]),
    ("unparseable: parentheses", "(0, 0, 10, 10)", [0, 0, 10, 10]),
    ("unparseable: empty brackets", "[]", [0, 0, 10, 10]),
]


def iou_case(name, prediction, reference):
    corners = parse_box(prediction)
    iou = None
    if corners is not None:
        def xywh(c):
            return np.array([[c[0], c[1], c[2] - c[0], c[3] - c[1]]], dtype=np.float64)
        iou = float(mask_utils.iou(xywh(corners), xywh(reference), [0])[0][0])
    return {"name": name, "prediction": prediction, "reference": reference, "parsed": corners, "iou": iou}


def main():
    vectors = {
        "generator": "scripts/make_metric_vectors.py",
        "versions": {package: version(package) for package in ("pycocoevalcap", "pycocotools", "numpy")},
        "caption_corpora": caption_corpora(),
        "iou_cases": [iou_case(*case) for case in IOU_CASES],
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(vectors, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {OUT} ({len(vectors['caption_corpora'])} caption corpora, {len(vectors['iou_cases'])} IoU cases)")


if __name__ == "__main__":
    main()

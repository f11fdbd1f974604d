#!/usr/bin/env python3
"""Reference values for the Swift statistics behind paper-repro.md's verdicts, computed by scipy.

Student's t CDF and quantiles (scipy.stats.t), paired t tests and intervals (scipy.stats.ttest_rel,
scipy.stats.t.interval), the probability of improvement P(X > Y) + P(X = Y) / 2 as rliable computes it
(scipy.stats.mannwhitneyu's U statistic over n·m), the smallest effect a paired t test detects with 80 %
power (scipy.stats.nct, solved with scipy.optimize.brentq), and Holm's step-down adjusted p-values
(written out below from Holm 1979, independently of the Swift code), and the variance components of replicates nested
in bases (statsmodels' MixedLM, REML, random intercept per base: equal to the ANOVA estimators when those are positive).

    python3 -m pip install scipy numpy statsmodels
    python3 scripts/make_statistics_vectors.py

It writes Tests/StudyTests/Fixtures/statistics_vectors.json; the Swift tests need no Python.
"""
import json
import warnings
from importlib.metadata import version
from pathlib import Path

import numpy as np
from scipy import optimize, stats

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "Tests" / "StudyTests" / "Fixtures" / "statistics_vectors.json"


def holm(p):
    """Holm's step-down adjustment: sort ascending, multiply the i-th smallest by (m - i), running max, cap at 1."""
    p = np.asarray(p, dtype=float)
    order = np.argsort(p, kind="stable")
    m = len(p)
    adjusted = np.empty(m)
    running = 0.0
    for rank, index in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p[index]))
        adjusted[index] = running
    return adjusted.tolist()


def detectable_effect(sd, n, alpha=0.05, power=0.8):
    """The usual approximation (t_{1-alpha/2, n-1} + t_{power, n-1}) * sd / sqrt(n), and the exact effect at which a
    two-sided level-alpha paired t test rejects with probability `power` (noncentral t, for the record)."""
    df = n - 1
    crit = stats.t.ppf(1 - alpha / 2, df)
    se = sd / np.sqrt(n)
    approximate = (crit + stats.t.ppf(power, df)) * se

    def missing_power(effect):
        nc = effect / se
        return stats.nct.sf(crit, df, nc) + stats.nct.cdf(-crit, df, nc) - power

    try:
        exact = optimize.brentq(missing_power, 1e-9 * se, 3 * approximate, xtol=1e-12 * se)
    except ValueError:
        exact = None
    return approximate, exact


def variance_components():
    """Balanced designs of k bases × n seeds: REML estimates of the between-base and within-base variances."""
    import pandas as pd
    import statsmodels.formula.api as smf

    rng = np.random.default_rng(2026)
    cases = []
    for k, n, base_sd, seed_sd in [(3, 3, 4.0, 1.0), (2, 4, 6.0, 1.0), (4, 2, 3.0, 1.5), (5, 4, 2.0, 1.0)]:
        groups = (rng.normal(50, base_sd, (k, 1)) + rng.normal(0, seed_sd, (k, n))).round(3)
        frame = pd.DataFrame({"y": groups.ravel(), "base": np.repeat(np.arange(k), n)})
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")      # statsmodels warns at the boundary case, which is kept on purpose
            fit = smf.mixedlm("y ~ 1", frame, groups=frame["base"]).fit(reml=True)
        bases = float(fit.cov_re.iloc[0, 0])
        # At the boundary (the ANOVA between-base estimate is negative) REML sets the base variance to 0 and re-estimates
        # the seeds' from all deviations, so only the base variance (0) is comparable there.
        cases.append({"groups": groups.tolist(), "bases": bases, "seeds": float(fit.scale), "boundary": bases < 1e-3})
    return cases


def main():
    rng = np.random.default_rng(20261203)
    cdf = [{"t": t, "df": df, "cdf": stats.t.cdf(t, df)}
           for df in [1, 2, 3, 5, 8, 29, 120] for t in [-7.5, -2.0, -0.3, 0.0, 0.4, 1.7, 3.2, 12.0]]
    ppf = [{"p": p, "df": df, "quantile": stats.t.ppf(p, df)}
           for df in [1, 2, 3, 4, 8, 29, 120] for p in [0.001, 0.025, 0.2, 0.5, 0.8, 0.9, 0.975, 0.995]]
    paired = []
    for n, shift, spread in [(2, 1.5, 1.0), (3, 0.4, 1.0), (3, -2.0, 0.5), (6, 0.1, 2.0), (9, 3.0, 4.0), (30, -0.2, 1.0)]:
        a = rng.normal(10, 3, n)
        b = a - rng.normal(shift, spread, n)
        d = a - b
        low, high = stats.t.interval(0.95, n - 1, loc=d.mean(), scale=stats.sem(d))
        paired.append({
            "a": a.tolist(), "b": b.tolist(),
            "mean": d.mean(), "sd": d.std(ddof=1),
            "lower": low, "upper": high,
            "p_two_sided": stats.ttest_rel(a, b).pvalue,
            "p_greater": stats.ttest_rel(a, b, alternative="greater").pvalue,
            "detectable": detectable_effect(d.std(ddof=1), n)[0],
            "detectable_exact_noncentral_t": detectable_effect(d.std(ddof=1), n)[1],
        })
    improvement = []
    for n, m, shift in [(3, 3, 0.5), (5, 4, -1.0), (9, 9, 0.0), (4, 6, 2.0)]:
        x = np.round(rng.normal(shift, 1, n), 1)       # rounded: ties occur and count one half
        y = np.round(rng.normal(0, 1, m), 1)
        u = stats.mannwhitneyu(x, y, alternative="two-sided").statistic
        improvement.append({"x": x.tolist(), "y": y.tolist(), "probability": u / (n * m)})
    holm_cases = [
        [0.01, 0.04, 0.03, 0.005],
        [0.2, 0.001, 0.5, 0.04, 0.04, 0.3],
        [0.6],
        [0.011, 0.012, 0.013],
    ]
    out = {
        "generator": f"scripts/make_statistics_vectors.py with scipy {version('scipy')}, numpy {version('numpy')}, "
                     f"statsmodels {version('statsmodels')}",
        "t_cdf": cdf, "t_quantile": ppf, "paired": paired, "improvement": improvement,
        "holm": [{"p": p, "adjusted": holm(p)} for p in holm_cases],
        "variance_components": variance_components(),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()

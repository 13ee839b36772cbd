"""thresholds: the regression gate. Floors (and latency ceilings) from a TOML file, checked against a run.

```toml
[overall]            # over the whole dataset
pass_rate = 0.6      # a floor: the score must be >= this
latency_p95_ms = 8000  # latency_* are ceilings: the value must be <= this
[by_type.numeric]    # optional, per item type (same for [by_lang.zh])
numeric_exact = 0.8
```
A metric that has nothing to measure in this run (None, e.g. no refusals expected) is not a breach.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from assistant.evaluation.runner import METRICS, RunResult, Scores

Thresholds = dict[str, Any]  # {"overall": {metric: floor}, "by_type": {type: {...}}, "by_lang": {lang: {...}}}


class ThresholdError(ValueError):
    """The thresholds file is missing, not TOML, or names a metric that does not exist."""


def _validate_block(block: Any, where: str) -> dict[str, float]:
    if not isinstance(block, dict):
        raise ThresholdError(f"{where}: expected a table of metric = number")
    out: dict[str, float] = {}
    for k, v in block.items():
        if k not in METRICS:
            raise ThresholdError(f"{where}: unknown metric {k!r}; known: {', '.join(METRICS)}")
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise ThresholdError(f"{where}.{k}: {v!r} is not a number")
        out[k] = float(v)
    return out


def parse_thresholds(data: dict[str, Any]) -> Thresholds:
    unknown = set(data) - {"overall", "by_type", "by_lang"}
    if unknown:
        raise ThresholdError(f"unknown table(s) {sorted(unknown)}; use overall, by_type, by_lang")
    out: Thresholds = {"overall": _validate_block(data.get("overall", {}), "overall")}
    for group in ("by_type", "by_lang"):
        tables = data.get(group, {})
        if not isinstance(tables, dict):
            raise ThresholdError(f"{group}: expected tables like [{group}.NAME]")
        out[group] = {name: _validate_block(b, f"{group}.{name}") for name, b in tables.items()}
    return out


def load_thresholds(path: Path | str) -> Thresholds:
    try:
        return parse_thresholds(tomllib.loads(Path(path).read_text(encoding="utf-8")))
    except OSError as e:
        raise ThresholdError(f"{path}: cannot read ({e.strerror or e})") from e
    except tomllib.TOMLDecodeError as e:
        raise ThresholdError(f"{path}: not valid TOML ({e})") from e


def _check_scores(scores: Scores, limits: dict[str, float], where: str) -> list[str]:
    breaches = []
    for metric, limit in limits.items():
        value = scores.metrics.get(metric)
        if value is None:
            continue
        if metric.startswith("latency"):
            if value > limit:
                breaches.append(f"{where} {metric} = {value:.0f} ms is above the ceiling {limit:.0f} ms")
        elif value < limit:
            breaches.append(f"{where} {metric} = {value:.3f} is below the floor {limit:.3f}")
    return breaches


def check(result: RunResult, thresholds: Thresholds | dict[str, Any]) -> list[str]:
    """Every breach as a readable line; [] when all thresholds hold."""
    t = parse_thresholds(thresholds)  # idempotent on an already parsed dict
    breaches = _check_scores(result.overall, t.get("overall", {}), "overall")
    for group in ("by_type", "by_lang"):
        scores_by = getattr(result, group)
        for name, limits in t.get(group, {}).items():
            if name in scores_by:
                breaches += _check_scores(scores_by[name], limits, f"{group[3:]} {name}")
    return breaches

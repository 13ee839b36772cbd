"""report: a run (and optionally the baseline's and a previous report) → report.json, report.md, report.html.

The HTML is self-contained: inline CSS and inline SVG charts, no scripts, fonts or links to fetch.
`compare(current, previous)` lists items that went pass→fail (regressed) and fail→pass (improved).
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from html import escape
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from assistant.evaluation.runner import HIGHER_IS_BETTER, METRICS, RunResult, Scores

CHART_METRICS = ("pass_rate", "numeric_exact", "qualifier", "keyword_recall", "citation_accuracy", "hit_at_1",
                 "hit_at_5", "mrr", "refusal_precision", "refusal_recall", "adversarial_pass")
OURS_COLOR, BASE_COLOR = "#2b6cb0", "#ed8936"


class ItemChange(BaseModel):
    id: str
    question: str
    why: list[str] = []


class Comparison(BaseModel):
    previous: str = ""
    regressed: list[ItemChange] = []
    improved: list[ItemChange] = []
    added: list[str] = []
    removed: list[str] = []
    metric_deltas: dict[str, float] = {}


def _previous_run(previous: RunResult | Path | str | dict) -> tuple[RunResult, str]:
    if isinstance(previous, RunResult):
        return previous, previous.started_at
    label = ""
    if isinstance(previous, (str, Path)):
        label = str(previous)
        previous = json.loads(Path(previous).read_text(encoding="utf-8"))
    data = previous.get("ours", previous) if isinstance(previous, dict) else previous
    return RunResult.model_validate(data), label


def compare(current: RunResult, previous: RunResult | Path | str | dict) -> Comparison:
    """Per-item pass→fail / fail→pass against a previous report.json (or RunResult). Raises on unreadable input."""
    prev, label = _previous_run(previous)
    before = {i.id: i for i in prev.items}
    now = {i.id: i for i in current.items}
    deltas = {m: round(current.overall.metrics[m] - prev.overall.metrics[m], 4)
              for m in METRICS if current.overall.metrics.get(m) is not None
              and prev.overall.metrics.get(m) is not None}
    return Comparison(
        previous=label or prev.started_at,
        regressed=[ItemChange(id=k, question=i.question, why=i.why) for k, i in now.items()
                   if k in before and before[k].passed and not i.passed],
        improved=[ItemChange(id=k, question=i.question) for k, i in now.items()
                  if k in before and not before[k].passed and i.passed],
        added=[k for k in now if k not in before], removed=[k for k in before if k not in now],
        metric_deltas=deltas,
    )


def fmt(metric: str, v: float | None) -> str:
    if v is None:
        return "—"
    if metric.startswith("latency"):
        return f"{v:.0f} ms" if v >= 100 else f"{v:.1f} ms"
    return f"{v:.3f}"


def _delta(metric: str, ours: float | None, base: float | None) -> str:
    if ours is None or base is None:
        return ""
    d = ours - base
    better = d > 0 if HIGHER_IS_BETTER[metric] else d < 0
    return f"{d:+.1f} ms" if metric.startswith("latency") else f"{d:+.3f}" + (" ▲" if better and d else "")


# ---------------------------------------------------------------- markdown


def _md_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in r) + " |" for r in rows]
    return "\n".join(lines)


def _metric_rows(ours: Scores, base: Scores | None) -> list[list[str]]:
    rows = []
    for m in METRICS:
        o = ours.metrics.get(m)
        b = base.metrics.get(m) if base else None
        rows.append([m, fmt(m, o), fmt(m, b) if base else "", _delta(m, o, b), str(ours.counts.get(m, 0))])
    return rows


def _group_rows(ours: dict[str, Scores], base: dict[str, Scores] | None, metrics: tuple[str, ...]) -> list[list[str]]:
    rows = []
    for key, s in ours.items():
        b = (base or {}).get(key)
        cells = [key, str(s.n_items)]
        for m in metrics:
            cells.append(fmt(m, s.metrics.get(m)) + (f" / {fmt(m, b.metrics.get(m))}" if b else ""))
        rows.append(cells)
    return rows


def render_markdown(ours: RunResult, baseline: RunResult | None = None, comparison: Comparison | None = None,
                    breaches: list[str] | None = None, max_failures: int = 60) -> str:
    group_metrics = ("pass_rate", "numeric_exact", "keyword_recall", "citation_accuracy", "hit_at_5")
    out = [f"# Eval report — {ours.dataset or 'dataset'}", "",
           f"{ours.overall.n_items} items ({ours.overall.n_turns} turns) scored, {len(ours.unscorable)} unscorable; "
           f"run started {ours.started_at}, took {ours.duration_s:.1f} s.", ""]
    if breaches is not None:
        out += ["## Regression gate", ""]
        out += [f"- ❌ {b}" for b in breaches] if breaches else ["All thresholds hold. ✅"]
        out.append("")
    out += ["## Overall: ours vs baseline", "",
            _md_table(["metric", "ours", "baseline" if baseline else "", "Δ", "n"],
                      _metric_rows(ours.overall, baseline.overall if baseline else None)), ""]
    cell = "ours / baseline" if baseline else "ours"
    for title, attr in (("Per type", "by_type"), ("Per language", "by_lang")):
        out += [f"## {title} ({cell})", "",
                _md_table([attr[3:], "items", *group_metrics],
                          _group_rows(getattr(ours, attr), getattr(baseline, attr) if baseline else None,
                                      group_metrics)), ""]
    if comparison:
        out += [f"## Against {comparison.previous}", "",
                f"{len(comparison.regressed)} regressed, {len(comparison.improved)} improved, "
                f"{len(comparison.added)} new, {len(comparison.removed)} removed.", ""]
        out += [f"- ⬇ regressed `{c.id}` {c.question} — {'; '.join(c.why)}" for c in comparison.regressed]
        out += [f"- ⬆ improved `{c.id}` {c.question}" for c in comparison.improved]
        out.append("")
    if ours.unscorable:
        out += ["## Unscorable", ""]
        out += [f"- line {u.line} `{u.id}`: {u.reason}" for u in ours.unscorable]
        out.append("")
    failures = [i for i in ours.items if not i.passed]
    out += [f"## Failures ({len(failures)})", ""]
    out.append(_md_table(["id", "type", "question", "answer", "why"],
                         [[i.id, i.type, i.question, i.answer[:160], "; ".join(i.why)]
                          for i in failures[:max_failures]]))
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- html + svg


def svg_bars(groups: list[str], series: list[tuple[str, str, list[float | None]]], title: str,
             width: int = 760, height: int = 260) -> str:
    """Grouped vertical bars for values in [0, 1]; series = (name, colour, values per group)."""
    left, bottom, top = 40, 70, 30
    plot_h = height - bottom - top
    gw = (width - left - 10) / max(len(groups), 1)
    bw = gw * 0.8 / max(len(series), 1)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
             f'aria-label="{escape(title)}"><text x="{left}" y="18" font-size="14" font-weight="bold">'
             f'{escape(title)}</text>']
    for tick in (0, 0.5, 1):
        y = top + plot_h * (1 - tick)
        parts.append(f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
                     f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="10" text-anchor="end">{tick:g}</text>')
    for gi, g in enumerate(groups):
        x0 = left + gi * gw + gw * 0.1
        for si, (name, colour, vals) in enumerate(series):
            v = vals[gi]
            h = plot_h * max(0.0, min(1.0, v or 0.0))
            x = x0 + si * bw
            parts.append(f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{bw - 1:.1f}" height="{h:.1f}" '
                         f'fill="{colour}"><title>{escape(name)} {escape(g)}: {fmt("", v)}</title></rect>')
        parts.append(f'<text x="{x0 + gw * 0.4:.1f}" y="{top + plot_h + 14}" font-size="10" text-anchor="end" '
                     f'transform="rotate(-35 {x0 + gw * 0.4:.1f} {top + plot_h + 14})">{escape(g)}</text>')
    for si, (name, colour, _) in enumerate(series):
        x = width - 180 + si * 90
        parts.append(f'<rect x="{x}" y="8" width="10" height="10" fill="{colour}"/>'
                     f'<text x="{x + 14}" y="17" font-size="11">{escape(name)}</text>')
    return "".join(parts) + "</svg>"


def svg_histogram(series: list[tuple[str, str, list[float]]], title: str, bins: int = 20,
                  width: int = 760, height: int = 220) -> str:
    """Latency histogram (ms), one translucent layer per series, shared bins."""
    left, bottom, top = 40, 34, 30
    allv = [v for _, _, vs in series for v in vs]
    hi = max(allv) if allv else 1.0
    step = (hi or 1.0) / bins
    hists = [[0] * bins for _ in series]
    for h, (_, _, vs) in zip(hists, series):
        for v in vs:
            h[min(bins - 1, int(v / step))] += 1
    peak = max((c for h in hists for c in h), default=1) or 1
    plot_h, bw = height - bottom - top, (width - left - 10) / bins
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
             f'aria-label="{escape(title)}"><text x="{left}" y="18" font-size="14" font-weight="bold">'
             f'{escape(title)}</text>']
    for h, (name, colour, _) in zip(hists, series):
        for b, c in enumerate(h):
            hh = plot_h * c / peak
            parts.append(f'<rect x="{left + b * bw:.1f}" y="{top + plot_h - hh:.1f}" width="{bw - 1:.1f}" '
                         f'height="{hh:.1f}" fill="{colour}" fill-opacity="0.6"><title>{escape(name)} '
                         f'{b * step:.0f}–{(b + 1) * step:.0f} ms: {c}</title></rect>')
    for b in range(0, bins + 1, max(1, bins // 5)):
        parts.append(f'<text x="{left + b * bw:.1f}" y="{height - 16}" font-size="10" text-anchor="middle">'
                     f'{b * step:.0f}</text>')
    parts.append(f'<text x="{width - 10}" y="{height - 2}" font-size="10" text-anchor="end">ms per ask</text>')
    for si, (name, colour, _) in enumerate(series):
        x = width - 180 + si * 90
        parts.append(f'<rect x="{x}" y="8" width="10" height="10" fill="{colour}"/>'
                     f'<text x="{x + 14}" y="17" font-size="11">{escape(name)}</text>')
    return "".join(parts) + "</svg>"


def _html_table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render_html(ours: RunResult, baseline: RunResult | None = None, comparison: Comparison | None = None,
                breaches: list[str] | None = None) -> str:
    series_of = [("ours", OURS_COLOR, ours)] + ([("baseline", BASE_COLOR, baseline)] if baseline else [])
    types = list(ours.by_type)
    type_chart = svg_bars(types, [(n, c, [r.by_type[t].metrics.get("pass_rate") if t in r.by_type else None
                                          for t in types]) for n, c, r in series_of], "Pass rate per type")
    metric_chart = svg_bars(list(CHART_METRICS), [(n, c, [r.overall.metrics.get(m) for m in CHART_METRICS])
                                                  for n, c, r in series_of], "Scores overall")
    lat_chart = svg_histogram([(n, c, [t.latency_ms for i in r.items for t in i.turns if not t.error])
                               for n, c, r in series_of], "Latency per ask")
    gate = ""
    if breaches is not None:
        gate = ("<p class=ok>All thresholds hold.</p>" if not breaches else
                "<ul class=bad>" + "".join(f"<li>{escape(b)}</li>" for b in breaches) + "</ul>")
    overall = _html_table(["metric", "ours", "baseline", "Δ", "n"],
                          _metric_rows(ours.overall, baseline.overall if baseline else None))
    changes = ""
    if comparison:
        rows = [["regressed", c.id, c.question, "; ".join(c.why)] for c in comparison.regressed]
        rows += [["improved", c.id, c.question, ""] for c in comparison.improved]
        changes = f"<h2>Against {escape(comparison.previous)}</h2>" + _html_table(["change", "id", "question", "why"], rows)
    failures = [[i.id, i.type, i.lang, i.question, i.answer, json.dumps(i.expected, ensure_ascii=False),
                 "; ".join(i.why)] for i in ours.items if not i.passed]
    unscorable = _html_table(["line", "id", "reason"], [[str(u.line), u.id, u.reason] for u in ours.unscorable])
    style = ("body{font-family:sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse;margin:1em 0}"
             "td,th{border:1px solid #ccc;padding:4px 8px;font-size:13px;vertical-align:top;text-align:left}"
             "th{background:#f4f4f4}.ok{color:#276749}.bad{color:#c53030}svg{display:block;margin:1em 0}")
    return (f"<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Eval report</title>"
            f"<style>{style}</style></head><body><h1>Eval report</h1>"
            f"<p>{escape(ours.dataset)}: {ours.overall.n_items} items, {len(ours.unscorable)} unscorable, "
            f"started {escape(ours.started_at)}.</p>{gate}<h2>Overall</h2>{overall}{metric_chart}{type_chart}"
            f"{lat_chart}{changes}<h2>Failures ({len(failures)})</h2>"
            f"{_html_table(['id', 'type', 'lang', 'question', 'answer', 'expected', 'why'], failures)}"
            f"<h2>Unscorable ({len(ours.unscorable)})</h2>{unscorable}</body></html>")


def write_report(out_dir: Path | str, ours: RunResult, baseline: RunResult | None = None,
                 comparison: Comparison | None = None, breaches: list[str] | None = None) -> dict[str, Path]:
    """Write report.json, report.md and report.html into `out_dir`; returns their paths by kind."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    payload: dict[str, Any] = {
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "ours": ours.model_dump(mode="json"),
        "baseline": baseline.model_dump(mode="json") if baseline else None,
        "comparison": comparison.model_dump(mode="json") if comparison else None,
        "breaches": breaches,
        "unscorable_reasons": ours.unscorable_reasons(),
    }
    paths = {"json": out / "report.json", "md": out / "report.md", "html": out / "report.html"}
    paths["json"].write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    paths["md"].write_text(render_markdown(ours, baseline, comparison, breaches), encoding="utf-8")
    paths["html"].write_text(render_html(ours, baseline, comparison, breaches), encoding="utf-8")
    return paths

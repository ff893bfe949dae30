"""Pictures of the analysis results as PNG or SVG files (matplotlib, the ``plot`` extra).

Kept apart from the analysis so that DataFrames never need matplotlib; the command line's
``--plot FILE`` calls these.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from .filters import QUAD_NAMES

FORMATS = (".png", ".svg")
QUAD_COLOURS = ("#7fb3d5", "#1f618d", "#f5b041", "#c0392b")


class PlotError(ValueError):
    """The picture cannot be drawn; the message says what to do."""


def _pyplot():
    try:
        import matplotlib
    except ImportError:
        raise PlotError("--plot needs matplotlib: pip install 'eventwire[plot]'") from None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def check_path(path: str | Path) -> Path:
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise PlotError(f"{path.name}: the picture is written as .png or .svg; name the file so")
    return path


def dyad_chart(frame: pd.DataFrame, path: str | Path, title: str) -> Path:
    """Stacked bars of events per quad class, and the summed score as a line."""
    path = check_path(path)
    plt = _pyplot()
    figure, axis = plt.subplots(figsize=(10, 4.5))
    if not frame.empty:
        x = range(len(frame))
        bottom = [0] * len(frame)
        labels = ["verbal coop.", "material coop.", "verbal conflict", "material conflict"]
        for name, colour, label in zip(QUAD_NAMES, QUAD_COLOURS, labels):
            axis.bar(x, frame[name], bottom=bottom, color=colour, label=label)
            bottom = [b + v for b, v in zip(bottom, frame[name])]
        axis.set_xticks(list(x), _ticks(frame["period"]), rotation=45, ha="right", fontsize=8)
        score = axis.twinx()
        score.plot(list(x), frame["score"], color="black", marker="o", label="summed score")
        score.axhline(0, color="grey", linewidth=0.5)
        score.set_ylabel("summed score")
        axis.legend(loc="upper left", fontsize=8)
    axis.set_ylabel("events")
    axis.set_title(title)
    return _save(plt, figure, path)


def balance_chart(frame: pd.DataFrame, path: str | Path, title: str, b: str, c: str) -> Path:
    """The actor's score with b and with c per period, and their difference as bars."""
    path = check_path(path)
    plt = _pyplot()
    figure, axis = plt.subplots(figsize=(10, 4.5))
    if not frame.empty:
        x = list(range(len(frame)))
        colours = ["#1e8449" if v >= 0 else "#922b21" for v in frame["balance"]]
        axis.bar(x, frame["balance"], color=colours, alpha=0.35, label=f"balance ({b} - {c})")
        axis.plot(x, frame["score_b"], color="#1f618d", marker="o", label=f"score with {b}")
        axis.plot(x, frame["score_c"], color="#d35400", marker="s", label=f"score with {c}")
        axis.set_xticks(x, _ticks(frame["period"]), rotation=45, ha="right", fontsize=8)
        axis.legend(loc="upper left", fontsize=8)
    axis.axhline(0, color="grey", linewidth=0.5)
    axis.set_ylabel("summed score")
    axis.set_title(title)
    return _save(plt, figure, path)


def network_chart(nodes: pd.DataFrame, edges: pd.DataFrame, path: str | Path, title: str) -> Path:
    """Countries on a circle, busiest first; edges green (cooperative) to red (conflictual)."""
    path = check_path(path)
    plt = _pyplot()
    figure, axis = plt.subplots(figsize=(8, 8))
    place = {}
    for i, node in enumerate(nodes["id"]):
        angle = 2 * math.pi * i / max(len(nodes), 1)
        place[node] = (math.cos(angle), math.sin(angle))
    biggest = max(edges["events"].max(), 1) if not edges.empty else 1
    for edge in edges.itertuples():
        (x0, y0), (x1, y1) = place[edge.source], place[edge.target]
        colour = "#1e8449" if edge.mean_score > 0 else "#922b21" if edge.mean_score < 0 else "grey"
        axis.annotate("", xy=(x1, y1), xytext=(x0, y0),
                      arrowprops={"arrowstyle": "->", "color": colour, "alpha": 0.7,
                                  "linewidth": 0.5 + 3 * edge.events / biggest})
    most = max(nodes["events"].max(), 1) if not nodes.empty else 1
    for node in nodes.itertuples():
        x, y = place[node.id]
        axis.scatter([x], [y], s=80 + 600 * node.events / most, color="#5d6d7e", zorder=3)
        axis.text(x * 1.12, y * 1.12, node.id, ha="center", va="center", fontsize=9)
    axis.set_xlim(-1.3, 1.3)
    axis.set_ylim(-1.3, 1.3)
    axis.set_axis_off()
    axis.set_title(title)
    return _save(plt, figure, path)


def _ticks(periods: pd.Series) -> list[str]:
    return [pd.Timestamp(p).date().isoformat() for p in periods]


def _save(plt, figure, path: Path) -> Path:
    figure.tight_layout()
    figure.savefig(path, format=path.suffix.lower().lstrip("."))
    plt.close(figure)
    return path

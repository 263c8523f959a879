"""The scale benchmark's table (Markdown) and memory plot (PNG, drawn with PIL: matplotlib is not installed here)."""
import math

from PIL import Image, ImageDraw, ImageFont

COMMANDS = [
    ("numpy_loadtxt", "NumPy loadtxt (20 numeric columns)", (120, 120, 120)),
    ("cli_ingest", "nntrainer ingest only (read + featurise to float32)", (148, 103, 189)),
    ("train_memory", "nntrainer train, in memory, 2 epochs", (214, 39, 40)),
    ("train_streaming", "nntrainer train --streaming, 2 epochs", (31, 119, 180)),
    ("predict", "nntrainer predict", (44, 160, 44)),
    ("evaluate", "nntrainer evaluate", (23, 190, 207)),
    ("sklearn_partial_fit", "scikit-learn MLPClassifier.partial_fit, 2 epochs", (255, 127, 14)),
]


def measured(row):
    return row is not None and "peak_mb" in row


def note(key, row):
    if row is None:
        return "not run"
    if "not_run" in row:
        return "not run: " + row["not_run"]
    if "failed" in row:
        return "failed: " + row["failed"]
    if key == "sklearn_partial_fit" and row.get("capped"):
        return f"stopped by the {row['cap_cpu_s']:.0f} CPU s cap after {row['rows_trained']:,} rows ({row['epochs_finished']} epochs done)"
    return ""


def write_table(results, path):
    lines = ["| Rows | File MB | Command | Wall s | CPU s | Peak MB | Accuracy (held-out 100k) | Note |",
             "|---:|---:|:---|---:|---:|---:|---:|:---|"]
    for e in results:
        for key, label, _ in COMMANDS:
            row = e.get(key)
            ok = measured(row)
            acc = row.get("holdout_accuracy") if ok else None
            cells = [f"{e['rows']:,}", str(e["file_mb"]), label,
                     f"{row['wall_s']:.1f}" if ok else "—", f"{row['cpu_s']:.1f}" if ok else "—",
                     f"{row['peak_mb']:,}" if ok else "—", f"{acc:.4f}" if acc is not None else "", note(key, row)]
            lines.append("| " + " | ".join(cells) + " |")
    for e in results:
        ingest, numpy = e.get("cli_ingest"), e.get("numpy_loadtxt")
        if measured(ingest) and measured(numpy) and ingest.get("stages"):
            read = ingest["stages"][0]["cpu_s"]
            lines.append("")
            lines.append(f"Ingest at {e['rows']:,} rows, CPU s against NumPy loadtxt's {numpy['cpu_s']:.2f}: the whole ingest process "
                         f"{ingest['cpu_s']:.2f} ({ingest['cpu_s'] / numpy['cpu_s']:.1f}×); inside it, reading with type inference into "
                         f"typed columns {read:.2f} ({read / numpy['cpu_s']:.1f}×), " +
                         ", ".join(f"{st['stage']} {st['cpu_s']:.2f}" for st in ingest["stages"][1:]) + ".")
    loads = ", ".join(f"{e['rows']:,}: {min(e['load_average']):.0f}–{max(e['load_average']):.0f}" for e in results)
    lines.append("")
    lines.append(f"Load average (1 min) at the start and end of each size: {loads}.")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def font(size):
    try:
        return ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", size)
    except OSError:
        return ImageFont.load_default()


def plot(results, path, width=1000, height=620):
    series = []
    for key, label, color in COMMANDS:
        points = [(e["rows"], e[key]["peak_mb"]) for e in results if measured(e.get(key))]
        if points:
            series.append((label, color, points))
    if not series:
        return
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    small, normal = font(13), font(15)
    left, right, top, bottom = 80, width - 30, 50, height - 230
    rows = [r for _, _, p in series for r, _ in p]
    x_lo, x_hi = math.log10(min(rows)) - 0.15, math.log10(max(rows)) + 0.15
    y_hi = max(m for _, _, p in series for _, m in p)
    step = next(s for s in [50, 100, 200, 250, 500, 1000, 2000, 5000] if y_hi / s <= 8)
    y_top = step * math.ceil(y_hi * 1.05 / step)

    def xy(r, m):
        return (left + (math.log10(r) - x_lo) / (x_hi - x_lo) * (right - left), bottom - m / y_top * (bottom - top))

    draw.text((left, 15), "Peak memory (RSS) against rows: 20 numeric + 1 text column, binary label", fill="black", font=normal)
    for m in range(0, y_top + 1, step):
        y = xy(1, m)[1]
        draw.line([(left, y), (right, y)], fill=(230, 230, 230))
        draw.text((left - 8, y), f"{m:,}", fill="black", font=small, anchor="rm")
    for exponent in range(math.ceil(x_lo), math.floor(x_hi) + 1):
        x = xy(10 ** exponent, 0)[0]
        draw.line([(x, top), (x, bottom)], fill=(230, 230, 230))
        draw.text((x, bottom + 8), f"{10 ** exponent:,}", fill="black", font=small, anchor="mt")
    draw.rectangle([left, top, right, bottom], outline="black")
    draw.text(((left + right) / 2, bottom + 28), "rows (log scale)", fill="black", font=small, anchor="mt")
    draw.text((15, (top + bottom) / 2), "MB", fill="black", font=small, anchor="lm")
    for label, color, points in series:
        xys = [xy(r, m) for r, m in points]
        if len(xys) > 1:
            draw.line(xys, fill=color, width=3)
        for x, y in xys:
            draw.ellipse([x - 5, y - 5, x + 5, y + 5], fill=color)
    for i, (label, color, points) in enumerate(series):
        y = bottom + 60 + i * 22
        draw.line([(left, y), (left + 30, y)], fill=color, width=3)
        values = ", ".join(f"{m:,}" for _, m in points)
        draw.text((left + 40, y), f"{label}: {values} MB", fill="black", font=small, anchor="lm")
    image.save(path)

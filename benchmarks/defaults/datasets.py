"""The defaults benchmark's datasets: every one offline, seeded, written as CSV with fixed split indices.

Each dataset becomes DATA/<name>/ with
  data.csv              every row (header; a label column named `y`; blanks for missing values)
  split<k>.train.csv    the training rows of split k (k = 0..splits-1), in file order
  split<k>.test.csv     the held-out rows of split k
  meta.json             task, label, numeric and categorical columns, classes, and the test row indices of every split
Splits hold out 20 % of the rows, stratified by class for classification, with seed k.
"""
import gzip
import json
import os

import numpy as np
from sklearn import datasets as skd
from sklearn.model_selection import StratifiedShuffleSplit, ShuffleSplit

FASHION_DIR = os.environ.get("FASHION_MNIST_DIR", "/usr/share/datasets/fashion-mnist")


def _frame(x, names=None):
    names = names or [f"x{i}" for i in range(x.shape[1])]
    return {n: x[:, i].astype(float) for i, n in enumerate(names)}, list(names), []


def _classes(y, names=None):
    y = np.asarray(y)
    return np.array([str(names[v]) if names is not None else f"c{v}" for v in y], dtype=object)


def bundled(name):
    if name == "linnerud":
        d = skd.load_linnerud()
        cols, num, cat = _frame(d.data, list(d.feature_names))
        return cols, num, cat, d.target[:, 0].astype(float), "regression"  # Weight, the first target
    loader = {"iris": skd.load_iris, "wine": skd.load_wine, "breast_cancer": skd.load_breast_cancer,
              "digits": skd.load_digits, "diabetes": skd.load_diabetes}[name]
    d = loader()
    names = [n.replace(" ", "_").replace("(", "").replace(")", "") for n in d.feature_names] if hasattr(d, "feature_names") and name != "digits" else None
    cols, num, cat = _frame(d.data, names)
    if name == "diabetes":
        return cols, num, cat, d.target.astype(float), "regression"
    target_names = list(d.target_names) if name in ("iris", "wine", "breast_cancer") else None
    y = _classes(d.target, target_names)
    return cols, num, cat, y, "binary" if len(set(y)) == 2 else "multiclass"


def generated(name):
    if name == "classification3":
        # 20 columns: 6 informative, 4 redundant (linear mixes), 10 noise; 3 classes, 2 % of labels flipped.
        x, y = skd.make_classification(n_samples=3000, n_features=20, n_informative=6, n_redundant=4, n_repeated=0,
                                       n_classes=3, n_clusters_per_class=2, flip_y=0.02, random_state=12)
        cols, num, cat = _frame(x)
        return cols, num, cat, _classes(y), "multiclass"
    if name == "classification2":
        x, y = skd.make_classification(n_samples=5000, n_features=30, n_informative=8, n_redundant=6, n_repeated=2,
                                       n_classes=2, n_clusters_per_class=3, flip_y=0.03, class_sep=0.8, random_state=13)
        cols, num, cat = _frame(x)
        return cols, num, cat, _classes(y), "binary"
    if name == "moons":
        x, y = skd.make_moons(n_samples=1000, noise=0.3, random_state=14)
        cols, num, cat = _frame(x)
        return cols, num, cat, _classes(y), "binary"
    if name == "circles":
        x, y = skd.make_circles(n_samples=1000, noise=0.1, factor=0.5, random_state=15)
        cols, num, cat = _frame(x)
        return cols, num, cat, _classes(y), "binary"
    if name == "friedman1":
        x, y = skd.make_friedman1(n_samples=2000, n_features=10, noise=1.0, random_state=16)
    elif name == "friedman2":
        x, y = skd.make_friedman2(n_samples=2000, noise=30.0, random_state=17)
    else:
        x, y = skd.make_friedman3(n_samples=2000, noise=0.1, random_state=18)
    cols, num, cat = _frame(x)
    return cols, num, cat, y.astype(float), "regression"


def fashion(rows):
    def read(kind, offset):
        with gzip.open(os.path.join(FASHION_DIR, f"train-{kind}-idx{3 if kind == 'images' else 1}-ubyte.gz")) as f:
            return np.frombuffer(f.read(), np.uint8, offset=offset)
    images = read("images", 16).reshape(-1, 784)
    labels = read("labels", 8)
    pick = np.random.RandomState(19).permutation(len(labels))[:rows]
    cols, num, cat = _frame(images[pick].astype(float), [f"p{i}" for i in range(784)])
    return cols, num, cat, _classes(labels[pick]), "multiclass"


def car_mileage():
    """A car-mileage-like table (398 rows): mpg from cylinders, displacement, horsepower (6 blanks), weight,
    acceleration, model year and a text origin, the way the classic auto-mpg table behaves."""
    r = np.random.RandomState(20)
    n = 398
    origin = r.choice(["usa", "europe", "japan"], n, p=[0.62, 0.18, 0.20])
    cyl = np.where(origin == "usa", r.choice([4, 6, 8], n, p=[0.35, 0.3, 0.35]), r.choice([3, 4, 5, 6], n, p=[0.03, 0.85, 0.04, 0.08]))
    disp = cyl * r.normal(40, 6, n) + r.normal(0, 10, n)
    hp = 0.45 * disp + r.normal(25, 12, n)
    weight = 9.5 * disp + r.normal(1300, 250, n)
    accel = 22 - 0.045 * hp + r.normal(0, 1.6, n)
    year = r.randint(70, 83, n)
    mpg = 62 - 0.0068 * weight - 0.05 * hp + 0.75 * (year - 70) + np.where(origin == "japan", 1.5, np.where(origin == "europe", 1.0, 0)) \
        + 0.000002 * (weight - 2900) ** 2 + r.normal(0, 2.6, n)
    mpg = np.clip(mpg, 9, 47)
    hp_missing = hp.copy()
    hp_missing[r.choice(n, 6, replace=False)] = np.nan
    cols = {"cylinders": cyl.astype(float), "displacement": np.round(disp, 1), "horsepower": np.round(hp_missing),
            "weight": np.round(weight), "acceleration": np.round(accel, 1), "model_year": year.astype(float), "origin": origin.astype(object)}
    return cols, ["cylinders", "displacement", "horsepower", "weight", "acceleration", "model_year"], ["origin"], np.round(mpg, 1), "regression"


def weather():
    """A weather-like table (1461 days, 4 years): the day's weather (5 classes: drizzle, fog, rain, snow, sun) from
    precipitation, max/min temperature, wind (3 % blanks) and a text season; classes overlap like real records."""
    r = np.random.RandomState(21)
    n = 1461
    day = np.arange(n) % 365
    season = np.array(["winter", "spring", "summer", "autumn"], dtype=object)[((day + 10) // 91.5).astype(int) % 4]
    t_max = 16 - 9 * np.cos(2 * np.pi * day / 365) + r.normal(0, 4, n)
    t_min = t_max - np.abs(r.normal(8, 3, n))
    wind = np.abs(r.normal(3.2, 1.4, n))
    wet = r.rand(n) < 0.45 - 0.2 * np.sin(2 * np.pi * (day - 90) / 365)
    precip = np.where(wet, r.gamma(1.2, 6, n), 0.0)
    fog = (~wet) & (r.rand(n) < 0.12 + 0.08 * (wind < 2))
    weather_ = np.where(wet & (t_max < 3) & (r.rand(n) < 0.8), "snow",
               np.where(wet & (precip < 2.5) & (r.rand(n) < 0.55), "drizzle",
               np.where(wet, "rain", np.where(fog, "fog", "sun"))))
    # Records are imperfect: 12 % of days carry a neighbouring class.
    noisy = r.rand(n) < 0.12
    weather_ = np.where(noisy, r.choice(["drizzle", "fog", "rain", "sun"], n), weather_)
    wind_missing = np.round(wind, 1)
    wind_missing[r.rand(n) < 0.03] = np.nan
    cols = {"precipitation": np.round(precip, 1), "temp_max": np.round(t_max, 1), "temp_min": np.round(t_min, 1),
            "wind": wind_missing, "season": season}
    return cols, ["precipitation", "temp_max", "temp_min", "wind"], ["season"], weather_.astype(object), "multiclass"


# name → (builder, argument); the order of the report.
DATASETS = {
    "iris": (bundled, "iris"), "wine": (bundled, "wine"), "breast_cancer": (bundled, "breast_cancer"),
    "digits": (bundled, "digits"), "diabetes": (bundled, "diabetes"), "linnerud": (bundled, "linnerud"),
    "classification3": (generated, "classification3"), "classification2": (generated, "classification2"),
    "moons": (generated, "moons"), "circles": (generated, "circles"),
    "friedman1": (generated, "friedman1"), "friedman2": (generated, "friedman2"), "friedman3": (generated, "friedman3"),
    "car_mileage": (lambda _: car_mileage(), None), "weather": (lambda _: weather(), None),
    "fmnist_1k": (fashion, 1000), "fmnist_10k": (fashion, 10000), "fmnist_60k": (fashion, 60000),
}


def build(name):
    builder, arg = DATASETS[name]
    return builder(arg)


def splits(y, task, count):
    make = StratifiedShuffleSplit if task != "regression" else ShuffleSplit
    out = []
    for k in range(count):
        train, test = next(make(n_splits=1, test_size=0.2, random_state=k).split(np.zeros(len(y)), y))
        out.append((np.sort(train), np.sort(test)))
    return out


def _cell(v):
    if isinstance(v, str):
        return v
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return ""
    return repr(float(v)) if not float(v).is_integer() else str(int(v))


def write_csv(path, columns, names, y, rows):
    with open(path, "w") as f:
        f.write(",".join(names + ["y"]) + "\n")
        data = [columns[n] for n in names]
        for i in rows:
            f.write(",".join(_cell(c[i]) for c in data) + "," + _cell(y[i]) + "\n")


def export(name, directory, count):
    columns, numeric, categorical, y, task = build(name)
    names = numeric + categorical
    out = os.path.join(directory, name)
    os.makedirs(out, exist_ok=True)
    parts = splits(y, task, count)
    meta = {"name": name, "task": task, "label": "y", "rows": int(len(y)), "numeric": numeric, "categorical": categorical,
            "classes": sorted(set(str(v) for v in y)) if task != "regression" else [],
            "splits": [p[1].tolist() for p in parts]}
    marker = os.path.join(out, "meta.json")
    if os.path.exists(marker) and json.load(open(marker)).get("splits") == meta["splits"]:
        return meta, columns, y
    write_csv(os.path.join(out, "data.csv"), columns, names, y, range(len(y)))
    for k, (train, test) in enumerate(parts):
        write_csv(os.path.join(out, f"split{k}.train.csv"), columns, names, y, train)
        write_csv(os.path.join(out, f"split{k}.test.csv"), columns, names, y, test)
    json.dump(meta, open(marker, "w"))
    return meta, columns, y

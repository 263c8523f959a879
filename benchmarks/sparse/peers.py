#!/usr/bin/python3
"""scikit-learn on the splits the sparse benchmark wrote with --dump DIR (docs/sparse.md).

    /usr/bin/python3 benchmarks/sparse/peers.py DIR [--systems logreg,mlp]

Each DIR/NAME.train.tsv / NAME.test.tsv pair (label 0/1, tab, text) is one split: TfidfVectorizer with its defaults
(word unigrams, L2-normalised rows) followed by LogisticRegression or MLPClassifier with theirs, as a scikit-learn user
would write it. Prints a line per split and system, then the means.
"""
import glob
import os
import sys
import time

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.neural_network import MLPClassifier


def read(path):
    labels, texts = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            label, _, text = line.rstrip("\n").partition("\t")
            labels.append(int(label))
            texts.append(text)
    return texts, np.array(labels)


def main():
    directory = sys.argv[1]
    systems = sys.argv[sys.argv.index("--systems") + 1].split(",") if "--systems" in sys.argv else ["logreg", "mlp"]
    models = {"logreg": lambda: LogisticRegression(), "mlp": lambda: MLPClassifier(random_state=0)}
    results = {s: [] for s in systems}
    for train_path in sorted(glob.glob(os.path.join(directory, "*.train.tsv"))):
        name = os.path.basename(train_path)[: -len(".train.tsv")]
        train_texts, train_labels = read(train_path)
        test_texts, test_labels = read(train_path.replace(".train.tsv", ".test.tsv"))
        for system in systems:
            start = time.perf_counter()
            vectorizer = TfidfVectorizer()
            model = models[system]().fit(vectorizer.fit_transform(train_texts), train_labels)
            seconds = time.perf_counter() - start
            x = vectorizer.transform(test_texts)
            accuracy = accuracy_score(test_labels, model.predict(x))
            auc = roc_auc_score(test_labels, model.predict_proba(x)[:, 1])
            results[system].append((accuracy, auc, seconds))
            print(f"{name} sklearn-{system}: accuracy {accuracy:.4f} AUC {auc:.4f} fit {seconds:.2f} s", flush=True)
    print()
    print("| system | accuracy | AUC | fit seconds |")
    print("|---|---:|---:|---:|")
    for system, rows in results.items():
        a = np.array(rows)
        print(f"| sklearn-{system} | {a[:, 0].mean():.4f} | {a[:, 1].mean():.4f} | {a[:, 2].mean():.2f} |")


if __name__ == "__main__":
    main()

"""An exbench external extractor in the shape of an LLM-based one.

An LLM asked for the entities of a text answers with their text and label,
not with character offsets. This adapter shows how such an answer goes to
exbench: each mention as {"text": ..., "label": ...} (and "value",
"modifier", "unit" for numbers), with no "start" or "end"; exbench places
it in the document by its text (the first occurrence after the previous
mention with the same text, whole words) and scores what it cannot find as
spurious.

No model runs here: the answers are canned, one JSON line per document in
the file given as the argument, as a model would have given them:

    {"doc_id": "d1", "entities": [{"text": "Ada", "type": "PERSON"}, ...]}

    exbench bench -extractor external -cmd 'python3 examples/llm/canned.py examples/llm/answers.jsonl' \\
        -name canned-llm -version 1

To use a real model, replace answer() with a call to it that returns the
same list. With -batch N, exbench sends N documents a line,
{"batch": [...]}, for a model that takes several prompts at once.
"""

import json
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return {a["doc_id"]: a["entities"] for a in map(json.loads, f)}


def answer(canned, doc):
    """The entities of doc, as the model gives them; none for a document it has no answer for."""
    return canned.get(doc["doc_id"], [])


def main():
    canned = load(sys.argv[1])
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        docs = request["batch"] if "batch" in request else [request]  # -batch N sends {"batch": [...]}
        for doc in docs:
            mentions = []
            for e in answer(canned, doc):
                m = {"text": e["text"], "label": e["type"]}
                for k in ("value", "modifier", "unit"):
                    if k in e:
                        m[k] = e[k]
                mentions.append(m)
            print(json.dumps({"doc_id": doc["doc_id"], "mentions": mentions}), flush=True)


if __name__ == "__main__":
    main()

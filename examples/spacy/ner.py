"""An exbench external extractor: a spaCy pipeline's named entities.

    exbench bench -extractor external -cmd 'python3 examples/spacy/ner.py en_core_web_sm' \
        -name spacy-sm -version 3.7 -ready -j 2 -batch 16

spaCy's English pipelines are trained on OntoNotes 5.0, whose 18 labels
exbench uses, so their labels pass as they are; for a pipeline with other
labels, add -map (for example -map conll2003). Python string offsets are
code points, as exbench's. -j N runs N copies, each loading the model;
-batch N sends N documents a line, which go through nlp.pipe together.
"""

import json
import sys

import spacy


def answer(doc_id, parsed):
    mentions = [
        {"start": e.start_char, "end": e.end_char, "label": e.label_, "text": e.text}
        for e in parsed.ents
    ]
    return json.dumps({"doc_id": doc_id, "mentions": mentions})


def main():
    model = sys.argv[1] if len(sys.argv) > 1 else "en_core_web_sm"
    nlp = spacy.load(model)
    print(json.dumps({"ready": True}), flush=True)  # loaded: -ready waits for this
    for line in sys.stdin:
        request = json.loads(line)
        docs = request["batch"] if "batch" in request else [request]  # -batch N sends {"batch": [...]}
        for doc, parsed in zip(docs, nlp.pipe(d["text"] for d in docs)):
            print(answer(doc["doc_id"], parsed), flush=True)


if __name__ == "__main__":
    main()

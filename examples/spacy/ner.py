"""An exbench external extractor: a spaCy pipeline's named entities.

    exbench bench -extractor external -cmd 'python3 examples/spacy/ner.py en_core_web_sm' \
        -name spacy-sm -version 3.7 -ready -j 2

spaCy's English pipelines are trained on OntoNotes 5.0, whose 18 labels
exbench uses, so their labels pass as they are; for a pipeline with other
labels, add -map (for example -map conll2003). Python string offsets are
code points, as exbench's. -j N runs N copies, each loading the model.
"""

import json
import sys

import spacy


def main():
    model = sys.argv[1] if len(sys.argv) > 1 else "en_core_web_sm"
    nlp = spacy.load(model)
    print(json.dumps({"ready": True}), flush=True)  # loaded: -ready waits for this
    for line in sys.stdin:
        doc = json.loads(line)
        parsed = nlp(doc["text"])
        mentions = [
            {"start": e.start_char, "end": e.end_char, "label": e.label_, "text": e.text}
            for e in parsed.ents
        ]
        print(json.dumps({"doc_id": doc["doc_id"], "mentions": mentions}), flush=True)


if __name__ == "__main__":
    main()

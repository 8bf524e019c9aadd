import json, re, sys

for line in sys.stdin:  # one document a line: {"doc_id": ..., "text": ...}
    doc = json.loads(line)
    mentions = [
        {"start": m.start(), "end": m.end(), "label": "PERSON", "text": m.group()}
        for m in re.finditer(r"\w+", doc["text"])  # Python offsets are code points
        if m.group()[0].isupper()
    ]
    print(json.dumps({"doc_id": doc["doc_id"], "mentions": mentions}), flush=True)

#!/usr/bin/env python3
"""Texts for the throughput part of bench/entity-service (stdlib only).

    make-texts.py SAMPLE CORPUS_NDJSON OUT

OUT gets records separated by a line holding only U+001E, each "title\npublishedAt\nbody":
first the project's sample article (samples/seed-article.txt, page noise removed the way the entity-service
tests do: byline, share marker, photo captions, "Agencies contributed"), then every article of CORPUS_NDJSON
(wire-length synthetic articles from bench/article-service/generate-corpus.py).
"""
import json
import sys

sample, corpus, out = sys.argv[1:4]
records = []
lines = open(sample, encoding="utf-8").read().replace("\r\n", "\n").split("\n")
paragraphs = [l.strip() for l in lines[1:] if l.strip() and not l.strip().startswith(("作者:", "分享"))
              and not l.strip().endswith("[Photo/Xinhua]") and l.strip() != "Agencies contributed to this story."]
records.append((lines[0].strip(), "2025-03-23T12:00:00Z", "\n\n".join(paragraphs)))
for line in open(corpus, encoding="utf-8"):
    a = json.loads(line)
    records.append((a["title"], a.get("publishedAt") or "", a["body"]))
with open(out, "w", encoding="utf-8") as f:
    for title, published, body in records:
        f.write(f"{title}\n{published}\n{body}\n\x1e\n")
print(len(records))

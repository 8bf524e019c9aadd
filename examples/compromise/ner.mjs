// An exbench external extractor: compromise (https://github.com/spencermountain/compromise),
// a rule-based English NLP library for JavaScript, tagging people, places
// and organisations. Run it as
//
//	exbench bench -extractor external -cmd 'node examples/compromise/ner.mjs' -name compromise -version 14.17.0
//
// JavaScript strings count UTF-16 units and exbench counts code points,
// so every offset is converted: an emoji or any character outside the
// Basic Multilingual Plane is two units and one code point.
import nlp from 'compromise'
import { createInterface } from 'node:readline'

const labels = [['people', 'PERSON'], ['places', 'GPE'], ['organizations', 'ORG']]

// codePoints maps each UTF-16 offset of text to its code-point offset.
function codePoints(text) {
  const at = new Array(text.length + 1)
  let cp = 0
  for (let i = 0; i < text.length; i++) {
    at[i] = cp
    const c = text.charCodeAt(i)
    if (c < 0xd800 || c > 0xdbff || i + 1 === text.length) cp++ // a high surrogate shares its code point with the next unit
  }
  at[text.length] = cp
  return at
}

function mentions(text) {
  const doc = nlp(text)
  const at = codePoints(text)
  const out = []
  for (const [method, label] of labels) {
    for (const m of doc[method]().json({ offset: true, terms: { offset: true } })) {
      const first = m.terms[0].offset, last = m.terms[m.terms.length - 1].offset
      let start = first.start, end = last.start + last.length
      const s = text.slice(start, end)
      if (/['’]s$/.test(s)) end -= 2 // the possessive stays out, as the guidelines say
      if (end > start) out.push({ start: at[start], end: at[end], label, text: text.slice(start, end) })
    }
  }
  return out
}

console.log(JSON.stringify({ ready: true }))
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  const doc = JSON.parse(line)
  console.log(JSON.stringify({ doc_id: doc.doc_id, mentions: mentions(doc.text) }))
}

// Pure pieces of the CLI: locating a JSON value in a raw line (so only that literal changes), JSON
// pointers, annotation, and unified diffs built from edits.
import {describe, expect, it} from 'vitest'
import {documentDiff, splitLines} from '../src/cli/diff.js'
import {annotateLine, fieldOf, locate, parsePointer, replaceAt} from '../src/cli/jsonl.js'

describe('JSON Lines editing', () => {
  it('replaces only the string at the pointer', () => {
    const line = '{"t":"}{][\\"text\\":","text" : "White Home","n":[1,{"text":"b"}],"x":1.10}'
    expect(replaceAt(line, ['text'], 'White House')).toBe('{"t":"}{][\\"text\\":","text" : "White House","n":[1,{"text":"b"}],"x":1.10}')
    expect(replaceAt(line, ['n', '1', 'text'], 'c')).toBe('{"t":"}{][\\"text\\":","text" : "White Home","n":[1,{"text":"c"}],"x":1.10}')
    expect(replaceAt(line, ['missing'], 'c')).toBe(line)
  })

  it('takes the last of duplicate keys, as JSON.parse does', () => {
    const line = '{"text":"a","text":"b"}'
    expect(fieldOf(JSON.parse(line), ['text'])).toBe('b')
    expect(replaceAt(line, ['text'], 'c')).toBe('{"text":"a","text":"c"}')
  })

  it('reads keys with escapes and RFC 6901 pointers', () => {
    expect(parsePointer('text')).toEqual(['text'])
    expect(parsePointer('/a~1b/~0c/0')).toEqual(['a/b', '~c', '0'])
    expect(locate('{"a\\u002fb":["x","y"]}', ['a/b', '1'])).toEqual([17, 20])
    expect(fieldOf({a: ['x']}, ['a', '01'])).toBeUndefined()
  })

  it('adds or replaces the annotation', () => {
    expect(annotateLine('{}', {score: 1}, false)).toBe('{"unspin":{"score":1}}')
    expect(annotateLine('{"a":1} ', {score: 1}, true)).toBe('{"a":1,"unspin":{"score":1}} ')
    expect(annotateLine('{"unspin":{"old":true},"a":1}', {score: 0}, true)).toBe('{"unspin":{"score":0},"a":1}')
  })
})

describe('unified diffs', () => {
  it('splits lines keeping terminators', () => {
    expect(splitLines('a\r\nb\n\nc')).toEqual(['a\r\n', 'b\n', '\n', 'c'])
    expect(splitLines('')).toEqual([])
  })

  it('gives each distant change its own hunk and merges near ones', () => {
    const source = Array.from({length: 30}, (_, i) => `line ${i}\n`).join('')
    const at = (n: number) => source.indexOf(`line ${n}\n`)
    const edit = (n: number) => [at(n), at(n) + 4, 'LINE'] as const
    const edits = [edit(2), edit(8), edit(25)]
    let output = source
    for (const [start, end, text] of [...edits].reverse()) output = output.slice(0, start) + text + output.slice(end)
    const diff = documentDiff('f.txt', source, output, edits)
    expect(diff.match(/^@@ .*/gm)).toEqual(['@@ -1,12 +1,12 @@', '@@ -23,7 +23,7 @@'])
  })

  it('falls back to one exact hunk when the edits do not reproduce the output', () => {
    const diff = documentDiff('f.html', 'a\nR and D\nb\n', 'a\nR&amp;D\nb\n', [[2, 9, 'R&D']])
    expect(diff).toBe('--- a/f.html\n+++ b/f.html\n@@ -1,3 +1,3 @@\n a\n-R and D\n+R&amp;D\n b\n')
  })

  it('marks a last line without a newline', () => {
    expect(documentDiff('f', 'x White Home', 'x White House', [[2, 12, 'White House']])).toBe(
      '--- a/f\n+++ b/f\n@@ -1,1 +1,1 @@\n-x White Home\n\\ No newline at end of file\n+x White House\n\\ No newline at end of file\n'
    )
  })
})

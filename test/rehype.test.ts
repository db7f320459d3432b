// HTML: analyzeHtml (edits the original source) and the rehype plugin (messages + tree edits), on spun
// news prose, against the engine's fixture glossary so results do not move with dictionaries/.
import {readFileSync} from 'node:fs'
import fc from 'fast-check'
import {rehype} from 'rehype'
import {describe, expect, it, vi} from 'vitest'
import {applyFixes} from '../src/fix/apply-fixes.js'
import {analyzeHtml} from '../src/formats/html.js'
import rehypeUnspin from '../src/unified/rehype-unspin.js'

vi.mock('../src/glossary/load.js', async () => (await import('./helpers/fixture-glossary.js')).fixtureLoadModule)

const politics = readFileSync('test/fixtures/eval/politics.spun.txt', 'utf8').split('\n')
const restored = (html: string) => analyzeHtml(html).output
const sliced = (html: string, changes: Array<{start: number; end: number}>) => changes.map((c) => html.slice(c.start, c.end))

describe('analyzeHtml', () => {
  it('repairs a scraped page and keeps every other byte', () => {
    const html = [
      '<!DOCTYPE html>',
      '<html lang="en"><head><meta charset="utf-8"><title>The White Home  |  News</title>',
      '<meta name="description" content="The White Home said this 12 months">',
      '<script>const headline = "White Home this 12 months";</script>',
      '<style>/* White Home */ p::before { content: "this 12 months" }</style></head>',
      '<body class="White Home">',
      `  <p>${politics[1]}</p>`,
      `  <p data-x="this 12 months">${politics[6]}</p>`,
      `  <blockquote><p>${politics[7]}</p></blockquote>`,
      '  <pre>White Home\n  this 12 months</pre> <code>White Home</code> <kbd>this 12 months</kbd>',
      '  <textarea>White Home</textarea><template><p>White Home</p></template>',
      '  <img alt="White Home" src="/White Home.png"> <a href="https://white.home/?q=this 12 months" title="White Home">the White Home</a>',
      '</body></html>',
      ''
    ].join('\n')
    const result = analyzeHtml(html)
    expect(sliced(html, result.changes)).toEqual(result.changes.map((c) => c.actual))
    expect(result.unfixable).toEqual([])
    expect(result.output).toBe(
      html
        .replace('<title>The White Home', '<title>The White House')
        .replace('wildfires this 12 months', 'wildfires this year')
        .replace('The White Home stated', 'The White House stated')
        .replace('tons of of hundreds', 'hundreds of thousands')
        .replace('>the White Home</a>', '>the White House</a>')
    )
    expect(result.spun).toBe(true)
  })

  it('reports changes with offsets into the HTML source', () => {
    const html = '<p class="x">A senior White Home official said this 12 months’s talks matter.</p>'
    expect(analyzeHtml(html).changes[0]).toEqual({
      start: 22,
      end: 32,
      actual: 'White Home',
      expected: 'White House',
      ruleId: 't-white-house',
      file: 'basic.yml',
      confidence: 'certain',
      note: 'house → home',
      source: 'test'
    })
    expect(analyzeHtml(html).changes.map((c) => [c.start, c.end])).toEqual([[22, 32], [47, 61]])
  })

  it('maps offsets past character references', () => {
    const html = '<p>AT&amp;T &#8212; a senior White Home official said this 12 months&#8217;s talks &mdash; &#x201C;the White Home&#x201D;.</p>'
    const result = analyzeHtml(html)
    expect(result.unfixable).toEqual([])
    expect(sliced(html, result.changes)).toEqual(['White Home', 'this 12 months', 'White Home'])
    expect(result.output).toBe(html.replaceAll('White Home', 'White House').replace('this 12 months', 'this year'))
  })

  it('reports a phrase over a character reference or split across elements, and leaves it alone', () => {
    const html = '<p>The White&nbsp;Home, the <b>White</b> Home and the White <a href="/">Home</a> said this 12 months.</p>'
    const result = analyzeHtml(html)
    expect(result.output).toBe(html.replace('this 12 months', 'this year'))
    expect(sliced(html, result.unfixable)).toEqual(['White&nbsp;Home', 'White</b> Home', 'White <a href="/">Home'])
    expect(result.unfixable.map((c) => c.expected)).toEqual(['White House', 'White House', 'White House'])
  })

  it('never matches across blocks or table cells', () => {
    const html = '<p>The White</p><p>Home</p><table><tr><td>White</td><td>Home</td></tr></table><div>White<div>Home</div></div>'
    expect(analyzeHtml(html).changes).toEqual([])
    expect(analyzeHtml(html).unfixable).toEqual([])
  })

  it('repairs list items, headings and table cells of a fragment', () => {
    const html = '<h2>White Home</h2>\n<ul><li>this 12 months</li></ul>\n<table><tr><th>White Home</th><td>this 12 months</td></tr></table>'
    expect(restored(html)).toBe(html.replaceAll('White Home', 'White House').replaceAll('this 12 months', 'this year'))
  })

  it('keeps CRLF line endings and odd markup byte for byte', () => {
    const html = '<P CLASS=lead>The White Home\r\n said <EM>this 12 months</EM>\r\n<br/>officers said<p>unclosed'
    expect(restored(html)).toBe('<P CLASS=lead>The White House\r\n said <EM>this year</EM>\r\n<br/>officials said<p>unclosed')
  })

  it('escapes markup characters in a replacement', () => {
    expect(restored('<p>The research lab thing.</p>')).toBe('<p>The R&amp;D &lt;*lab*> &amp;amp;.</p>')
  })

  it('opens the evidence gate per document', () => {
    const contextual = '<p>Officers said they would attend in Mexico.</p>'
    expect(restored(contextual)).toBe(contextual)
    expect(restored('<p>The White Home said this 12 months.</p>' + contextual)).toBe(
      '<p>The White House said this year.</p><p>Officials said they would wait in Mexico.</p>'
    )
  })
})

describe('ignore comments', () => {
  it('turn restoration off and on, for all entries or some', () => {
    const html = [
      '<p>The White Home said.</p>',
      '<!-- unspin-disable -->',
      '<p>The White Home said this 12 months.</p>',
      '<!--unspin-enable-->',
      '<!-- unspin-disable t-this-year -->',
      '<p>The White Home said this 12 months.</p>',
      '<!-- unspin-enable t-this-year -->',
      '<p>The White Home said this 12 months.</p>'
    ].join('\n')
    expect(restored(html)).toBe(
      [
        '<p>The White House said.</p>',
        '<!-- unspin-disable -->',
        '<p>The White Home said this 12 months.</p>',
        '<!--unspin-enable-->',
        '<!-- unspin-disable t-this-year -->',
        '<p>The White House said this 12 months.</p>',
        '<!-- unspin-enable t-this-year -->',
        '<p>The White House said this year.</p>'
      ].join('\n')
    )
  })
})

describe('rehypeUnspin', () => {
  it('repairs text nodes so the pipeline outputs repaired HTML, with standard messages', async () => {
    const html = '<p title="White Home">The White Home said.\nThe <em>White</em> Home said this 12 months.</p>'
    const file = await rehype().data('settings', {fragment: true}).use(rehypeUnspin).process(html)
    expect(String(file)).toBe('<p title="White Home">The White House said.\nThe <em>White</em> Home said this year.</p>')
    expect(file.messages.map(String)).toEqual([
      '1:27-1:37: Replace `White Home` with `White House`',
      '2:9-2:24: `White Home` looks spun (`White House`), but it is split across markup: not fixed',
      '2:30-2:44: Replace `this 12 months` with `this year`'
    ])
    expect(file.messages[0]).toMatchObject({
      ruleId: 't-white-house',
      source: 'unspin',
      actual: 'White Home',
      expected: ['White House'],
      fatal: false,
      place: {start: {line: 1, column: 27, offset: 26}, end: {line: 1, column: 37, offset: 36}},
      data: {confidence: 'certain', file: 'basic.yml', fixable: true}
    })
  })

  it('leaves script, style, code, pre and textarea alone', async () => {
    const html = '<script>"White Home"</script><style>/*White Home*/</style><code>White Home</code><pre>White Home</pre><textarea>White Home</textarea>'
    const file = await rehype().data('settings', {fragment: true}).use(rehypeUnspin).process(html)
    expect(file.messages).toEqual([])
    expect(String(file)).toBe(html)
  })
})

describe('properties', () => {
  const pieces = fc.oneof(
    {weight: 3, arbitrary: fc.constantFrom('White Home', 'this 12 months', 'officers', 'tons of of hundreds', 'now we have')},
    {weight: 3, arbitrary: fc.constantFrom(' ', '\n', '\r\n', '\t', '. ', '’s', '<p>', '</p>', '<em>', '</em>', '<br>', '<td>', '<li>', '<table>', '<div>')},
    {weight: 2, arbitrary: fc.constantFrom('&amp;', '&nbsp;', '&#8217;', '&#x201C;', '&amp', '&bogus;', '&#0;', '<', '>', '"', '<a title="White Home">', '</a>')},
    {weight: 1, arbitrary: fc.constantFrom('<!-- unspin-disable -->', '<!-- unspin-enable -->', '<!--', '-->', '<script>', '</script>', '<pre>', '</pre>', '<textarea>', '<template>', '<title>', '<!doctype html>')},
    {weight: 1, arbitrary: fc.string({unit: 'grapheme', maxLength: 6})}
  )
  const documents = fc.array(pieces, {maxLength: 30}).map((parts) => parts.join(''))

  it('edits only verified ranges, and the plugin’s messages apply to the same output', {timeout: 60_000}, async () => {
    await fc.assert(
      fc.asyncProperty(documents, async (html) => {
        const result = analyzeHtml(html)
        let rebuilt = ''
        let at = 0
        for (const change of result.changes) {
          expect(change.start).toBeGreaterThanOrEqual(at)
          expect(html.slice(change.start, change.end)).toBe(change.actual)
          rebuilt += html.slice(at, change.start) + change.expected
          at = change.end
        }
        expect(rebuilt + html.slice(at)).toBe(result.output)
        const file = await rehype().use(rehypeUnspin).process(html)
        expect(applyFixes(html, file.messages).output).toBe(result.output)
      }),
      {numRuns: 200}
    )
  })
})

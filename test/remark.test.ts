// Markdown: analyzeMarkdown (edits the original source) and the remark plugin (messages + tree edits),
// on spun news prose, against the engine's fixture glossary so results do not move with dictionaries/.
import {readFileSync} from 'node:fs'
import fc from 'fast-check'
import {remark} from 'remark'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import {VFile} from 'vfile'
import {describe, expect, it, vi} from 'vitest'
import {applyFixes} from '../src/fix/apply-fixes.js'
import {analyzeMarkdown} from '../src/formats/markdown.js'
import remarkUnspin from '../src/unified/remark-unspin.js'

vi.mock('../src/glossary/load.js', async () => (await import('./helpers/fixture-glossary.js')).fixtureLoadModule)

const politics = readFileSync('test/fixtures/eval/politics.spun.txt', 'utf8').split('\n')
const restored = (md: string) => analyzeMarkdown(md).output
const compact = (md: string) => analyzeMarkdown(md).changes.map((c) => `${c.start}-${c.end} ${c.actual} → ${c.expected}`)
const pipeline = async (md: string) => {
  const file = await remark().use(remarkFrontmatter).use(remarkGfm).use(remarkUnspin).process(md)
  return {output: String(file), messages: file.messages.map(String)}
}

describe('analyzeMarkdown', () => {
  it('repairs a scraped article and keeps every other byte', () => {
    const md = `# Shutdown averted\n\n${politics[1]}\n\n> ${politics[6]}\n\n* ${politics[7]}\n`
    const result = analyzeMarkdown(md)
    expect(result.output).toBe(
      md
        .replace('wildfires this 12 months', 'wildfires this year')
        .replace('The White Home', 'The White House')
        .replace('tons of of hundreds', 'hundreds of thousands')
    )
    for (const change of result.changes) expect(md.slice(change.start, change.end)).toBe(change.actual)
    expect(result.unfixable).toEqual([])
    expect(result.spun).toBe(true)
    expect(result.evidence).toMatchObject({certain: 3})
  })

  it('reports changes with offsets into the markdown source', () => {
    const md = 'Intro *emphasis* first.\n\nA senior White Home official said this 12 months’s talks matter.\n'
    expect(analyzeMarkdown(md).changes[0]).toEqual({
      start: 34,
      end: 44,
      actual: 'White Home',
      expected: 'White House',
      ruleId: 't-white-house',
      file: 'basic.yml',
      confidence: 'certain',
      note: 'house → home',
      source: 'test'
    })
    expect(compact(md)).toEqual(['34-44 White Home → White House', '59-73 this 12 months → this year'])
  })

  it('repairs headings, list items, block quotes, emphasis, link text and table cells', () => {
    const md = [
      'Setext White Home',
      '=================',
      '',
      '1. the White Home said',
      '   > quoting *this 12 months* and **the White Home**',
      '',
      '[the White Home said](https://example.com/white-home "White Home") this 12 months.',
      '',
      '| Who | When |',
      '| --- | :--: |',
      '| White Home | this 12 months |',
      ''
    ].join('\n')
    expect(restored(md)).toBe(md.replaceAll('White Home', 'White House').replaceAll('this 12 months', 'this year')
      .replace('"White House"', '"White Home"'))
  })

  it('never touches code, inline code, HTML, URLs, definitions, images or front matter', () => {
    const md = [
      '---',
      'title: White Home this 12 months',
      '---',
      '',
      'The White Home spoke `White Home` <span title="White Home">this 12 months</span>.',
      '',
      '```txt',
      'White Home this 12 months',
      '```',
      '',
      '    White Home indented code',
      '',
      '<div>',
      'White Home this 12 months',
      '</div>',
      '',
      'See <https://white.example/this-12-months>, https://www.example.com/White-Home, <kbd>White Home</kbd>,',
      '[the text](<https://example.com/White Home> "White Home") and ![White Home](<White Home.png> "this 12 months").',
      '',
      '[White Home]: <https://example.com/this 12 months> "White Home"',
      ''
    ].join('\n')
    const result = analyzeMarkdown(md)
    expect(compact(md)).toEqual(['46-56 White Home → White House', '101-115 this 12 months → this year'])
    expect(result.output).toBe(md.replace('The White Home', 'The White House').replace('">this 12 months<', '">this year<'))
  })

  it('treats +++ front matter (TOML) as off limits too', () => {
    const md = '+++\ntitle = "White Home"\n+++\n\nThe White Home.\n'
    expect(restored(md)).toBe('+++\ntitle = "White Home"\n+++\n\nThe White House.\n')
  })

  it('reports a phrase split across markup and does not fix it', () => {
    const md = 'The White *Home* said this 12 months.\n'
    const result = analyzeMarkdown(md)
    expect(result.output).toBe('The White *Home* said this year.\n')
    expect(result.unfixable.map((c) => [c.start, c.end, c.actual, md.slice(c.start, c.end)])).toEqual([
      [4, 15, 'White Home', 'White *Home']
    ])
  })

  it('never matches across blocks, table cells or inline code', () => {
    const md = 'The White\n\nHome.\n\n| White | Home |\n| - | - |\n\nWhite `x` Home and White ![i](i.png) Home.\n'
    const result = analyzeMarkdown(md)
    expect(result.changes).toEqual([])
    expect(result.unfixable).toEqual([])
  })

  it('maps offsets past character references, escapes and block quote prefixes', () => {
    const md = [
      'AT&amp;T &copy; &#8212; \\*the White Home\\* said this 12 months&#8217;s talks.',
      '',
      '> first line of the quote',
      '> and the White Home on the second,',
      '>     this 12 months on the third.',
      ''
    ].join('\n')
    const result = analyzeMarkdown(md)
    expect(result.unfixable).toEqual([])
    expect(result.changes).toHaveLength(4)
    for (const change of result.changes) expect(md.slice(change.start, change.end)).toBe(change.actual)
    expect(result.output).toBe(md.replaceAll('White Home', 'White House').replaceAll('this 12 months', 'this year'))
  })

  it('reports a phrase that spans a character reference as unfixable instead of corrupting it', () => {
    const md = 'The White&nbsp;Home and the White&#32;Home said this 12 months.\n'
    const result = analyzeMarkdown(md)
    expect(result.output).toBe('The White&nbsp;Home and the White&#32;Home said this year.\n')
    expect(result.unfixable.map((c) => md.slice(c.start, c.end))).toEqual(['White&nbsp;Home', 'White&#32;Home'])
  })

  it('keeps CRLF line endings, tabs and trailing spaces byte for byte', () => {
    const md = '* item\twith the White Home  \r\n  continued this 12 months\r\n\r\n_White Home_\t\r\n'
    expect(restored(md)).toBe('* item\twith the White House  \r\n  continued this year\r\n\r\n_White House_\t\r\n')
  })

  it('opens the evidence gate per document, not per paragraph', () => {
    const evidence = 'The White Home said this 12 months would be hard.\n\n'
    const contextual = 'Officers said they would attend in Mexico.\n'
    expect(restored(contextual)).toBe(contextual)
    expect(restored(evidence + contextual)).toBe(
      'The White House said this year would be hard.\n\nOfficials said they would wait in Mexico.\n'
    )
  })

  it('escapes markup characters in a replacement', () => {
    expect(restored('The research lab thing.\n')).toBe('The R&D \\<\\*lab\\*> \\&amp;.\n')
  })

  it('honours options: disable and the gate', () => {
    const md = 'Officers said the White Home would attend in Mexico.\n'
    expect(analyzeMarkdown(md, {disable: ['t-white-house']}).output).toBe(md)
    expect(analyzeMarkdown(md, {gate: 'open'}).output).toBe('Officials said the White House would wait in Mexico.\n')
  })
})

describe('ignore comments', () => {
  it('turn restoration off and on for the content that follows', () => {
    const md = [
      'The White Home said.',
      '<!-- unspin-disable -->',
      'The White Home said this 12 months.',
      '',
      '<!-- unspin-enable -->',
      'The White Home said this 12 months.',
      ''
    ].join('\n')
    expect(restored(md)).toBe(md.replace(/White Home said\.\n/, 'White House said.\n').replace(/(enable -->\n)The White Home said this 12 months/, '$1The White House said this year'))
  })

  it('switch single entries off and back on', () => {
    const md = [
      '<!-- unspin-disable t-white-house -->',
      '',
      'The White Home said this 12 months.',
      '',
      '<!-- unspin-enable t-white-house -->',
      '',
      'The White Home said.',
      ''
    ].join('\n')
    expect(restored(md)).toBe(md.replace('said this 12 months', 'said this year').replace('White Home said.', 'White House said.'))
  })

  it('work inline, and an id re-enabled inside a disabled region still applies', () => {
    const md = 'The White Home <!-- unspin-disable --> said this 12 months <!-- unspin-enable t-this-year --> and this 12 months, White Home.\n'
    expect(restored(md)).toBe(
      'The White House <!-- unspin-disable --> said this 12 months <!-- unspin-enable t-this-year --> and this year, White Home.\n'
    )
  })

  it('leave other comments alone', () => {
    const md = 'The White Home <!-- unspin-disabled, not a directive --> said this 12 months.\n'
    expect(restored(md)).toBe('The White House <!-- unspin-disabled, not a directive --> said this year.\n')
  })
})

describe('remarkUnspin', () => {
  it('repairs the tree so the pipeline outputs repaired markdown', async () => {
    const md = `# The White Home\n\n${politics[13]}\n\n| When |\n| --- |\n| this 12 months |\n`
    const {output} = await pipeline(md)
    expect(output).toBe(
      '# The White House\n\n' +
        politics[13]!.replace('this 12 months', 'this year') +
        '\n\n| When      |\n| --------- |\n| this year |\n'
    )
  })

  it('reports standard messages with positions into the markdown source', async () => {
    const file = await remark().use(remarkUnspin).process('Intro.\n\n> The *White* Home and the White Home.\n')
    expect(file.messages.map(String)).toEqual([
      '3:8-3:19: `White Home` looks spun (`White House`), but it is split across markup: not fixed',
      '3:28-3:38: Replace `White Home` with `White House`'
    ])
    const fixable = file.messages[1]!
    expect({...fixable, stack: undefined}).toMatchObject({
      ruleId: 't-white-house',
      source: 'unspin',
      actual: 'White Home',
      expected: ['White House'],
      note: 'house → home',
      fatal: false,
      place: {start: {line: 3, column: 28, offset: 35}, end: {line: 3, column: 38, offset: 45}},
      data: {confidence: 'certain', file: 'basic.yml', fixable: true}
    })
    expect(file.messages[0]).toMatchObject({expected: [], data: {fixable: false}})
    expect(String(file)).toBe('Intro.\n\n> The *White* Home and the White House.\n')
  })

  it('repairs a tree run without its source only where the node is a plain slice of it', async () => {
    const processor = remark().use(remarkUnspin)
    const tree = processor.parse('The White Home said this 12 months.\n\n> The White Home\n> said &amp; this 12 months.\n')
    const file = new VFile()
    expect(processor.stringify(await processor.run(tree, file))).toBe(
      'The White House said this year.\n\n> The White Home\n> said & this 12 months.\n'
    )
    expect(file.messages.map((m) => [m.actual, m.expected])).toEqual([
      ['White Home', ['White House']],
      ['this 12 months', ['this year']],
      ['White Home', []],
      ['this 12 months', []]
    ])
  })

  it('keeps front matter safe even when the parser does not know about it', async () => {
    const file = await remark().use(remarkUnspin).process('---\ntitle: The White Home\n---\n\nThe White Home.\n')
    expect(file.messages.map(String)).toEqual(['5:5-5:15: Replace `White Home` with `White House`'])
  })

  it('leaves code, inline code, HTML and URLs as they were', async () => {
    const md = 'The `White Home` and <code>White Home</code> and <https://white.home/this-12-months>.\n\n```\nWhite Home\n```\n'
    const {output, messages} = await pipeline(md)
    expect(messages).toEqual([])
    expect(output).toBe(md)
  })
})

describe('properties', () => {
  const pieces = fc.oneof(
    {weight: 3, arbitrary: fc.constantFrom('White Home', 'this 12 months', 'officers', 'tons of of hundreds', 'now we have', 'White *Home*')},
    {weight: 3, arbitrary: fc.constantFrom(' ', '\n', '\n\n', '\r\n', '\t', '    ', '. ', '’s', '> ', '- ', '1. ', '# ', '| ', ' |', '\n|---|---|\n')},
    {weight: 2, arbitrary: fc.constantFrom('*', '_', '**', '`', '```\n', '~~~', '\\', '\\*', '&amp;', '&nbsp;', '&#8217;', '&copy', '[', '](https://x.y/White Home)', '<https://x.y>')},
    {weight: 1, arbitrary: fc.constantFrom('<!-- unspin-disable -->', '<!-- unspin-enable -->', '<!-- unspin-disable t-this-year -->', '<b>', '</b>', '<code>', '</code>', '---\n', '+++\n', '[^1]', '[x]: /url "White Home"\n')},
    {weight: 1, arbitrary: fc.string({unit: 'grapheme', maxLength: 6})}
  )
  const documents = fc.array(pieces, {maxLength: 30}).map((parts) => parts.join(''))

  it('edits only verified ranges, and the plugin’s messages apply to the same output', {timeout: 60_000}, async () => {
    await fc.assert(
      fc.asyncProperty(documents, async (md) => {
        const result = analyzeMarkdown(md)
        let rebuilt = ''
        let at = 0
        for (const change of result.changes) {
          expect(change.start).toBeGreaterThanOrEqual(at)
          expect(md.slice(change.start, change.end)).toBe(change.actual)
          rebuilt += md.slice(at, change.start) + change.expected
          at = change.end
        }
        expect(rebuilt + md.slice(at)).toBe(result.output)
        for (const change of result.unfixable) {
          expect(0 <= change.start && change.start < change.end && change.end <= md.length).toBe(true)
        }
        const file = await remark().use(remarkFrontmatter).use(remarkGfm).use(remarkUnspin).process(md)
        expect(applyFixes(md, file.messages).output).toBe(result.output)
      }),
      {numRuns: 200}
    )
  })
})

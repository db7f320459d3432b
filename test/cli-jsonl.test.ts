// JSON Lines through the built CLI: order, byte-exact pass-through, malformed lines, field pointers,
// corpus filtering and annotation, streaming of huge input, and running under GNU parallel --pipe.
import {spawn, spawnSync} from 'node:child_process'
import {createWriteStream, readdirSync, readFileSync, rmSync, statSync} from 'node:fs'
import {once} from 'node:events'
import {join} from 'node:path'
import {describe, expect, it, vi} from 'vitest'
import {cli, folder, glossary, has, own, restored, run, spun} from './fixtures/cli/run.js'

// every test spawns node; machines running several builds at once are slow
vi.setConfig({testTimeout: 120_000})

const record = (id: number, text: string) => JSON.stringify({id, text})
const spunText = spun.trim()
const restoredText = restored.trim()

/** Lines alternating spun and clean records, with ids in order. */
function corpus(count: number): string {
  let out = ''
  for (let i = 0; i < count; i++) out += record(i, i % 2 === 0 ? `${i}: ${spunText}` : `${i}: Clean news prose, nothing to restore.`) + '\n'
  return out
}

describe('unspin: JSON Lines', () => {
  it('restores the text field and keeps every other byte of each line', () => {
    const input = '{"id":1,"text":"A White Home aide said this 12 months.","big":12345678901234567890,"x":1.0}\n' + '{ "id" : 2 , "text" : "Clean." }\r\n' + '{"id":3,"meta":{"text":"White Home"}}'
    const {stdout, status} = run([...own, '--format', 'jsonl'], {input})
    expect(status).toBe(0)
    expect(stdout).toBe('{"id":1,"text":"A White House aide said this year.","big":12345678901234567890,"x":1.0}\n' + '{ "id" : 2 , "text" : "Clean." }\r\n' + '{"id":3,"meta":{"text":"White Home"}}')
  })

  it('keeps line order across worker threads', () => {
    const input = corpus(3000)
    const {stdout, status} = run([...own, '-j', '2', '--format', 'jsonl'], {input})
    expect(status).toBe(0)
    const lines = stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(3000)
    lines.forEach((line, i) => {
      const parsed = JSON.parse(line) as {id: number; text: string}
      expect(parsed.id).toBe(i)
      if (i % 2 === 0) expect(parsed.text).toBe(`${i}: ${restoredText}`)
    })
    expect(run([...own, '-j', '1', '--format', 'jsonl'], {input}).stdout).toBe(stdout)
  })

  it('passes a malformed line through unchanged, with a warning and its line number', () => {
    const input = record(1, spunText) + '\n{"id":2,"text":\n\n' + record(3, spunText) + '\n'
    const {stdout, stderr, status} = run([...own, '--format', 'jsonl'], {input})
    expect(status).toBe(0)
    expect(stdout).toBe(record(1, restoredText) + '\n{"id":2,"text":\n\n' + record(3, restoredText) + '\n')
    expect(stderr).toMatch(/<stdin>:2: malformed JSON \(.*\); passed through unchanged/)
    expect(stderr).not.toMatch(/<stdin>:3:/) // a blank line is not an error
    expect(stderr).toMatch(/1 malformed line passed through/)
  })

  it('passes a line that is not UTF-8 through byte for byte', () => {
    const input = Buffer.concat([Buffer.from(record(1, spunText) + '\n'), Buffer.from('{"text":"caf\xe9"}\n', 'latin1'), Buffer.from(record(2, 'White Home') + '\n')])
    const result = spawnSync(process.execPath, [cli, ...own, '--format', 'jsonl'], {input})
    expect(Buffer.compare(result.stdout, Buffer.concat([Buffer.from(record(1, restoredText) + '\n'), Buffer.from('{"text":"caf\xe9"}\n', 'latin1'), Buffer.from(record(2, 'White House') + '\n')]))).toBe(0)
    expect(String(result.stderr)).toContain('<stdin>:2: not valid UTF-8; passed through unchanged')
    expect(result.status).toBe(0)
  })

  it('reads the field from --field, a key or a JSON pointer', () => {
    const input = '{"article":{"body":"The White Home.","title":"White Home"},"a/b":["x","White Home"]}\n'
    expect(run([...own, '--format', 'jsonl', '--field', '/article/body'], {input}).stdout).toBe('{"article":{"body":"The White House.","title":"White Home"},"a/b":["x","White Home"]}\n')
    expect(run([...own, '--format', 'jsonl', '--field', '/a~1b/1'], {input}).stdout).toBe('{"article":{"body":"The White Home.","title":"White Home"},"a/b":["x","White House"]}\n')
  })

  it('--annotate adds the spin score; --only routes records by it', () => {
    const input = corpus(6)
    const annotated = run([...own, '--format', 'jsonl', '--annotate'], {input})
      .stdout.trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as {id: number; unspin: {score: number; spun: boolean; changes: number}})
    expect(annotated.map((r) => r.id)).toEqual([0, 1, 2, 3, 4, 5])
    expect(annotated.map((r) => r.unspin.changes)).toEqual([4, 0, 4, 0, 4, 0])
    for (const r of annotated) expect(r.unspin.spun).toBe(r.unspin.score >= 0.5)
    // a threshold between the spun records' scores and the clean ones' (the score model is calibrated elsewhere)
    const spunScores = annotated.filter((r) => r.id % 2 === 0).map((r) => r.unspin.score)
    const cleanScores = annotated.filter((r) => r.id % 2 === 1).map((r) => r.unspin.score)
    expect(Math.min(...spunScores)).toBeGreaterThan(Math.max(...cleanScores))
    const threshold = String((Math.min(...spunScores) + Math.max(...cleanScores)) / 2)
    const ids = (args: string[]) => run([...own, '--format', 'jsonl', '--threshold', threshold, ...args], {input}).stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as {id: number}).id)
    expect(ids(['--only', 'spun'])).toEqual([0, 2, 4])
    expect(ids(['--only', 'clean'])).toEqual([1, 3, 5])
    const annotatedAgain = run([...own, '--format', 'jsonl', '--annotate', '--threshold', threshold], {input}).stdout.trimEnd().split('\n')
    expect(annotatedAgain.map((l) => (JSON.parse(l) as {unspin: {spun: boolean}}).unspin.spun)).toEqual([true, false, true, false, true, false])
  })

  it('--write, --check, --diff and --explain on a .jsonl file', () => {
    const dir = folder({'c.jsonl': corpus(4)})
    const check = run([...own, '--check', 'c.jsonl'], {cwd: dir})
    expect(check).toMatchObject({status: 1, stdout: 'c.jsonl: 8 artifacts\n'})
    const diff = run([...own, '--diff', 'c.jsonl'], {cwd: dir}).stdout
    expect(diff).toContain(`-${record(0, `0: ${spunText}`)}\n+${record(0, `0: ${restoredText}`)}\n`)
    const explain = run([...own, '--explain', 'c.jsonl'], {cwd: dir}).stdout
    expect(explain).toContain('c.jsonl:3:13: White Home → White House [cli-white-house, certain]')
    expect(run([...own, '--write', 'c.jsonl'], {cwd: dir}).status).toBe(0)
    expect(readFileSync(join(dir, 'c.jsonl'), 'utf8')).toBe(run([...own, '--format', 'jsonl'], {input: corpus(4)}).stdout)
  })

  it('leaves the file as it was and no temporary file when interrupted during --write', async () => {
    const input = corpus(40_000)
    const dir = folder({'c.jsonl': input})
    const child = spawn(process.execPath, [cli, ...own, '-j', '1', '--write', 'c.jsonl'], {cwd: dir, stdio: 'ignore'})
    const started = Date.now()
    while (!readdirSync(dir).some((f) => f.endsWith('.tmp')) && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 20))
    child.kill('SIGINT')
    const [code, signal] = (await once(child, 'exit')) as [number | null, string | null]
    expect(code ?? signal).toBe(130)
    expect(readdirSync(dir)).toEqual(['c.jsonl'])
    expect(readFileSync(join(dir, 'c.jsonl'), 'utf8')).toBe(input)
  })

  it('skips a binary .jsonl file with a message', () => {
    const dir = folder({'b.jsonl': Buffer.from([0x7b, 0, 0x7d, 10]), 'ok.jsonl': record(1, 'White Home') + '\n'})
    const {status, stdout, stderr} = run([...own, '.'], {cwd: dir})
    expect(stderr).toContain('b.jsonl: looks binary (contains NUL bytes); skipped')
    expect(stdout).toBe(record(1, 'White House') + '\n')
    expect(status).toBe(2)
  })

  it('streams a 200 MB file in constant memory', async () => {
    const dir = folder()
    const path = join(dir, 'huge.jsonl')
    const stream = createWriteStream(path)
    const filler = 'x'.repeat(2000)
    const line = JSON.stringify({id: 0, body: filler}) + '\n'
    let written = 0
    let i = 0
    while (written < 200 * 1024 * 1024) {
      const chunk = i % 1000 === 0 ? record(i, spunText) + '\n' : line
      if (!stream.write(chunk)) await once(stream, 'drain')
      written += Buffer.byteLength(chunk)
      i++
    }
    // one line of 70 MB: passed through in pieces, never held whole
    stream.write(JSON.stringify({text: 'y'.repeat(70 * 1024 * 1024)}) + '\n')
    stream.end(record(-1, spunText) + '\n')
    await once(stream, 'finish')
    // a V8 heap far smaller than the file: holding it (or the overlong line) would crash
    const result = spawnSync(process.execPath, ['--max-old-space-size=96', cli, ...own, '-j', '1', 'huge.jsonl', '--out', 'out'], {cwd: dir, encoding: 'utf8'})
    expect(result.stderr).toMatch(/huge\.jsonl:\d+: line longer than 64 MiB; passed through unchanged/)
    expect(result.status).toBe(0)
    expect(statSync(join(dir, 'out/huge.jsonl')).size).toBe(statSync(path).size - (Math.ceil(i / 1000) + 1) * (spunText.length - restoredText.length))
    const tail = spawnSync('tail', ['-c', '200', join(dir, 'out/huge.jsonl')], {encoding: 'utf8'}).stdout
    expect(tail.endsWith(record(-1, restoredText) + '\n')).toBe(true)
    rmSync(dir, {recursive: true, force: true})
  }, 300_000)
})

describe('unspin under GNU parallel --pipe', () => {
  const hasParallel = has('parallel')
  if (!hasParallel) console.warn('GNU parallel is not installed (apt-get install -y parallel): skipping the --pipe test')
  it.skipIf(!hasParallel)('gives the same output in the same order as one process (skipped only when GNU parallel is not installed: apt-get install -y parallel)', () => {
    const dir = folder({'corpus.jsonl': corpus(2000)})
    const command = `${process.execPath} ${cli} --no-bundled --glossary ${glossary} --no-config -q -j 1 --format jsonl --annotate`
    const piped = spawnSync('bash', ['-c', `parallel --will-cite --pipe -k --block 20k -j 2 '${command}' < corpus.jsonl`], {cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28})
    expect(piped.status).toBe(0)
    const single = run([...own, '-q', '--format', 'jsonl', '--annotate', 'corpus.jsonl'], {cwd: dir}).stdout
    expect(single.split('\n')).toHaveLength(2001)
    expect(piped.stdout).toBe(single)
  })
})

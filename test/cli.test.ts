// The batch CLI through the built command: inputs, formats, output modes, reports, workers, config.
import {spawnSync} from 'node:child_process'
import {chmodSync, existsSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it, vi} from 'vitest'
import {cli, folder, glossary, has, own, restored, run, spun} from './fixtures/cli/run.js'

// every test spawns node; machines running several builds at once are slow
vi.setConfig({testTimeout: 120_000})

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {version: string}

describe('unspin: basics', () => {
  it('prints the version fast, without loading the glossary', () => {
    const times: number[] = []
    for (let i = 0; i < 3; i++) {
      const start = performance.now()
      const result = run(['--version'])
      times.push(performance.now() - start)
      expect(result.stdout).toBe(pkg.version + '\n')
      expect(result.status).toBe(0)
    }
    // 150 ms on an idle machine (node's own start is most of it); generous here for loaded CI machines
    expect(Math.min(...times)).toBeLessThan(1000)
  })

  it('documents the exit codes in --help', () => {
    const {stdout, status} = run(['--help'])
    expect(status).toBe(0)
    expect(stdout).toMatch(/Exit codes:\n\s+0 .*\n\s+1 .*--check/)
    expect(stdout).toMatch(/\s2 .*usage/)
  })

  it('dispatches `unspin learn` to its own command', () => {
    const {stdout, status} = run(['learn', '--help'])
    expect(status).toBe(0)
    expect(stdout).toMatch(/^Usage: unspin learn /)
    const dir = folder({'spun.txt': 'The White Home said so.\n', 'original.txt': 'The White House said so.\n'})
    const learned = run(['learn', '--spun', 'spun.txt', '--original', 'original.txt', '--include-known'], {cwd: dir})
    expect(learned.status).toBe(0)
    expect(learned.stdout).toMatch(/canonical: .*[Hh]ouse/)
  })

  it('restores standard input to standard output', () => {
    const {stdout, stderr, status} = run(own, {input: spun})
    expect(stdout).toBe(restored)
    expect(status).toBe(0)
    expect(stderr).toMatch(/^unspin: 1 file, 1 of 1 document changed, 4 changes; .* MB in .* s \(.* MB\/s\)\n$/)
    expect(stderr).not.toContain('\r')
  })

  it('counts documents judged spun in the summary when a report computes the spin score', () => {
    const {stderr, status} = run([...own, '--report', 'text'], {input: spun})
    expect(status).toBe(0)
    expect(stderr).toMatch(/^unspin: 1 file, [01] of 1 document judged spun, 4 changes;/)
  })

  it('restores one file to standard output (the minimal CLI behaviour)', () => {
    const dir = folder({'a.txt': spun})
    expect(run([...own, 'a.txt'], {cwd: dir}).stdout).toBe(restored)
  })

  it('uses the bundled glossary by default', () => {
    const {stdout, status} = run(['--no-config'], {input: 'A senior White Home official said this 12 months’s talks matter.\n'})
    expect(status).toBe(0)
    expect(stdout).toContain('A senior White House official')
    expect(stdout).toContain('this year’s talks')
  })

  it('expands folders and globs, in order, by format', () => {
    const dir = folder({
      'docs/b.md': '# The White Home\n\nSee `White Home` in code; this 12 months.\n',
      'docs/a.txt': spun,
      'docs/sub/c.html': '<p>A <b>White Home</b> aide.</p><code>White Home</code>\n',
      'docs/.hidden/x.txt': spun,
      'docs/skip.bin': 'White Home',
      'other/d.txt': 'The imaginative and prescient.\n'
    })
    const {stdout, status} = run([...own, 'docs', 'other/*.txt'], {cwd: dir})
    expect(status).toBe(0)
    expect(stdout).toBe(
      restored +
        '# The White House\n\nSee `White Home` in code; this year.\n' +
        '<p>A <b>White House</b> aide.</p><code>White Home</code>\n' +
        'The vision.\n'
    )
  })

  it('forces a format with --format', () => {
    const {stdout} = run([...own, '--format', 'md'], {input: '`White Home` and White Home\n'})
    expect(stdout).toBe('`White Home` and White House\n')
  })
})

describe('unspin: output modes', () => {
  it('--write rewrites changed files atomically and leaves the others alone', () => {
    const dir = folder({'a.txt': spun, 'clean.txt': 'Nothing spun here.\n', 'sub/b.md': '# White Home\n'})
    chmodSync(join(dir, 'a.txt'), 0o640)
    const before = statSync(join(dir, 'a.txt'))
    const cleanBefore = statSync(join(dir, 'clean.txt'))
    const {stdout, stderr, status} = run([...own, '--write', '.'], {cwd: dir})
    expect(status).toBe(0)
    expect(stdout).toBe('')
    expect(stderr).toMatch(/2 files written/)
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(restored)
    expect(readFileSync(join(dir, 'sub/b.md'), 'utf8')).toBe('# White House\n')
    const after = statSync(join(dir, 'a.txt'))
    expect(after.ino).not.toBe(before.ino) // a new file renamed into place, not rewritten in place
    expect(after.mode & 0o777).toBe(0o640)
    expect(statSync(join(dir, 'clean.txt')).ino).toBe(cleanBefore.ino)
    expect(statSync(join(dir, 'clean.txt')).mtimeMs).toBe(cleanBefore.mtimeMs)
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([])
  })

  it('--out mirrors the input tree and never touches the inputs', () => {
    const dir = folder({'in/a.txt': spun, 'in/deep/er/b.txt': 'Clean.\n', 'in/c.jsonl': '{"text":"White Home"}\n'})
    const {status} = run([...own, 'in', '--out', 'out'], {cwd: dir})
    expect(status).toBe(0)
    expect(readFileSync(join(dir, 'out/a.txt'), 'utf8')).toBe(restored)
    expect(readFileSync(join(dir, 'out/deep/er/b.txt'), 'utf8')).toBe('Clean.\n')
    expect(readFileSync(join(dir, 'out/c.jsonl'), 'utf8')).toBe('{"text":"White House"}\n')
    expect(readFileSync(join(dir, 'in/a.txt'), 'utf8')).toBe(spun)
    // running again skips the output folder when it lies inside the input folder
    const again = run([...own, '.', '--out', 'out'], {cwd: dir})
    expect(again.status).toBe(0)
    expect(existsSync(join(dir, 'out/out'))).toBe(false)
    expect(readFileSync(join(dir, 'out/in/a.txt'), 'utf8')).toBe(restored)
  })

  it('--out refuses to overwrite an input', () => {
    const dir = folder({'a.txt': spun})
    const {status, stderr} = run([...own, 'a.txt', '--out', '.'], {cwd: dir})
    expect(status).toBe(2)
    expect(stderr).toMatch(/overwrite the input/)
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(spun)
  })

  it('--check exits 1 and lists files with artifacts; 0 when clean', () => {
    const dir = folder({'a.txt': spun, 'b.txt': 'Clean prose.\n'})
    const found = run([...own, '--check', '.'], {cwd: dir})
    expect(found.status).toBe(1)
    expect(found.stdout).toBe('a.txt: 4 artifacts\n')
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(spun)
    const clean = run([...own, '--check', 'b.txt'], {cwd: dir})
    expect(clean.status).toBe(0)
    expect(clean.stdout).toBe('')
  })

  it.skipIf(!has('patch'))('--diff prints a unified diff that patch(1) applies (skipped only without patch: apt-get install -y patch)', () => {
    const text = 'one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\nThe White\nHome said.\n\n' + 'x\n'.repeat(10) + 'Its imaginative and prescient'
    const dir = folder({'a.txt': text})
    const {stdout, status} = run([...own, '--diff', 'a.txt'], {cwd: dir})
    expect(status).toBe(0)
    expect(stdout).toMatch(/^--- a\/a\.txt\n\+\+\+ b\/a\.txt\n@@ -8,/)
    expect(stdout).toContain('\\ No newline at end of file')
    const patched = spawnSync('patch', ['-p1', '-o', 'patched.txt'], {cwd: dir, input: stdout, encoding: 'utf8'})
    expect(patched.status).toBe(0)
    expect(readFileSync(join(dir, 'patched.txt'), 'utf8')).toBe(run([...own, 'a.txt'], {cwd: dir}).stdout)
  })

  it.skipIf(!has('patch'))('--diff matches the written file when a format escapes a replacement for its markup', () => {
    const dir = folder({'a.html': '<p>Our analysis and improvement budget.</p>\n<p>Clean.</p>\n'})
    const {stdout} = run([...own, '--diff', 'a.html'], {cwd: dir})
    expect(stdout).toContain('+<p>Our R&amp;D budget.</p>\n')
    const patched = spawnSync('patch', ['-p1', '-o', 'patched.html'], {cwd: dir, input: stdout, encoding: 'utf8'})
    expect(patched.status).toBe(0)
    expect(readFileSync(join(dir, 'patched.html'), 'utf8')).toBe(run([...own, 'a.html'], {cwd: dir}).stdout)
  })

  it('--write writes through a symbolic link, keeping the link', () => {
    const dir = folder({'real/a.txt': spun})
    symlinkSync(join(dir, 'real/a.txt'), join(dir, 'link.txt'))
    expect(run([...own, '--write', 'link.txt'], {cwd: dir}).status).toBe(0)
    expect(lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true)
    expect(readFileSync(join(dir, 'real/a.txt'), 'utf8')).toBe(restored)
  })

  it('--explain names rule id, confidence, note and context of each change', () => {
    const {stdout} = run([...own, '--explain'], {input: spun})
    const lines = stdout.split('\n')
    expect(lines[0]).toBe('<stdin>:1:10: White Home → White House [cli-white-house, certain] Spinner maps house → home.')
    expect(lines[1]).toBe('    A senior «White Home» official stated this 12 months’s talks…')
    expect(stdout).toContain('<stdin>:1:37: this 12 months → this year [cli-this-year, certain]')
    expect(stdout).toContain('stated → said [cli-said, contextual]')
  })

  it('--report json and --report text', () => {
    const dir = folder({'a.txt': spun, 'b.txt': 'Clean.\n', 'c.jsonl': '{"text":"White Home"}\nbroken\n'})
    const json = run([...own, '--report', 'json', '.'], {cwd: dir})
    expect(json.status).toBe(0)
    const report = JSON.parse(json.stdout) as {files: Array<Record<string, unknown>>; summary: Record<string, number>}
    expect(report.files.map((f) => f.path)).toEqual(['a.txt', 'b.txt', 'c.jsonl'])
    expect(report.files[0]).toMatchObject({format: 'txt', changes: 4, unfixable: 0})
    expect(report.files[0]!.score).toBeGreaterThan(report.files[1]!.score as number)
    expect((report.files[0]!.details as Array<{ruleId: string}>).map((d) => d.ruleId)).toEqual(['cli-white-house', 'cli-said', 'cli-this-year', 'cli-focus-on'])
    expect(report.files[1]).toMatchObject({changes: 0, spun: false, details: []}) // score below the 0.5 threshold
    expect(report.files[2]).toMatchObject({format: 'jsonl', records: 1, changes: 1, malformed: 1})
    expect(report.summary).toMatchObject({files: 3, documents: 3, changes: 5, malformed: 1})
    const text = run([...own, '--report', 'text', 'a.txt', 'b.txt'], {cwd: dir})
    expect(text.stdout).toMatch(/^a\.txt: 4 changes, score [\d.]+ \((spun|clean)\)\nb\.txt: 0 changes, score [\d.]+ \(clean\)\n$/)
  })

  it('gives the same results with one job and with worker threads', () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 12; i++) files[`f${String(i).padStart(2, '0')}.txt`] = i % 3 === 0 ? 'Clean.\n' : spun.repeat(i)
    const dir = folder(files)
    const one = run([...own, '-j', '1', '--report', 'json', '.'], {cwd: dir})
    const two = run([...own, '-j', '2', '--report', 'json', '.'], {cwd: dir})
    const strip = (s: string) => s.replace(/"summary":.*/s, '')
    expect(strip(two.stdout)).toBe(strip(one.stdout))
    expect(run([...own, '-j', '2', '.'], {cwd: dir}).stdout).toBe(run([...own, '-j', '1', '.'], {cwd: dir}).stdout)
  })

  it('keeps standard error free of the progress bar when it is not a terminal', () => {
    const dir = folder({'a.txt': spun, 'b.txt': spun})
    const {stderr} = run([...own, '--check', '.'], {cwd: dir})
    expect(stderr).not.toMatch(/[\r\x1b]/)
    expect(run([...own, '-q', '.'], {cwd: dir}).stderr).toBe('')
  })

  it.skipIf(!has('script'))('draws a progress bar on a terminal (under script(1))', () => {
    const dir = folder({'a.txt': spun, 'b.txt': spun, 'c.txt': spun})
    const command = `${process.execPath} ${cli} ${own.join(' ')} --check . > /dev/null`
    const result = spawnSync('script', ['-qec', command, '/dev/null'], {cwd: dir, encoding: 'utf8'})
    expect(result.stdout).toMatch(/\r\[[#.]{24}\] \d\/3 files/)
    expect(result.stdout).toMatch(/unspin: 3 files/)
  })
})

describe('unspin: configuration', () => {
  it('reads .unspinrc.json upwards from the working directory; flags win', () => {
    const dir = folder({
      '.unspinrc.json': JSON.stringify({glossaries: ['glossaries/mine.yml'], bundled: false, gate: 'closed'}),
      'glossaries/mine.yml': readFileSync(glossary, 'utf8'),
      'deep/er/a.txt': spun
    })
    const cwd = join(dir, 'deep/er')
    expect(run(['a.txt'], {cwd}).stdout).toBe('A senior White House official stated this year’s talks will heart on migration.\n')
    expect(run(['--gate', 'open', 'a.txt'], {cwd}).stdout).toBe(restored)
    expect(run(['--no-config', '--no-bundled', 'a.txt'], {cwd}).stdout).toBe(spun)
  })

  it('reads the "unspin" key of package.json', () => {
    const dir = folder({'package.json': JSON.stringify({name: 'x', unspin: {glossaries: [glossary], bundled: false, disable: ['cli-white-house']}}), 'a.txt': spun})
    // one certain hit left: the evidence gate stays closed, so the contextual entries do not fire
    expect(run(['a.txt'], {cwd: dir}).stdout).toBe('A senior White Home official stated this year’s talks will heart on migration.\n')
  })

  it('takes the format from the configuration', () => {
    const dir = folder({'.unspinrc.json': JSON.stringify({glossaries: [glossary], bundled: false, format: 'jsonl', field: '/body'})})
    expect(run([], {cwd: dir, input: '{"body":"White Home"}\n'}).stdout).toBe('{"body":"White House"}\n')
  })

  it('warns when --only or --annotate meet no JSON Lines input', () => {
    const {stdout, stderr} = run([...own, '--only', 'spun'], {input: spun})
    expect(stdout).toBe(restored)
    expect(stderr).toContain('--only and --annotate apply to JSON Lines only')
  })

  it('rejects an unknown key with the file and the key', () => {
    const dir = folder({'.unspinrc.json': '{"glosaries": []}', 'a.txt': spun})
    const {status, stderr} = run(['a.txt'], {cwd: dir})
    expect(status).toBe(2)
    expect(stderr).toMatch(/\.unspinrc\.json: unknown key "glosaries"/)
  })
})

describe('unspin: usage errors', () => {
  it.each([
    [['--format', 'pdf'], /--format must be txt, md, html, jsonl/],
    [['--write', '--out', 'x', 'a.txt'], /--write and --out cannot be combined/],
    [['--check', '--write', 'a.txt'], /--check writes nothing/],
    [['--write'], /standard input cannot be written back/],
    [['--jobs', '0'], /--jobs must be a whole number/],
    [['--bogus'], /Unknown option '--bogus'/]
  ])('%j', (args, message) => {
    const {status, stderr} = run([...own, ...args], {input: ''})
    expect(status).toBe(2)
    expect(stderr).toMatch(message)
  })

  it('reports a broken user glossary with file, entry and reason', () => {
    const {status, stderr, stdout} = run(['--no-config', '--glossary', 'test/fixtures/cli/broken.yml'], {input: spun})
    expect(status).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(/broken\.yml \(cli-broken\): tier must be certain or contextual, not "sure"/)
  })

  it('reports a broken user glossary from worker threads too', () => {
    const dir = folder({'a.txt': spun, 'b.txt': spun})
    const {status, stderr} = run(['--no-config', '--no-bundled', '-j', '2', '--glossary', join(process.cwd(), 'test/fixtures/cli/broken.yml'), '.'], {cwd: dir})
    expect(status).toBe(2)
    expect(stderr).toMatch(/broken\.yml \(cli-broken\): tier must be certain or contextual, not "sure"/)
  })
})

describe('unspin: bad input', () => {
  it('skips binary, non-UTF-8 and missing inputs with a message naming each; the rest is processed', () => {
    const dir = folder({'a.txt': spun, 'bin.txt': Buffer.from([0x57, 0, 1, 2]), 'latin.txt': Buffer.from('caf\xe9 White Home\n', 'latin1'), 'z.txt': spun})
    const {status, stdout, stderr} = run([...own, 'a.txt', 'bin.txt', 'latin.txt', 'gone.txt', 'z.txt'], {cwd: dir})
    expect(status).toBe(2)
    expect(stdout).toBe(restored + restored)
    expect(stderr).toContain('bin.txt: looks binary (contains NUL bytes); skipped')
    expect(stderr).toContain('latin.txt: not valid UTF-8; skipped')
    expect(stderr).toContain('gone.txt: no such file, folder or matching glob')
  })

  // root reads anything, so as root the command runs as nobody (who must be able to read the checkout)
  const asNobody = process.getuid?.() === 0 ? {uid: 65534, gid: 65534} : {}
  const canTest = spawnSync(process.execPath, [cli, '--version'], asNobody).status === 0
  it.skipIf(!canTest)('does not stop the batch at an unreadable file (skipped only when running as root with a checkout that nobody cannot read)', () => {
    const dir = folder({'a.txt': spun, 'locked.txt': spun, 'z.txt': spun})
    chmodSync(join(dir, 'locked.txt'), 0o000)
    chmodSync(dir, 0o755)
    for (const f of ['a.txt', 'z.txt']) chmodSync(join(dir, f), 0o644)
    const {status, stdout, stderr} = run([...own, 'a.txt', 'locked.txt', 'z.txt'], {cwd: dir, ...asNobody})
    expect(stderr).toContain('locked.txt: cannot read (EACCES); skipped')
    expect(stdout).toBe(restored + restored)
    expect(status).toBe(2)
  })

  it('passes standard input it cannot restore through unchanged (a filter loses nothing)', () => {
    const latin = Buffer.from('caf\xe9 White Home\n', 'latin1')
    const result = spawnSync(process.execPath, [cli, ...own], {input: latin})
    expect(Buffer.compare(result.stdout, latin)).toBe(0)
    expect(String(result.stderr)).toContain('<stdin>: not valid UTF-8; passed through unchanged')
    expect(result.status).toBe(2)
    const huge = Buffer.alloc(70 * 1024 * 1024, 'White Home. ')
    const big = spawnSync(process.execPath, [cli, ...own], {input: huge, maxBuffer: 1 << 30})
    expect(String(big.stderr)).toContain('<stdin>: too large for a whole-document format (over 64 MiB); passed through unchanged')
    expect(big.stdout.length).toBe(huge.length)
    expect(Buffer.compare(big.stdout, huge)).toBe(0)
    expect(big.status).toBe(2)
  })

  it('works on empty input', () => {
    expect(run(own, {input: ''})).toMatchObject({status: 0, stdout: ''})
    const dir = folder({'e.txt': '', 'e.jsonl': ''})
    expect(run([...own, '--check', '.'], {cwd: dir}).status).toBe(0)
    expect(run([...own, '--write', '.'], {cwd: dir}).status).toBe(0)
    expect(readFileSync(join(dir, 'e.jsonl'), 'utf8')).toBe('')
  })

  it('refuses a whole-document file of 200 MB with a clear message instead of running out of memory', () => {
    const dir = folder({'small.txt': spun})
    writeFileSync(join(dir, 'huge.txt'), '')
    spawnSync('truncate', ['-s', '210M', join(dir, 'huge.txt')])
    const {status, stdout, stderr} = run([...own, 'huge.txt', 'small.txt'], {cwd: dir})
    expect(stderr).toMatch(/huge\.txt: too large for a whole-document format \(210 MiB > 64 MiB\); skipped/)
    expect(stdout).toBe(restored)
    expect(status).toBe(2)
  })

  it('the command is executable through its shebang', () => {
    const result = spawnSync(cli, ['--version'], {encoding: 'utf8'})
    expect(result.stdout).toBe(pkg.version + '\n')
  })
})

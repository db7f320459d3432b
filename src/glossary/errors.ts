// The error a broken glossary raises: names the file, the entry id and the reason.

export class GlossaryError extends Error {
  readonly file: string
  readonly id: string | undefined
  readonly reason: string

  constructor(file: string, id: string | undefined, reason: string) {
    super(`${file}${id ? ` (${id})` : ''}: ${reason}`)
    this.name = 'GlossaryError'
    this.file = file
    this.id = id
    this.reason = reason
  }
}

/** Several glossary problems at once (the build reports them all, not just the first). */
export class GlossaryErrors extends Error {
  readonly errors: GlossaryError[]

  constructor(errors: GlossaryError[]) {
    super(`${errors.length} glossary error${errors.length === 1 ? '' : 's'}:\n` + errors.map((e) => '  ' + e.message).join('\n'))
    this.name = 'GlossaryErrors'
    this.errors = errors
  }
}

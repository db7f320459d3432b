// Configuration files: finds .unspinrc.json or the "unspin" key of package.json (from the working
// directory upwards), checks its keys, and merges it under the command-line flags into Settings.

import {existsSync, readFileSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {formats, UsageError, type CliFlags, type Format} from './args.js'

export interface FileConfig {
  glossaries?: string[]
  disable?: string[]
  gate?: 'auto' | 'open' | 'closed'
  minCertain?: number
  field?: string
  format?: Format
  threshold?: number
  bundled?: boolean
}

/** Everything a run needs: flags with the configuration file merged in and defaults applied. */
export interface Settings extends Omit<CliFlags, 'help' | 'version' | 'config' | 'noConfig' | 'field' | 'threshold' | 'bundled' | 'gate' | 'minCertain'> {
  field: string
  threshold: number
  bundled: boolean
  gate: 'auto' | 'open' | 'closed'
  minCertain: number | undefined
  /** where the configuration came from, if anywhere */
  configFile: string | undefined
}

export class ConfigError extends Error {}

const checks: Record<keyof FileConfig, (v: unknown) => boolean> = {
  glossaries: (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'),
  disable: (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'),
  gate: (v) => v === 'auto' || v === 'open' || v === 'closed',
  minCertain: (v) => Number.isInteger(v) && (v as number) >= 0,
  field: (v) => typeof v === 'string' && v !== '',
  format: (v) => (formats as readonly unknown[]).includes(v),
  threshold: (v) => typeof v === 'number' && v >= 0 && v <= 1,
  bundled: (v) => typeof v === 'boolean'
}

/** Check a configuration object; glossary paths become absolute (relative to the file's folder). */
function validate(data: unknown, file: string): FileConfig {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new ConfigError(`${file}: expected a JSON object`)
  for (const [key, value] of Object.entries(data)) {
    const check = checks[key as keyof FileConfig]
    if (!check) throw new ConfigError(`${file}: unknown key "${key}" (known: ${Object.keys(checks).join(', ')})`)
    if (!check(value)) throw new ConfigError(`${file}: bad value for "${key}": ${JSON.stringify(value)}`)
  }
  const config = data as FileConfig
  if (config.glossaries) config.glossaries = config.glossaries.map((g) => resolve(dirname(file), g))
  return config
}

function readJson(file: string): unknown {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new ConfigError(`${file}: cannot read (${(error as Error).message})`)
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new ConfigError(`${file}: not valid JSON (${(error as Error).message})`)
  }
}

/** The nearest configuration from `start` upwards: .unspinrc.json first, then package.json's "unspin". */
export function findConfig(start: string): {file: string; config: FileConfig} | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const rc = join(dir, '.unspinrc.json')
    if (existsSync(rc)) return {file: rc, config: validate(readJson(rc), rc)}
    const pkg = join(dir, 'package.json')
    if (existsSync(pkg)) {
      const data = readJson(pkg) as {unspin?: unknown} | null
      if (data && typeof data === 'object' && data.unspin !== undefined) {
        return {file: pkg, config: validate(data.unspin, `${pkg} ("unspin" key)`)}
      }
    }
    if (dirname(dir) === dir) return undefined
  }
}

/** Merge flags over the configuration file; apply defaults. */
export function settingsFrom(flags: CliFlags, cwd = process.cwd()): Settings {
  let found: {file: string; config: FileConfig} | undefined
  if (flags.config !== undefined) {
    const file = resolve(cwd, flags.config)
    if (!existsSync(file)) throw new UsageError(`--config ${flags.config}: no such file`)
    found = {file, config: validate(readJson(file), file)}
  } else if (!flags.noConfig) {
    found = findConfig(cwd)
  }
  const config = found?.config ?? {}
  const {help: _h, version: _v, config: _c, noConfig: _n, ...rest} = flags
  return {
    ...rest,
    glossaries: [...(config.glossaries ?? []), ...flags.glossaries.map((g) => resolve(cwd, g))],
    disable: [...(config.disable ?? []), ...flags.disable],
    gate: flags.gate ?? config.gate ?? 'auto',
    minCertain: flags.minCertain ?? config.minCertain,
    field: flags.field ?? config.field ?? 'text',
    format: flags.format ?? config.format,
    threshold: flags.threshold ?? config.threshold ?? 0.5,
    bundled: flags.bundled ?? config.bundled ?? true,
    configFile: found?.file
  }
}

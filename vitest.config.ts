import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // corpus-wide precision tests and CLI runs take seconds on a busy 2-core machine
    testTimeout: 120_000,
    hookTimeout: 120_000
  }
})

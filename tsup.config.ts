import {defineConfig} from 'tsup'

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    cli: 'src/cli.ts',
    'glossary-build': 'src/glossary/build.ts',
    internal: 'src/internal.ts'
  },
  format: ['esm'],
  target: 'node20',
  dts: {entry: {index: 'src/index.ts'}},
  clean: true,
  splitting: true,
  sourcemap: false
})

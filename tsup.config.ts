import {defineConfig} from 'tsup'

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    cli: 'src/cli.ts',
    'cli-worker': 'src/cli/worker.ts',
    'glossary-build': 'src/glossary/build.ts',
    internal: 'src/internal.ts',
    remark: 'src/unified/remark-unspin.ts',
    rehype: 'src/unified/rehype-unspin.ts'
  },
  format: ['esm'],
  target: 'node20',
  dts: {entry: {index: 'src/index.ts', remark: 'src/unified/remark-unspin.ts', rehype: 'src/unified/rehype-unspin.ts'}},
  clean: true,
  splitting: true,
  sourcemap: false
})

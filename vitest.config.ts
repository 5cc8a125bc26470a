import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 15_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/unit.json' },
    server: { deps: { inline: ['electron-store'] } }
  }
})

import type { StoreFactory } from '.'

/** A store that lives and dies with the process: headless serve without `--data-dir`. */
export const memoryStoreFactory: StoreFactory = () => {
  const data = new Map<string, unknown>()
  return {
    path: ':memory:',
    get: (key) => (data.has(key) ? structuredClone(data.get(key)) : undefined),
    set: (key, value) => {
      data.set(key, structuredClone(value))
    },
    get store() {
      return Object.fromEntries([...data].map(([key, value]) => [key, structuredClone(value)]))
    },
    set store(document) {
      data.clear()
      for (const [key, value] of Object.entries(document)) data.set(key, structuredClone(value))
    }
  }
}

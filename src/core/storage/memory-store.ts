import type { StoreFactory } from '.'

/** A store that lives and dies with the process: headless serve without `--data-dir`. */
export const memoryStoreFactory: StoreFactory = () => {
  const data = new Map<string, unknown>()
  return {
    path: ':memory:',
    get: (key) => (data.has(key) ? structuredClone(data.get(key)) : undefined),
    set: (key, value) => {
      data.set(key, structuredClone(value))
    }
  }
}

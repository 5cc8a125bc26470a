import type { DeskApi } from '../../shared/contract'

declare global {
  interface Window {
    /** Built by the preload from the shared contract (see src/preload/index.ts). */
    desk: DeskApi
  }
}

export {}

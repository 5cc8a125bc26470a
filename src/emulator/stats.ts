import type { EmulatorStats } from './types'

export type StatsBucket = 'classic' | 'stable' | 'force' | 'probe' | 'ticket'

/** Which account and endpoint a request is charged to. */
export interface Attribution {
  appid: string
  bucket: StatsBucket
}

type Counts = Record<StatsBucket, number>

/** Requests per account and endpoint, counted whatever the answer (errors and faults included). */
export class RequestStats {
  private readonly byApp = new Map<string, Counts>()

  count({ appid, bucket }: Attribution): void {
    let counts = this.byApp.get(appid)
    if (!counts) {
      counts = { classic: 0, stable: 0, force: 0, probe: 0, ticket: 0 }
      this.byApp.set(appid, counts)
    }
    counts[bucket]++
  }

  /** Requests charged to one bucket (getticket calls are counted apart from the token calls of `of`). */
  calls(appid: string, bucket: StatsBucket): number {
    return this.byApp.get(appid)?.[bucket] ?? 0
  }

  of(appid: string): EmulatorStats {
    const { classic, stable, force, probe } = this.byApp.get(appid) ?? {
      classic: 0,
      stable: 0,
      force: 0,
      probe: 0
    }
    return { classic, stable, force, probe, total: classic + stable + force + probe }
  }
}

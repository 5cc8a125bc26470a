/**
 * The load generator of `bench/local-api.ts`, in its own process (pinned to its own CPU when `taskset`
 * exists) so it never shares an event loop or a core with the servers it measures. It stays up for the
 * whole bench: every run after the first finds autocannon already JIT-compiled, so runs measure the
 * servers, not a cold load generator. Jobs arrive over the IPC channel; one result goes back per job.
 */
import autocannon from 'autocannon'

export interface LoadJob {
  url: string
  connections: number
  seconds: number
  headers: Record<string, string>
}

export interface LoadResult {
  /** Mean requests per second over the run. */
  rps: number
  total: number
  p50: number
  p99: number
  non2xx: number
  errors: number
}

process.on('message', (job: LoadJob) => {
  autocannon(
    { url: job.url, connections: job.connections, duration: job.seconds, headers: job.headers },
    (error, result) => {
      if (error) throw error
      const answer: LoadResult = {
        rps: result.requests.average,
        total: result.requests.total,
        p50: result.latency.p50,
        p99: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors
      }
      process.send?.(answer)
    }
  )
})
process.on('disconnect', () => process.exit(0))

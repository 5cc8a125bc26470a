/**
 * Headless serve: `node out/main/serve.js serve --config apps.json` (or `wechat-token-desk serve …`). The same
 * token keeper and local HTTP API as the desktop app, with no UI and nothing from Electron.
 */
import { version } from '../../package.json'
import { runCli } from './index'

async function main(): Promise<void> {
  const outcome = await runCli({
    argv: process.argv.slice(2),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    version
  })
  if (typeof outcome === 'number') {
    process.exitCode = outcome
    return
  }
  let stoppingSince: number | null = null
  const stop = (signal: NodeJS.Signals): void => {
    if (stoppingSince !== null) {
      // A dependency (conf's atomic writer, via when-exit) re-raises the signal it saw, so a repeat right
      // away is an echo; a second signal later on means the user wants out now.
      if (Date.now() - stoppingSince > 1_000) process.exit(1)
      return
    }
    stoppingSince = Date.now()
    outcome.stop(signal).then(
      () => {
        process.exitCode = 0
        // Everything is closed, so the process ends by itself; this only guards against a stray handle.
        setTimeout(() => process.exit(0), 3_000).unref()
      },
      (error: unknown) => {
        process.stderr.write(`wechat-token-desk: error while stopping: ${String(error)}\n`)
        process.exit(1)
      }
    )
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

void main()

import { parseArgs } from 'node:util'
import { LOCAL_API_DEFAULT_HOST, LOCAL_API_DEFAULT_PORT } from '../shared/contract/local-api'
import { ConfigError } from '../compose/headless'

export interface ServeArgs {
  command: 'serve'
  config: string | null
  host: string
  port: number
  allowNonLoopback: boolean
  dataDir: string | null
  emulator: boolean
}

/** `push …`: the words after `push`, parsed by the push command itself (push-args.ts). */
export interface PushCommand {
  command: 'push'
  argv: string[]
}

export type CliArgs = ServeArgs | PushCommand | { command: 'help' } | { command: 'version' }

export const USAGE = `Usage: wechat-token-desk serve [options]

Runs the token keeper and the local HTTP API (the 中控 server) without a UI.

Options:
  --config FILE          apps: {"apps":[{"appid","name","kind","env","mode","apiBase"?}]}
                         kind: official-account | mini-program | test-account
                         env: dev | test | prod; mode: stable | classic
  --port N               port to listen on (default ${LOCAL_API_DEFAULT_PORT}; 0 = any free port, printed)
  --host ADDR            address to listen on (default ${LOCAL_API_DEFAULT_HOST})
  --allow-non-loopback   allow --host to be an address other machines can reach
  --data-dir DIR         keep tokens across restarts in DIR (encrypted with DESK_DATA_KEY)
  --emulator             start the built-in WeChat emulator and serve a sandbox app bound to it
  --help, --version

Environment:
  WECHAT_SECRET_<appid>  the AppSecret of each app (never read from the config file)
  DESK_API_KEY           the API key callers send as "Authorization: Bearer <key>" (default: generated, printed once)
  DESK_DATA_KEY          passphrase (16+ characters) that encrypts the tokens in --data-dir

Logs one JSON object per line on stdout; stops cleanly on SIGTERM / SIGINT.

Also: wechat-token-desk push --url URL --token TOKEN (--verify | --type TYPE | --event EVENT) …
  sends WeChat's verification or a message / event push to your own server and judges the answer
  (wechat-token-desk push --help).
`

/** Parses the command line; problems are ConfigErrors naming the option. */
export function parseCliArgs(argv: string[]): CliArgs {
  if (argv[0] === 'push') return { command: 'push', argv: argv.slice(1) }
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        config: { type: 'string' },
        host: { type: 'string' },
        port: { type: 'string' },
        'allow-non-loopback': { type: 'boolean' },
        'data-dir': { type: 'string' },
        emulator: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' }
      }
    })
  } catch (error) {
    throw new ConfigError([error instanceof Error ? error.message : String(error)])
  }
  const { values, positionals } = parsed
  if (values.help) return { command: 'help' }
  if (values.version) return { command: 'version' }
  const problems: string[] = []
  if (positionals[0] !== 'serve' || positionals.length > 1) {
    problems.push(
      `expected the command "serve" or "push" (got ${positionals.length === 0 ? 'none' : `"${positionals.join(' ')}"`})`
    )
  }
  const portText = values.port ?? String(LOCAL_API_DEFAULT_PORT)
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : Number.NaN
  if (!(port >= 0 && port <= 65535))
    problems.push(`--port: expected an integer from 0 to 65535 (got "${portText}")`)
  const emulator = values.emulator === true
  if (values.config === undefined && !emulator) {
    problems.push('--config: required (or --emulator to try the desk with its built-in sandbox app)')
  }
  if (problems.length > 0) throw new ConfigError(problems)
  return {
    command: 'serve',
    config: values.config ?? null,
    host: values.host ?? LOCAL_API_DEFAULT_HOST,
    port,
    allowNonLoopback: values['allow-non-loopback'] === true,
    dataDir: values['data-dir'] ?? null,
    emulator
  }
}

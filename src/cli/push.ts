import { readFileSync } from 'node:fs'
import { ConfigError } from '../compose/headless'
import { PushService, type PushHistoryEntry, type PushTargetInput } from '../core/push'
import type { Result } from '../shared/result'
import { parsePushArgs, PUSH_AES_KEY_ENV, PUSH_TOKEN_ENV, PUSH_USAGE, type PushArgs } from './push-args'
import type { CliIo } from './run'

/** Exit codes of `push`: accepted, refused by WeChat's rules, or a bad command line / environment. */
export const EXIT_ACCEPTED = 0
export const EXIT_REFUSED = 1
export const EXIT_USAGE = 2

function targetOf(args: PushArgs, env: CliIo['env']): PushTargetInput {
  const token = args.token ?? env[PUSH_TOKEN_ENV] ?? null
  if (token === null) throw new ConfigError([`--token: required (or set ${PUSH_TOKEN_ENV})`])
  return {
    url: args.url,
    token,
    encodingAesKey: args.aesKey ?? env[PUSH_AES_KEY_ENV] ?? null,
    appId: args.appId,
    mode: args.mode,
    account: args.account,
    format: args.format,
    ...(args.accountId === null ? {} : { accountId: args.accountId }),
    ...(args.openid === null ? {} : { openid: args.openid })
  }
}

function readBodyFile(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code
    throw new ConfigError([`--body: cannot read ${path}${code ? ` (${code})` : ''}`])
  }
}

async function run(
  service: PushService,
  args: PushArgs,
  target: PushTargetInput
): Promise<Result<PushHistoryEntry>> {
  const { action } = args
  if (action.kind === 'verify') return service.verify(target)
  if (action.kind === 'body') {
    return service.send(target, { body: readBodyFile(action.bodyFile), retry: args.retry })
  }
  const composed = service.compose(target, action.template, action.values)
  if (!composed.ok) return composed
  return service.send(target, { body: composed.value.body, template: action.template, retry: args.retry })
}

/** The printed report: the verdict first, then what was sent and received. Holds no Token or key. */
function report(entry: PushHistoryEntry, curl: string | null): Record<string, unknown> {
  const { verdict } = entry
  return {
    kind: entry.kind,
    accepted: verdict.accepted,
    summary: verdict.summary,
    findings: verdict.findings,
    ...(entry.kind === 'push' ? { phone: entry.verdict.phone, reply: entry.verdict.reply } : {}),
    attempts: entry.attempts,
    durationMs: entry.durationMs,
    request: {
      method: entry.request.method,
      url: entry.request.url,
      headers: entry.request.headers,
      body: entry.request.body,
      plaintext: entry.request.plaintext
    },
    curl
  }
}

/** `wechat-token-desk push …`: one verification or push, judged; the report as JSON on stdout. Resolves to the exit code. */
export async function runPush(argv: string[], io: Pick<CliIo, 'env' | 'stdout' | 'stderr'>): Promise<number> {
  let pusher: PushService | null = null
  try {
    const args = parsePushArgs(argv)
    if (args.command === 'push-help') {
      io.stdout(PUSH_USAGE)
      return EXIT_ACCEPTED
    }
    const target = targetOf(args, io.env)
    pusher = new PushService()
    const result = await run(pusher, args, target)
    if (!result.ok) {
      const issues = result.error.issues ?? []
      throw new ConfigError(
        issues.length > 0 ? issues.map((i) => `${i.path}: ${i.message.en}`) : [result.error.message.en]
      )
    }
    const entry = result.value
    io.stdout(`${JSON.stringify(report(entry, pusher.curl(entry.id)), null, 2)}\n`)
    if (entry.verdict.accepted) return EXIT_ACCEPTED
    io.stderr(
      `wechat-token-desk push: WeChat would not accept this answer.\n  ${entry.verdict.summary.en}\n  ${entry.verdict.summary['zh-CN']}\n`
    )
    return EXIT_REFUSED
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    io.stderr(`wechat-token-desk push:\n${error.problems.map((p) => `  - ${p}`).join('\n')}\n\n`)
    io.stderr('Run with push --help for the options.\n')
    return EXIT_USAGE
  } finally {
    await pusher?.close()
  }
}

import { z } from 'zod'
import { APP_KINDS, ENV_TAGS, type AppKind, type EnvTag } from '../../shared/contract'
import { checkAppId, parseApiBase } from '../../shared/validation'

/** One app of headless serve's config file. Its secret comes from the environment, never from the file. */
export interface ServeApp {
  appid: string
  name: string
  kind: AppKind
  env: EnvTag
  mode: 'stable' | 'classic'
  /** Normalised; https://api.weixin.qq.com when the file leaves it out. */
  apiBase: string
}

/** Bad input from the command line, the config file or the environment: every problem, each naming its place. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'))
    this.name = 'ConfigError'
  }
}

export const secretEnvName = (appid: string): string => `WECHAT_SECRET_${appid}`

const appSchema = z
  .object({
    appid: z.string(),
    name: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
    kind: z.enum(APP_KINDS),
    env: z.enum(ENV_TAGS),
    mode: z.enum(['stable', 'classic']),
    apiBase: z.string().optional()
  })
  .strict()

const fileSchema = z.object({ apps: z.array(z.unknown()) }).strict()

/**
 * Parses `{"apps":[{"appid","name","kind","env","mode","apiBase"?}]}`. Every problem names the app (index
 * and AppID) and the field, e.g. `apps[1] (wx…): field "kind": …`.
 */
export function parseServeConfig(source: string, json: string): ServeApp[] {
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch (error) {
    throw new ConfigError([
      `${source} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`
    ])
  }
  const file = fileSchema.safeParse(raw)
  if (!file.success) {
    throw new ConfigError(file.error.issues.map((issue) => `${source}: ${describeIssue(issue, 'apps')}`))
  }
  const problems: string[] = []
  const apps: ServeApp[] = []
  const firstIndexOf = new Map<string, number>()
  file.data.apps.forEach((entry, index) => {
    const label = appLabel(index, entry)
    const parsed = appSchema.safeParse(entry)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${label}: ${describeIssue(issue, APP_FIELDS)}`)
      return
    }
    const app = parsed.data
    const badAppId = checkAppId(app.appid)
    if (badAppId) problems.push(`${label}: field "appid": ${badAppId.en}`)
    const base = parseApiBase(app.apiBase ?? '')
    if (!base.ok) problems.push(`${label}: field "apiBase": ${base.message.en}`)
    const twin = firstIndexOf.get(app.appid)
    if (twin === undefined) firstIndexOf.set(app.appid, index)
    else
      problems.push(
        `${label}: field "appid": apps[${twin}] already has AppID ${app.appid}; each app may appear once`
      )
    if (!badAppId && base.ok && twin === undefined) apps.push({ ...app, apiBase: base.value })
  })
  if (problems.length > 0) throw new ConfigError(problems)
  return apps
}

/** The AppSecret of each app from `WECHAT_SECRET_<appid>`; the error names the app and the variable. */
export function secretsFromEnv(
  apps: ServeApp[],
  env: Readonly<Record<string, string | undefined>>
): Map<string, string> {
  const problems: string[] = []
  const secrets = new Map<string, string>()
  apps.forEach((app, index) => {
    const name = secretEnvName(app.appid)
    const secret = env[name]?.trim()
    const label = `apps[${index}] (${app.appid})`
    if (secret === undefined || secret === '') {
      problems.push(`${label}: no AppSecret; set the environment variable ${name}`)
    } else if (!/^[0-9a-f]{32}$/.test(secret)) {
      // Never quote the value: it is a secret, even when malformed.
      problems.push(
        `${label}: ${name} is not an AppSecret (32 lower-case hex digits; it has ${secret.length} characters)`
      )
    } else {
      secrets.set(app.appid, secret)
    }
  })
  if (problems.length > 0) throw new ConfigError(problems)
  return secrets
}

function appLabel(index: number, entry: unknown): string {
  const appid =
    typeof entry === 'object' && entry !== null && 'appid' in entry && typeof entry.appid === 'string'
      ? entry.appid
      : null
  return appid === null ? `apps[${index}]` : `apps[${index}] (${appid.slice(0, 32)})`
}

const APP_FIELDS = 'appid, name, kind, env, mode, apiBase'

function describeIssue(issue: z.core.$ZodIssue, allowed: string): string {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys
      .map((key) =>
        key === 'secret' || key === 'appsecret'
          ? `field "${key}": secrets are never read from the config file; set WECHAT_SECRET_<appid> in the environment`
          : `field "${key}": unknown field (allowed: ${allowed})`
      )
      .join('; ')
  }
  const field = issue.path.length > 0 ? `field "${issue.path.join('.')}": ` : ''
  return `${field}${issue.message}`
}

import type { MiniProgramSimulator } from '../../core/mini-program'
import type { OAuthDomains } from '../../core/oauth'
import { ownOAuthDomains } from '../../core/oauth'
import type { ProfileService, SandboxBinding } from '../../core/profiles'
import type { AppView } from '../../shared/contract'
import { createEmulator, SANDBOX_APP, type Emulator, type EmulatorClock } from '../../emulator'

/**
 * The one place where the desk meets its fake WeChat: the built-in emulator on 127.0.0.1 (a free port), the
 * sandbox account it plays, and how the sandbox profile is bound to it. The engine only ever sees the
 * binding and `domainsFor`; it never imports the emulator.
 */
export interface Sandbox {
  emulator: Emulator
  /** What the profile service needs to seed and resolve the sandbox profile. */
  binding: SandboxBinding
  /** An app's 网页授权 domains: the sandbox profile without its own falls back to the emulator's default. */
  domainsFor(app: AppView): OAuthDomains
  /** The phone for Mini Program login: codes from the emulator, for apps whose API base is the emulator. */
  simulator: MiniProgramSimulator
  /** Keeps the emulator's account in step with the sandbox profile (its 网页授权 domains); returns a stop. */
  follow(profiles: ProfileService): () => void
  close(): Promise<void>
}

export async function startSandbox(clock: EmulatorClock): Promise<Sandbox> {
  const emulator = createEmulator({ clock, host: '127.0.0.1', port: 0, apps: [SANDBOX_APP] })
  await emulator.start()
  const domainsFor = (app: AppView): OAuthDomains => {
    const own = ownOAuthDomains(app)
    return app.isSandbox && own.source === 'none'
      ? { domains: [...(SANDBOX_APP.oauthDomains ?? [])], source: 'emulator' }
      : own
  }
  return {
    emulator,
    binding: { appId: SANDBOX_APP.appid, secret: SANDBOX_APP.secret, apiBase: () => emulator.url },
    domainsFor,
    simulator: miniProgramSimulator(emulator),
    follow(profiles) {
      const sync = (): void => {
        const sandbox = profiles.list().find((app) => app.isSandbox)
        if (sandbox) emulator.addApp({ ...SANDBOX_APP, oauthDomains: domainsFor(sandbox).domains })
      }
      sync()
      return profiles.onChange(sync)
    },
    close: () => emulator.close()
  }
}

const withoutSlash = (url: string): string => url.trim().replace(/\/+$/, '')
const SIMULATE_PREFIX = /^Cannot simulate a Mini Program code: /

function miniProgramSimulator(emulator: Emulator): MiniProgramSimulator {
  return {
    serves: (apiBase) => emulator.running && withoutSlash(apiBase) === withoutSlash(emulator.url),
    users: () =>
      emulator.sandboxUsers().map(({ id, nickname, phoneNumber }) => ({ id, nickname, phoneNumber })),
    issue(kind, appid, userId) {
      try {
        const issued =
          kind === 'login'
            ? emulator.simulateLogin(appid, userId)
            : emulator.simulatePhoneNumber(appid, userId)
        return { ok: true, ...issued }
      } catch (error) {
        if (!(error instanceof RangeError)) throw error
        return { ok: false, reason: error.message.replace(SIMULATE_PREFIX, '') }
      }
    }
  }
}

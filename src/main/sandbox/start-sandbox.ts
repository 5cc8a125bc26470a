import { createEmulator, SANDBOX_APP, type Emulator } from '../emulator'
import type { SandboxBinding } from '../profiles'
import type { Clock } from '../time/clock'

export interface Sandbox {
  emulator: Emulator
  binding: SandboxBinding
}

/** Starts the built-in emulator on 127.0.0.1 (a free port) with the sandbox app registered. */
export async function startSandbox(clock: Clock): Promise<Sandbox> {
  const emulator = createEmulator({ clock, host: '127.0.0.1', port: 0, apps: [SANDBOX_APP] })
  await emulator.start()
  return {
    emulator,
    binding: { appId: SANDBOX_APP.appid, secret: SANDBOX_APP.secret, apiBase: () => emulator.url }
  }
}

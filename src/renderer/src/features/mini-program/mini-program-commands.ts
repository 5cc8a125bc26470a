import type { DeskApi, MiniProgramCodeKind, SimulatedCodeView } from '../../../../shared/contract'
import type { Result } from '../../../../shared/result'
import { callDesk } from '../../lib/desk'
import {
  receiveMiniProgramSetup,
  receivePhone,
  receiveSession,
  receiveSimulatedCode,
  setMiniProgramBusy,
  setMiniProgramError,
  setMiniProgramNotice,
  setRevealedKey,
  useMiniProgramStore,
  type MiniProgramArea,
  type MiniProgramNotice
} from './mini-program-store'

/** Runs a call as `busy` (one at a time), routes its failure to `area`, and clears that area on success. */
async function run<T>(
  busy: string,
  area: MiniProgramArea,
  ask: (desk: DeskApi) => Promise<Result<T>>,
  notice?: MiniProgramNotice
): Promise<T | null> {
  if (useMiniProgramStore.getState().busy !== null) return null
  setMiniProgramBusy(busy)
  setMiniProgramNotice(null)
  const result = await callDesk(ask)
  setMiniProgramBusy(null)
  if (!result.ok) {
    setMiniProgramError(area, result.error)
    return null
  }
  setMiniProgramError(area, null)
  if (notice) setMiniProgramNotice(notice)
  return result.value
}

export async function loadMiniProgramSetup(id: string): Promise<void> {
  const result = await callDesk((desk) => desk.getMiniProgramSetup({ id }))
  if (result.ok) receiveMiniProgramSetup(result.value)
  else setMiniProgramError('setup', result.error)
}

/** "Simulate wx.login / getPhoneNumber": the emulator hands out the code the phone would. */
export async function simulateCode(
  id: string,
  kind: MiniProgramCodeKind,
  user: string
): Promise<SimulatedCodeView | null> {
  const area = kind === 'login' ? 'login' : 'phone'
  const notice = kind === 'login' ? 'login-simulated' : 'phone-simulated'
  const code = await run(
    `simulate-${kind}`,
    area,
    (desk) => desk.simulateMiniProgramCode({ id, kind, user }),
    notice
  )
  if (code) receiveSimulatedCode(code)
  return code
}

export async function exchangeCode(id: string, code: string): Promise<void> {
  const session = await run(
    'exchange',
    'login',
    (desk) => desk.exchangeMiniProgramCode({ id, code }),
    'exchanged'
  )
  if (session) receiveSession(session)
}

export async function revealSessionKey(sessionId: string): Promise<void> {
  const shown = await run('reveal', 'login', (desk) => desk.revealSessionKey({ sessionId }))
  if (shown) setRevealedKey(shown.sessionKey)
}

export const hideSessionKey = (): void => setRevealedKey(null)

export async function readPhoneNumber(id: string, code: string, openid: string): Promise<void> {
  const phone = await run(
    'phone',
    'phone',
    (desk) =>
      desk.getMiniProgramPhoneNumber({
        id,
        code,
        ...(openid.trim() === '' ? {} : { openid: openid.trim() })
      }),
    'phone-read'
  )
  if (phone) receivePhone(phone)
}

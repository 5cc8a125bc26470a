import { create } from 'zustand'
import type {
  MiniProgramPhoneView,
  MiniProgramSessionView,
  MiniProgramSetup,
  SimulatedCodeView
} from '../../../../shared/contract'
import type { DeskError } from '../../../../shared/result'
import { clockSkew } from '../../lib/main-clock'

/** Where a failed action's error is shown. */
export type MiniProgramArea = 'setup' | 'login' | 'phone'

export type MiniProgramNotice = 'login-simulated' | 'phone-simulated' | 'exchanged' | 'phone-read'

export interface MiniProgramUiState {
  /** The app the tab shows; a change of app starts afresh. */
  profileId: string | null
  setup: MiniProgramSetup | null
  /** The latest code the emulator issued, per kind (it also fills the form). */
  simulated: Partial<Record<SimulatedCodeView['kind'], SimulatedCodeView>>
  /** main's clock minus ours when the latest simulated code arrived (its countdown uses it). */
  skewMs: number
  session: MiniProgramSessionView | null
  /** The session_key of `session`, only after the user asked to see it. */
  revealedKey: string | null
  phone: MiniProgramPhoneView | null
  busy: string | null
  errors: Partial<Record<MiniProgramArea, DeskError>>
  notice: MiniProgramNotice | null
}

export const initialMiniProgramState: MiniProgramUiState = {
  profileId: null,
  setup: null,
  simulated: {},
  skewMs: 0,
  session: null,
  revealedKey: null,
  phone: null,
  busy: null,
  errors: {},
  notice: null
}

export const useMiniProgramStore = create<MiniProgramUiState>()(() => initialMiniProgramState)

export function showMiniProgramApp(profileId: string): void {
  if (useMiniProgramStore.getState().profileId !== profileId) {
    useMiniProgramStore.setState({ ...initialMiniProgramState, profileId })
  }
}

export function receiveMiniProgramSetup(setup: MiniProgramSetup): void {
  if (useMiniProgramStore.getState().profileId === setup.profileId) useMiniProgramStore.setState({ setup })
}

export function receiveSimulatedCode(code: SimulatedCodeView, localNow: number = Date.now()): void {
  useMiniProgramStore.setState((state) => ({
    simulated: { ...state.simulated, [code.kind]: code },
    skewMs: clockSkew(code.now, localNow)
  }))
}

export const receiveSession = (session: MiniProgramSessionView): void =>
  useMiniProgramStore.setState({ session, revealedKey: null })
export const receivePhone = (phone: MiniProgramPhoneView): void => useMiniProgramStore.setState({ phone })
export const setRevealedKey = (revealedKey: string | null): void =>
  useMiniProgramStore.setState({ revealedKey })
export const setMiniProgramBusy = (busy: string | null): void => useMiniProgramStore.setState({ busy })
export const setMiniProgramNotice = (notice: MiniProgramNotice | null): void =>
  useMiniProgramStore.setState({ notice })

export function setMiniProgramError(area: MiniProgramArea, error: DeskError | null): void {
  useMiniProgramStore.setState((state) => ({ errors: { ...state.errors, [area]: error ?? undefined } }))
}

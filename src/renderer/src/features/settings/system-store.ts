import { create } from 'zustand'
import type { DeskError } from '../../../../shared/result'
import type { Notice, SystemInfo } from '../../../../shared/contract'

/** A failure that belongs to no panel (start-up, saving a preference); shown as a banner until dismissed. */
export interface Problem {
  id: number
  error: DeskError
}

export interface SystemState {
  info: SystemInfo | null
  notices: Notice[]
  problems: Problem[]
}

export const initialSystemState: SystemState = { info: null, notices: [], problems: [] }

export const useSystemStore = create<SystemState>()(() => initialSystemState)

let nextProblemId = 1

export function setSystemInfo(info: SystemInfo): void {
  useSystemStore.setState({ info, notices: info.notices })
}

export function setNotices(notices: Notice[]): void {
  useSystemStore.setState({ notices })
}

export function removeNotice(id: string): void {
  useSystemStore.setState((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) }))
}

export function reportProblem(error: DeskError): void {
  const problem = { id: nextProblemId++, error }
  useSystemStore.setState((state) => ({ problems: [...state.problems, problem] }))
}

export function dismissProblem(id: number): void {
  useSystemStore.setState((state) => ({ problems: state.problems.filter((problem) => problem.id !== id) }))
}

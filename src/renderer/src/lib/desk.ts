import type { DeskApi } from '../../../shared/contract'
import { text, type DeskError, type Result } from '../../../shared/result'

function bridgeFailure(cause: unknown): DeskError {
  const detail = cause instanceof Error ? cause.message : String(cause)
  return {
    code: 'internal',
    message: text(`The desk did not answer: ${detail}`, `主进程没有响应：${detail}`),
    fix: text(
      'Restart WeChat Token Desk. If it happens again, report it.',
      '请重启 WeChat Token Desk；如仍出现，请反馈此问题。'
    )
  }
}

/** An invalid-input error that names fields: shown under those fields, not whole as a callout. */
export const isFieldError = (error: DeskError): boolean =>
  error.code === 'invalid-input' && (error.issues?.length ?? 0) > 0

/**
 * Runs one `window.desk` call. Expected failures already arrive as `{ ok: false }`; a rejected promise means the
 * bridge itself broke, and is turned into the same shape so every caller has one error path.
 */
export async function callDesk<T>(run: (desk: DeskApi) => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run(window.desk)
  } catch (cause) {
    return { ok: false, error: bridgeFailure(cause) }
  }
}

import { text, type DeskError } from '../../shared/result'

/** Why the callback catcher could not listen on `host:port`, said so the user can pick another. */
export function listenFailure(error: unknown, host: string, port: number): DeskError {
  const code = typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined
  if (code === 'EADDRINUSE') {
    return {
      code: 'invalid-input',
      message: text(`Port ${port} on ${host} is already in use`, `${host} 的端口 ${port} 已被占用`),
      fix: text('Choose another port, or 0 for any free port.', '请换一个端口，或填 0 使用任意空闲端口。')
    }
  }
  if (code === 'EACCES') {
    return {
      code: 'invalid-input',
      message: text(`Not allowed to listen on port ${port}`, `没有权限监听端口 ${port}`),
      fix: text(
        'Ports below 1024 need administrator rights: use one above 1024.',
        '1024 以下的端口需要管理员权限，请使用 1024 以上的端口。'
      )
    }
  }
  return {
    code: 'network',
    message: text(
      `Could not listen on ${host}:${port}: ${error instanceof Error ? error.message : String(error)}`,
      `无法监听 ${host}:${port}：${error instanceof Error ? error.message : String(error)}`
    ),
    fix: text(
      'Pick an address this computer still has (Wi-Fi may have changed) and try again.',
      '请选择本机当前仍有的地址（Wi-Fi 可能已切换）后重试。'
    )
  }
}
